package dev.firebell.schedule;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long one person's shift lasts, on the local wall clock: a number of hours or of days. A weekly
 * shift is seven days. Shifts are counted on the wall clock, so a daily shift is 23 or 25 hours long on
 * the days clocks change, and hand-offs keep their local time.
 */
public record ShiftLength(int amount, Unit unit) {

    public enum Unit { HOURS, DAYS }

    private static final Pattern CUSTOM = Pattern.compile("(\\d+)\\s*(h|hours?|d|days?|w|weeks?)");

    /** Up to 90 days, or the equivalent in hours: anything longer is not a rotation. */
    public static final int MAX_DAYS = 90;

    public ShiftLength {
        if (unit == null) {
            throw new IllegalArgumentException("shift unit is missing");
        }
        int max = unit == Unit.DAYS ? MAX_DAYS : MAX_DAYS * 24;
        if (amount < 1 || amount > max) {
            throw new IllegalArgumentException("shift length must be between 1 and " + max + " "
                    + unit.name().toLowerCase(Locale.ROOT) + ", found " + amount);
        }
    }

    /** {@code hourly}, {@code daily}, {@code weekly}, or a custom length: {@code 12h}, {@code 3d}, {@code 2w}. */
    public static ShiftLength parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "hourly":
                return new ShiftLength(1, Unit.HOURS);
            case "daily":
                return new ShiftLength(1, Unit.DAYS);
            case "weekly":
                return new ShiftLength(7, Unit.DAYS);
            default:
                break;
        }
        Matcher m = CUSTOM.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a shift length; write hourly, daily, weekly,"
                    + " or a number of hours, days or weeks such as 12h, 3d, 2w");
        }
        int n;
        try {
            n = Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too long for a shift");
        }
        char u = m.group(2).charAt(0);
        if (u == 'w') {
            if (n > MAX_DAYS / 7) {
                throw new IllegalArgumentException("shift length must be at most " + (MAX_DAYS / 7) + " weeks, found " + n);
            }
            return new ShiftLength(n * 7, Unit.DAYS);
        }
        return new ShiftLength(n, u == 'h' ? Unit.HOURS : Unit.DAYS);
    }

    /** The local date-time {@code shifts} shift lengths after {@code base}, on the wall clock. */
    public LocalDateTime after(LocalDateTime base, long shifts) {
        return unit == Unit.DAYS ? base.plusDays(shifts * amount) : base.plusHours(shifts * amount);
    }

    /** The nominal length, ignoring clock changes (used to estimate, never to decide). */
    public Duration nominal() {
        return unit == Unit.DAYS ? Duration.ofDays(amount) : Duration.ofHours(amount);
    }

    @Override
    public String toString() {
        if (unit == Unit.DAYS) {
            return amount == 1 ? "daily" : amount == 7 ? "weekly" : amount % 7 == 0 ? (amount / 7) + "w" : amount + "d";
        }
        return amount == 1 ? "hourly" : amount + "h";
    }
}
