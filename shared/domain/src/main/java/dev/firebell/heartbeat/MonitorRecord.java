package dev.firebell.heartbeat;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What Firebell remembers of one monitor between pings: its state, the last ping written (the first of its slice), when
 * it is next due, and, while it is down, why and which miss still has to reach its incident. Each method is one rule
 * of docs/heartbeats.md, a pure function of the record, the monitor and the time.
 *
 * @param dueAt     when the sweep next looks at it: a deadline while up or running, the next repeat while down, an
 *                  unsent alarm's time while that alarm is pending; null for a new monitor (it never expires)
 * @param downSince when it went down (the deadline it missed, or the failure)
 * @param alarmAt   the time of the miss or failure whose ALARM has not reached the incident path yet; null if none
 * @param version   optimistic-locking counter: each write checks and bumps it; 0 before the record exists
 */
public record MonitorRecord(String name, MonitorState state, Instant lastPingAt, PingKind lastPingKind, Instant dueAt,
                            Instant downSince, DownCause cause, Instant alarmAt, long version) {

    public MonitorRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
    }

    public static MonitorRecord fresh(String name) {
        return new MonitorRecord(name, MonitorState.NEW, null, null, null, null, null, null, 0);
    }

    /** The record after this ping, or empty when the ping changes nothing worth a write (docs/adr/0115). */
    Optional<MonitorRecord> afterPing(Monitor m, PingKind kind, Instant now) {
        return switch (kind) {
            case SUCCESS -> state == MonitorState.UP && m.sameSlice(lastPingAt, now) ? Optional.empty()
                    : Optional.of(new MonitorRecord(name, MonitorState.UP, now, kind, m.dueAfterSuccess(now), null,
                            null, null, version));
            // Down stays down until a success; a run already started in this slice is already timed.
            case START -> state == MonitorState.DOWN || state == MonitorState.RUNNING && m.sameSlice(lastPingAt, now)
                    ? Optional.empty()
                    : Optional.of(new MonitorRecord(name, MonitorState.RUNNING, now, kind, m.dueAfterStart(now), null,
                            null, null, version));
            // Due at once, so that the sweep sends the ALARM if this request dies before it does.
            case FAIL -> state == MonitorState.DOWN ? Optional.empty()
                    : Optional.of(new MonitorRecord(name, MonitorState.DOWN, now, kind, now, now, DownCause.FAILED,
                            now, version));
        };
    }

    /** Whether the sweep has work on it at {@code now}. */
    boolean isDue(Instant now) {
        return dueAt != null && !dueAt.isAfter(now);
    }

    /**
     * The miss the sweep found due: down since the deadline it missed (or still down, one interval later), its ALARM
     * pending until the incident path has taken it.
     */
    MonitorRecord missed() {
        DownCause why = state == MonitorState.DOWN ? cause
                : state == MonitorState.RUNNING ? DownCause.RAN_TOO_LONG : DownCause.MISSED;
        Instant since = state == MonitorState.DOWN ? downSince : dueAt;
        return new MonitorRecord(name, MonitorState.DOWN, lastPingAt, lastPingKind, dueAt, since, why, dueAt, version);
    }

    /** The pending ALARM reached the incident path: the next look is a repeat's time later. */
    MonitorRecord alarmSent(Monitor m, Instant now) {
        Instant from = alarmAt != null && alarmAt.isAfter(now) ? alarmAt : now;
        return new MonitorRecord(name, state, lastPingAt, lastPingKind, from.plus(m.repeat()), downSince, cause, null,
                version);
    }

    /** The same record as stored after a write that bumped its version to {@code v}. */
    MonitorRecord withVersion(long v) {
        return new MonitorRecord(name, state, lastPingAt, lastPingKind, dueAt, downSince, cause, alarmAt, v);
    }

    /** No longer declared: the sweep stops looking at it (config apply removes it). */
    MonitorRecord undeclared() {
        return new MonitorRecord(name, state, lastPingAt, lastPingKind, null, downSince, cause, null, version);
    }
}
