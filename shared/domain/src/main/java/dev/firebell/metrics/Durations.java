package dev.firebell.metrics;

import java.time.Duration;

/** Durations as people read them in drafts, reports and chat: {@code 45 s}, {@code 4 min 10 s}, {@code 1 h 12 min}. */
public final class Durations {

    private static final java.util.regex.Pattern AMOUNT = java.util.regex.Pattern.compile("(\\d{1,6})(s|m|h|d|w)");

    private Durations() {
    }

    /**
     * What people type for a period or a threshold: {@code 90s}, {@code 5m}, {@code 12h}, {@code 30d}, {@code 2w}.
     *
     * @throws IllegalArgumentException naming the value and the accepted forms
     */
    public static Duration parse(String text) {
        java.util.regex.Matcher m = AMOUNT.matcher(text == null ? "" : text.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write a positive number and a unit,"
                    + " s, m, h, d or w (e.g. 30d, 12h, 5m)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }

    public static String human(Duration d) {
        if (d == null) {
            return "-";
        }
        long s = Math.max(0, d.toSeconds());
        if (s == 0 && d.toNanos() > 0) {
            return "under 1 s";
        }
        if (s < 60) {
            return s + " s";
        }
        long min = s / 60;
        if (min < 10) {
            return s % 60 == 0 ? min + " min" : min + " min " + (s % 60) + " s";
        }
        if (min < 60) {
            return min + " min";
        }
        long h = min / 60;
        if (h < 24) {
            return min % 60 == 0 ? h + " h" : h + " h " + (min % 60) + " min";
        }
        return h % 24 == 0 ? (h / 24) + " d" : (h / 24) + " d " + (h % 24) + " h";
    }
}
