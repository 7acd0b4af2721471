package dev.firebell.console.incident;

import dev.firebell.web.Html;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as the incident pages show them: in UTC, which every timeline, log and alarm uses, and beside it in the viewer's
 * own zone (the configuration's {@code timeZone} of the person) when that is not UTC. Each in a {@code <time>} element
 * carrying the exact instant.
 */
final class ConsoleTimes {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private final ZoneId zone;

    /** @param zone the viewer's zone; UTC for a reader outside the configuration */
    ConsoleTimes(ZoneId zone) {
        this.zone = zone;
    }

    ZoneId zone() {
        return zone;
    }

    private boolean utcOnly() {
        return zone.normalized().equals(ZoneOffset.UTC);
    }

    /** {@code 2026-11-27 09:00:00 UTC (Fri 27 Nov 10:00 Europe/Paris)}, as HTML; an em dash when unknown. */
    String html(Instant at) {
        if (at == null) {
            return "&mdash;";
        }
        StringBuilder b = new StringBuilder("<time datetime=\"").append(at).append("\">")
                .append(UTC.format(at)).append("</time>");
        if (!utcOnly()) {
            b.append(" <span class=\"muted\">(").append(Html.escape(LOCAL.format(at.atZone(zone)) + " "
                    + zone.getId())).append(")</span>");
        }
        return b.toString();
    }

    /** The same as plain text. */
    String text(Instant at) {
        if (at == null) {
            return "unknown";
        }
        return UTC.format(at) + (utcOnly() ? "" : " (" + LOCAL.format(at.atZone(zone)) + " " + zone.getId() + ")");
    }
}
