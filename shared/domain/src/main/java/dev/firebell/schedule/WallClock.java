package dev.firebell.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The one rule that turns a local wall-clock time into an instant, used for every hand-off, restriction
 * boundary and maintenance start: <b>the first instant at which the local clock shows that time</b>.
 * <ul>
 *   <li>A time that occurs twice (clocks go back) happens at its first occurrence, the earlier offset.</li>
 *   <li>A time that does not exist (clocks jump forward over it) happens at the jump: 02:30 on a day
 *       the clocks go from 02:00 to 03:00 is 03:00, the first instant the clock shows a later time.</li>
 * </ul>
 */
public final class WallClock {

    private WallClock() {
    }

    public static Instant instant(LocalDateTime local, ZoneId zone) {
        return instant(local, zone.getRules());
    }

    public static Instant instant(LocalDateTime local, ZoneRules rules) {
        if (rules.isFixedOffset()) {
            return local.toInstant(rules.getOffset(Instant.EPOCH));
        }
        ZoneOffsetTransition transition = rules.getTransition(local);
        if (transition == null) {
            return local.toInstant(rules.getOffset(local));
        }
        return transition.isGap() ? transition.getInstant() : local.toInstant(transition.getOffsetBefore());
    }
}
