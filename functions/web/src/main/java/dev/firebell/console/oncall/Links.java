package dev.firebell.console.oncall;

import dev.firebell.console.ConsoleLayout;
import dev.firebell.oncall.OnCallConfig;
import dev.firebell.person.Person;
import dev.firebell.web.Html;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Links of the on-call pages to people's pages and to calendars, and the zone a viewer reads times in. */
final class Links {

    static final String SCHEDULES = ConsoleLayout.Section.SCHEDULES.path();

    private Links() {
    }

    /** A person's name, linked to their page; "nobody" (in words, not only a colour) for a gap. */
    static String person(OnCallConfig config, String personId) {
        if (personId == null) {
            return "<span class=\"gap\">nobody on call</span>";
        }
        Person person = config.people().get(personId);
        String name = person == null ? personId : person.name();
        return "<a href=\"" + Html.escape(ConsoleLayout.Section.PEOPLE.path() + ConsoleLayout.encodePath(personId))
                + "\">" + Html.escape(name) + "</a>";
    }

    /** The path of a rotation's or schedule's calendar. */
    static String calendarPath(String source) {
        return SCHEDULES + "/" + ConsoleLayout.encodePath(source);
    }

    /** A rotation's or schedule's name, linked to its calendar. */
    static String calendar(String source) {
        return "<a href=\"" + Html.escape(calendarPath(source)) + "\">" + Html.escape(source) + "</a>";
    }

    /** The viewer's own time zone when they are a person of the configuration; UTC for a reader outside it. */
    static ZoneId zoneOf(OnCallConfig config, String personId) {
        Person person = config.people().get(personId);
        return person == null ? ZoneOffset.UTC : person.timeZone();
    }

    /** The sentence under a heading that says how times read. */
    static String zoneNote(ZoneId zone) {
        return Times.isUtc(zone) ? "<p class=\"muted\">Times are in UTC.</p>\n"
                : "<p class=\"muted\">Times are in UTC, with your own time zone (" + Html.escape(zone.getId())
                + ") in brackets.</p>\n";
    }
}
