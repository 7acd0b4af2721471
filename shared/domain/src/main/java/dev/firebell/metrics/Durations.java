package dev.firebell.metrics;

import java.time.Duration;

/** Durations as people read them in drafts, reports and chat: {@code 45 s}, {@code 4 min 10 s}, {@code 1 h 12 min}. */
public final class Durations {

    private Durations() {
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
