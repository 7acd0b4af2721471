package dev.firebell.slack;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writing Slack-style mrkdwn safely. Text from people and alarms goes through {@link #text}: escaped (so
 * {@code <!channel>} or a fake {@code <@U...>} mention shows as typed instead of notifying anyone) and capped.
 * Markup Firebell itself writes (mentions, dates) is built only from validated ids.
 */
public final class Mrkdwn {

    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,20}");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm zzz", Locale.ENGLISH);

    private Mrkdwn() {
    }

    /** Slack's three control characters: {@code &}, {@code <}, {@code >}. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** At most {@code max} characters (whole code points), with an ellipsis when cut. */
    public static String cap(String s, int max) {
        if (s == null) {
            return "";
        }
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, Math.max(0, max - 1))) + "…";
    }

    /** Someone else's words, safe to show: capped, then escaped. */
    public static String text(String s, int max) {
        return escape(cap(s, max));
    }

    /** A mention of a chat user (shows their name), or the escaped fallback when the id is not a user id. */
    public static String mention(String chatUserId, String fallback) {
        if (chatUserId != null && USER_ID.matcher(chatUserId).matches()) {
            return "<@" + chatUserId + ">";
        }
        return text(fallback, 80);
    }

    /**
     * A time Slack shows in each reader's own time zone; where it cannot (notifications, other clients), the
     * fallback shows it in {@code zone}.
     */
    public static String time(Instant at, ZoneId zone) {
        String fallback = escape(WHEN.format(at.atZone(zone)));
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|" + fallback + ">";
    }

    /** The same time as plain text in a zone, for places where Slack markup is not wanted. */
    public static String plainTime(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }

    /** "45s", "12m", "1h 5m", "2d 3h". */
    public static String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + "s";
        }
        long m = s / 60;
        if (m < 60) {
            return m + "m";
        }
        long h = m / 60;
        if (h < 24) {
            return h + "h" + (m % 60 == 0 ? "" : " " + (m % 60) + "m");
        }
        return (h / 24) + "d" + (h % 24 == 0 ? "" : " " + (h % 24) + "h");
    }
}
