package dev.firebell.postmortem;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How every section of a draft writes times (UTC), counts and the questions left to the people who were there, so
 * the sections read alike.
 */
final class DraftText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    static final String TEAM = "_Team to fill in:_ ";

    private DraftText() {
    }

    /** A question for the people who were there, as its own paragraph. */
    static void prompt(StringBuilder md, String question) {
        blankLine(md);
        md.append(TEAM).append(question).append("\n\n");
    }

    /** Ends the current block with exactly one blank line, however the block ended. */
    private static void blankLine(StringBuilder md) {
        while (md.length() > 0 && md.charAt(md.length() - 1) == '\n') {
            md.setLength(md.length() - 1);
        }
        md.append("\n\n");
    }

    /** "once", "twice", "3 times". */
    static String times(int n) {
        return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
    }

    /** Clocks disagree by a few milliseconds; a draft never says "-1 s". */
    static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** {@code 2026-11-27 09:00:00}, in UTC: every time in a draft reads this way. */
    static String time(Instant at) {
        return TIME.format(at);
    }

    /** {@code 2026-11-27}, in UTC. */
    static String day(Instant at) {
        return TIME.format(at).substring(0, 10);
    }

    /** {@code 09:00:00}, in UTC. */
    static String clock(Instant at) {
        return TIME.format(at).substring(11);
    }
}
