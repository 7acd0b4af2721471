package dev.firebell.console.oncall;

import dev.firebell.web.Html;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How the on-call pages write instants: in UTC, and in the viewer's own zone beside it when that differs. */
final class Times {

    static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    /** What an {@code <input type="datetime-local">} holds, to the minute. */
    static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

    private Times() {
    }

    /** {@code Mon 7 Dec 09:00 UTC (Mon 7 Dec 10:00 Europe/Paris)}, the UTC part a {@code <time>} element. */
    static String html(Instant t, ZoneId viewer) {
        String utc = "<time datetime=\"" + t.truncatedTo(ChronoUnit.SECONDS) + "\">"
                + Html.escape(DAY_TIME.format(t.atZone(ZoneOffset.UTC))) + " UTC</time>";
        if (isUtc(viewer)) {
            return utc;
        }
        return utc + " <span class=\"local\">(" + Html.escape(DAY_TIME.format(t.atZone(viewer)) + " " + viewer.getId())
                + ")</span>";
    }

    /** Whether times in this zone read as in UTC all year. */
    static boolean isUtc(ZoneId zone) {
        return zone.getRules().isFixedOffset() && zone.getRules().getOffset(Instant.EPOCH).equals(ZoneOffset.UTC);
    }

    /** A local time of day; the end of a day reads 24:00. */
    static String clock(LocalTime time) {
        return CLOCK.format(time);
    }

    /** The value an {@code <input type="datetime-local">} shows for {@code t} in {@code zone}. */
    static String localInput(Instant t, ZoneId zone) {
        return LOCAL_INPUT.format(LocalDateTime.ofInstant(t, zone));
    }
}
