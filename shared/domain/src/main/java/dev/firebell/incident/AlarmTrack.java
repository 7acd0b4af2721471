package dev.firebell.incident;

import java.time.Instant;

/**
 * What Firebell remembers about one dedup key (by default one alarm): the incident it currently
 * feeds, and the latest state timestamps seen, which is what makes out-of-order delivery safe.
 *
 * @param incidentId   the latest incident opened for this key, open or resolved; null if none yet
 * @param open         whether that incident is open
 * @param resolvedAt   alarm time of the OK that resolved it (null unless resolved)
 * @param autoResolved whether the alarm's OK resolved it (only those can be reopened by a flap)
 * @param lastAlarmAt  newest ALARM state timestamp folded into the incident
 * @param lastOkAt     newest OK state timestamp seen for this key
 * @param version      optimistic-locking counter; every transition checks and bumps it
 */
public record AlarmTrack(
        String dedupKey,
        String incidentId,
        boolean open,
        Instant resolvedAt,
        boolean autoResolved,
        Instant lastAlarmAt,
        Instant lastOkAt,
        long version) {

    public static AlarmTrack none(String dedupKey) {
        return new AlarmTrack(dedupKey, null, false, null, false, null, null, 0);
    }

    public boolean exists() {
        return version > 0;
    }
}
