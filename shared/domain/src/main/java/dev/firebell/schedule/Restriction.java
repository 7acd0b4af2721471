package dev.firebell.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A weekly window of local wall-clock time when a layer applies, for example Monday to Friday,
 * 09:00 to 17:00. It starts on each of its days at {@code from}; it ends at {@code to} the same day,
 * or the next day when {@code to} is not after {@code from} (22:00 to 06:00 is a night). {@code to}
 * may be 24:00, the end of the day.
 *
 * @param fromMinute minutes after local midnight, 0..1439
 * @param toMinute   minutes after local midnight, 1..1440
 */
public record Restriction(Set<DayOfWeek> days, int fromMinute, int toMinute) {

    public static final int DAY_MINUTES = 24 * 60;

    public Restriction {
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a restriction needs at least one day");
        }
        if (fromMinute < 0 || fromMinute >= DAY_MINUTES || toMinute < 1 || toMinute > DAY_MINUTES) {
            throw new IllegalArgumentException("restriction times must be within the day");
        }
        if (fromMinute == toMinute) {
            throw new IllegalArgumentException("a restriction from " + clock(fromMinute) + " to " + clock(toMinute)
                    + " is ambiguous; for whole days write from 00:00 to 24:00");
        }
    }

    /** Whether the window crosses midnight into the next day. */
    public boolean overnight() {
        return toMinute < fromMinute;
    }

    /** Length of the window each day, in minutes of wall-clock time. */
    public int lengthMinutes() {
        return overnight() ? DAY_MINUTES - fromMinute + toMinute : toMinute - fromMinute;
    }

    /** Whether the local date-time lies inside the window. */
    public boolean contains(LocalDateTime local) {
        int minute = local.getHour() * 60 + local.getMinute();
        DayOfWeek day = local.getDayOfWeek();
        if (!overnight()) {
            return days.contains(day) && minute >= fromMinute && minute < toMinute;
        }
        return (days.contains(day) && minute >= fromMinute) || (days.contains(day.minus(1)) && minute < toMinute);
    }

    public boolean contains(Instant t, ZoneId zone) {
        return contains(LocalDateTime.ofInstant(t, zone));
    }

    /**
     * Minute intervals of the week ([start, end) with 0 = Monday 00:00, end up to 2 weeks for windows that
     * wrap past Sunday) this restriction covers: what overlap checks compare.
     */
    public int[][] weekIntervals() {
        int[][] out = new int[days.size()][];
        int i = 0;
        for (DayOfWeek d : EnumSet.copyOf(days)) {
            int start = (d.getValue() - 1) * DAY_MINUTES + fromMinute;
            out[i++] = new int[] {start, start + lengthMinutes()};
        }
        return out;
    }

    /** Whether two restrictions share any minute of the week. */
    public boolean overlaps(Restriction other) {
        int week = 7 * DAY_MINUTES;
        for (int[] a : weekIntervals()) {
            for (int[] b : other.weekIntervals()) {
                for (int shift = -week; shift <= week; shift += week) {
                    if (a[0] < b[1] + shift && b[0] + shift < a[1]) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The first instant after {@code t} at which the window opens or closes. */
    public Instant nextBoundaryAfter(Instant t, ZoneId zone) {
        LocalDate day = LocalDateTime.ofInstant(t, zone).toLocalDate().minusDays(1);
        Instant best = null;
        for (int i = 0; i < 10; i++, day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            LocalDateTime open = day.atStartOfDay().plusMinutes(fromMinute);
            LocalDateTime close = (overnight() ? day.plusDays(1) : day).atStartOfDay().plusMinutes(toMinute);
            for (LocalDateTime edge : new LocalDateTime[] {open, close}) {
                Instant at = WallClock.instant(edge, zone);
                if (at.isAfter(t) && (best == null || at.isBefore(best))) {
                    best = at;
                }
            }
        }
        return best;
    }

    /** The last instant at or before {@code t} at which the window opens or closes. */
    public Instant previousBoundaryAtOrBefore(Instant t, ZoneId zone) {
        LocalDate day = LocalDateTime.ofInstant(t, zone).toLocalDate().plusDays(1);
        Instant best = null;
        for (int i = 0; i < 10; i++, day = day.minusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            LocalDateTime open = day.atStartOfDay().plusMinutes(fromMinute);
            LocalDateTime close = (overnight() ? day.plusDays(1) : day).atStartOfDay().plusMinutes(toMinute);
            for (LocalDateTime edge : new LocalDateTime[] {open, close}) {
                Instant at = WallClock.instant(edge, zone);
                if (!at.isAfter(t) && (best == null || at.isAfter(best))) {
                    best = at;
                }
            }
        }
        return best;
    }

    public static String clock(int minute) {
        return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (DayOfWeek d : EnumSet.copyOf(days)) {
            b.append(b.length() == 0 ? "" : ",").append(d.name().substring(0, 3).toLowerCase(Locale.ROOT));
        }
        return b + " " + clock(fromMinute) + "-" + clock(toMinute);
    }

    /** Minutes after midnight of a local time. */
    public static int minuteOf(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }
}
