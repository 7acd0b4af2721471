package dev.firebell.person;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import dev.firebell.schedule.WallClock;

/**
 * The hours of a day when someone may be woken for low-severity incidents, on their own clock.
 * {@code from} is before {@code to}; both are local wall-clock times.
 */
public record Daytime(LocalTime from, LocalTime to) {

    public Daytime {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("daytime must start before it ends (from " + from + " to " + to + ")");
        }
    }

    public boolean contains(Instant t, ZoneId zone) {
        LocalTime local = LocalDateTime.ofInstant(t, zone).toLocalTime();
        return !local.isBefore(from) && local.isBefore(to);
    }

    /** {@code t} itself if it is daytime, otherwise the next start of daytime in {@code zone}. */
    public Instant nextDaytime(Instant t, ZoneId zone) {
        if (contains(t, zone)) {
            return t;
        }
        LocalDateTime local = LocalDateTime.ofInstant(t, zone);
        LocalDate day = local.toLocalTime().isBefore(from) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return WallClock.instant(day.atTime(from), zone);
    }

    @Override
    public String toString() {
        return from + "-" + to;
    }
}
