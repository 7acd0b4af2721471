package dev.firebell.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The hand-off rule computed the slow, obvious way, for property tests: scan forward minute by minute for
 * the first instant at which the local clock shows the named time or later. Shares no code with
 * {@link WallClock}.
 */
final class WallClockReference {

    private WallClockReference() {
    }

    static Instant firstInstantShowing(LocalDateTime local, ZoneId zone) {
        // Every offset in use is between -12:00 and +14:00: start where the clock surely shows an earlier time.
        Instant t = local.toInstant(java.time.ZoneOffset.UTC).minus(15, ChronoUnit.HOURS);
        // Jump close, keeping a margin larger than any clock change.
        while (LocalDateTime.ofInstant(t.plus(3, ChronoUnit.HOURS), zone).isBefore(local)) {
            t = t.plus(1, ChronoUnit.HOURS);
        }
        while (LocalDateTime.ofInstant(t, zone).isBefore(local)) {
            t = t.plus(1, ChronoUnit.MINUTES);
        }
        return t;
    }
}
