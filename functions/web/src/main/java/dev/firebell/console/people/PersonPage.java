package dev.firebell.console.people;

import dev.firebell.calendar.CalendarFeeds;
import dev.firebell.calendar.FeedSubject;
import dev.firebell.calendar.OnCallShift;
import dev.firebell.calendar.ShiftCalendar;
import dev.firebell.console.ConsoleLayout;
import dev.firebell.console.ConsoleRequest;
import dev.firebell.link.SecretTokens;
import dev.firebell.oncall.OnCallConfig;
import dev.firebell.person.Contact;
import dev.firebell.person.Person;
import dev.firebell.web.Html;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A person's page, as HTML for {@link ConsoleLayout}: who they are and how they are reached (masked), their shifts of
 * the next four weeks in their time zone and UTC, where escalations reach them, and their calendar links. Links and
 * the forms that create or replace them are shown to the person themselves only (docs/adr/0125).
 */
final class PersonPage {

    /** What the page shows, read before rendering. */
    record Model(OnCallConfig config, Person person, List<OnCallShift> shifts,
                 List<PersonFacts.Escalation> escalations, List<FeedSubject> sources, boolean own,
                 Map<FeedSubject, String> tokens, String base, String notice, String error) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    private PersonPage() {
    }

    static String title(Person person) {
        return person.name();
    }

    static String content(ConsoleRequest request, Model m) {
        StringBuilder b = new StringBuilder(8192);
        if (m.error() != null) {
            b.append("<p class=\"notice error\" role=\"alert\">").append(Html.escape(m.error())).append("</p>\n");
        } else if (m.notice() != null) {
            b.append("<p class=\"notice\" role=\"status\">").append(Html.escape(m.notice())).append("</p>\n");
        }
        about(b, m.person());
        shifts(b, m);
        escalations(b, m);
        calendar(b, request, m);
        return b.toString();
    }

    private static void about(StringBuilder b, Person person) {
        b.append("<h2>About</h2>\n<dl class=\"facts\">\n<dt>Name</dt><dd>").append(Html.escape(person.name()))
                .append("</dd>\n<dt>Person id</dt><dd>").append(Html.escape(person.id()))
                .append("</dd>\n<dt>Time zone</dt><dd>").append(Html.escape(person.timeZone().getId()))
                .append("</dd>\n<dt>Contact methods</dt><dd>");
        if (person.contacts().isEmpty()) {
            b.append("None configured: pages cannot reach them.");
        } else {
            b.append("<ul class=\"contacts\">");
            for (Contact c : person.contacts()) {
                b.append("<li>").append(Html.escape(PersonFacts.masked(c))).append("</li>");
            }
            b.append("</ul>");
        }
        b.append("</dd>\n</dl>\n");
    }

    private static void shifts(StringBuilder b, Model m) {
        ZoneId zone = m.person().timeZone();
        b.append("<h2 id=\"shifts\">Upcoming shifts</h2>\n");
        if (m.shifts().isEmpty()) {
            b.append("<p>No shifts in the next four weeks, in any rotation or schedule.</p>\n");
            return;
        }
        b.append("<div class=\"scroll\"><table>\n<caption>The next four weeks, from every rotation and schedule, in ")
                .append(Html.escape(zone.getId())).append(" and UTC</caption>\n<thead><tr>")
                .append("<th scope=\"col\">Rotation or schedule</th><th scope=\"col\">From</th>")
                .append("<th scope=\"col\">Until</th><th scope=\"col\">Notes</th></tr></thead>\n<tbody>\n");
        for (OnCallShift s : m.shifts()) {
            b.append("<tr><th scope=\"row\">").append(Html.escape(s.source())).append(" <span class=\"muted\">")
                    .append(s.schedule() ? "schedule" : "rotation").append("</span></th><td>");
            when(b, s.start(), zone, s.openStart() ? "(already on call)" : null);
            b.append("</td><td>");
            when(b, s.end(), zone, null);
            b.append("</td><td>");
            if (s.isOverride()) {
                b.append("<span class=\"badge\">Override</span>");
                if (s.covers() != null) {
                    b.append(" covers ").append(Html.escape(ShiftCalendar.name(m.config(), s.covers())));
                }
                if (s.override().reason() != null && !s.override().reason().isBlank()) {
                    b.append(": ").append(Html.escape(s.override().reason()));
                }
            } else {
                b.append("Rotation");
            }
            b.append("</td></tr>\n");
        }
        b.append("</tbody>\n</table></div>\n");
    }

    private static void when(StringBuilder b, Instant at, ZoneId zone, String note) {
        b.append("<time datetime=\"").append(at).append("\">").append(Html.escape(WHEN.format(at.atZone(zone))))
                .append(' ').append(Html.escape(ZONE.format(at.atZone(zone)))).append("</time><br><span class=\"muted\">")
                .append(Html.escape(WHEN.format(at.atZone(ZoneOffset.UTC)))).append(" UTC</span>");
        if (note != null) {
            b.append(" <span class=\"muted\">").append(Html.escape(note)).append("</span>");
        }
    }

    private static void escalations(StringBuilder b, Model m) {
        b.append("<h2>Escalations that page them</h2>\n");
        if (m.escalations().isEmpty()) {
            b.append("<p>No service's escalation policy reaches them.</p>\n");
            return;
        }
        b.append("<div class=\"scroll\"><table>\n<caption>Services whose escalation reaches ")
                .append(Html.escape(m.person().name())).append("</caption>\n<thead><tr><th scope=\"col\">Service</th>")
                .append("<th scope=\"col\">Escalation policy</th><th scope=\"col\">Level</th>")
                .append("<th scope=\"col\">How</th></tr></thead>\n<tbody>\n");
        for (PersonFacts.Escalation e : m.escalations()) {
            b.append("<tr><th scope=\"row\">").append(Html.escape(e.service())).append("</th><td>")
                    .append(Html.escape(e.policy())).append("</td><td>").append(e.level()).append("</td><td>")
                    .append(Html.escape(e.via())).append("</td></tr>\n");
        }
        b.append("</tbody>\n</table></div>\n");
    }

    private static void calendar(StringBuilder b, ConsoleRequest request, Model m) {
        b.append("<h2 id=\"calendar\">Subscribe in your calendar</h2>\n");
        if (!m.own()) {
            b.append("<p>Calendar links are secret: ").append(Html.escape(m.person().name()))
                    .append(" sees theirs on their own page.</p>\n");
            return;
        }
        if (m.base() == null) {
            b.append("<p>Calendar links appear once Firebell knows its public address: reload this page.</p>\n");
            return;
        }
        boolean mayAct = request.viewer().mayAct();
        FeedSubject self = FeedSubject.person(m.person().id());
        String token = m.tokens().get(self);
        if (token == null) {
            b.append("<p>Your shifts from every rotation and schedule, overrides included, in the calendar app you"
                    + " already use. You have no calendar link yet.</p>\n");
            if (mayAct) {
                form(b, request, m.person(), self, "create", null, "Create my calendar link");
            }
        } else {
            link(b, "feed-person", "Your shifts", token, m.base());
            b.append("<p class=\"muted\">Anyone who has this address can read your shifts. Replacing it stops the old"
                    + " address at once; calendars subscribed to it then need the new one.</p>\n");
            if (mayAct) {
                form(b, request, m.person(), self, "replace", SecretTokens.hash(token), "Replace this link");
            }
        }
        if (m.sources().isEmpty()) {
            return;
        }
        b.append("<h3>Your rotations and schedules</h3>\n<p>Everyone's shifts of each, to share with your team.</p>\n");
        for (FeedSubject source : m.sources()) {
            String sourceToken = m.tokens().get(source);
            String label = "All shifts of " + source;
            if (sourceToken != null) {
                link(b, "feed-" + source.kind().key() + "-" + ConsoleLayout.encodePath(source.name()), label,
                        sourceToken, m.base());
            } else {
                b.append("<p>").append(Html.escape(label)).append(": no link yet.</p>\n");
                if (mayAct) {
                    form(b, request, m.person(), source, "create", null, "Create a link for " + source);
                }
            }
        }
    }

    private static void link(StringBuilder b, String id, String label, String token, String base) {
        String url = CalendarFeeds.url(base, token);
        b.append("<div class=\"feed\"><p><a href=\"").append(Html.escape(CalendarFeeds.webcal(url))).append("\">")
                .append(Html.escape(label)).append(": subscribe</a> <span class=\"muted\">(opens Apple Calendar or"
                        + " Outlook)</span></p>\n<label for=\"").append(Html.escape(id))
                .append("\">Or copy this address into your calendar's \"add from URL\"</label>\n<input id=\"")
                .append(Html.escape(id)).append("\" type=\"url\" readonly value=\"").append(Html.escape(url))
                .append("\"></div>\n");
    }

    private static void form(StringBuilder b, ConsoleRequest request, Person person, FeedSubject feed, String action,
                             String replaces, String button) {
        b.append("<form method=\"post\" class=\"inline\" action=\"")
                .append(Html.escape(PeoplePages.calendarPath(person.id()))).append("\">")
                .append(request.csrfField())
                .append("<input type=\"hidden\" name=\"feed\" value=\"").append(Html.escape(feed.key())).append("\">")
                .append("<input type=\"hidden\" name=\"action\" value=\"").append(action).append("\">");
        if (replaces != null) {
            b.append("<input type=\"hidden\" name=\"replaces\" value=\"").append(Html.escape(replaces)).append("\">");
        }
        b.append("<button type=\"submit\"").append(replaces != null ? " class=\"secondary\"" : "").append(">")
                .append(Html.escape(button)).append("</button></form>\n");
    }
}
