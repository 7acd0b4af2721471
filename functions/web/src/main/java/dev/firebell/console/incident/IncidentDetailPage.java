package dev.firebell.console.incident;

import dev.firebell.account.Origin;
import dev.firebell.alarm.ConsoleLinks;
import dev.firebell.console.ConsoleLayout;
import dev.firebell.console.ConsoleRequest;
import dev.firebell.escalation.EscalationState;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentDetail;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.paging.Page;
import dev.firebell.paging.PageStatus;
import dev.firebell.routing.Severity;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.web.Html;
import dev.firebell.web.HttpResponse;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One incident's page: what it is (status, severity, service, account and region), its alarms with links into their
 * CloudWatch console, what a person in the configuration may do to it, its timeline and the pages it sent. Every
 * value is escaped; the forms appear only for people who may act.
 */
final class IncidentDetailPage {

    private IncidentDetailPage() {
    }

    /** A message above the page: what a form just did, or why it did nothing. */
    record Notice(String text, boolean error) {
    }

    static String title(Incident incident) {
        return "Incident #" + incident.id() + ": " + incident.title();
    }

    static HttpResponse render(int status, ConsoleRequest request, IncidentDetail detail, Notice notice,
                               Origin origin, ConsoleTimes times, Instant now) {
        Incident incident = detail.incident();
        StringBuilder b = new StringBuilder(8192);
        if (notice != null) {
            b.append("<div class=\"notice").append(notice.error() ? " error\" role=\"alert\"" : "\" role=\"status\"")
                    .append("><p>").append(Html.escape(notice.text())).append("</p></div>\n");
        }
        b.append("<p><a href=\"").append(IncidentPages.LIST).append("\">All incidents</a></p>\n");
        summary(b, detail, origin, times);
        alarms(b, incident, origin, now);
        if (request.viewer().mayAct()) {
            actions(b, request, detail);
        } else {
            b.append("<h2 id=\"actions\">Actions</h2>\n<p>You may read this incident; only people of Firebell's"
                    + " configuration act on incidents.</p>\n");
        }
        timeline(b, detail, times);
        pages(b, detail, times);
        return ConsoleLayout.page(status, request, ConsoleLayout.Section.INCIDENTS, title(incident), b.toString());
    }

    private static void summary(StringBuilder b, IncidentDetail detail, Origin origin, ConsoleTimes times) {
        Incident i = detail.incident();
        b.append("<h2 id=\"summary\">Summary</h2>\n<dl class=\"facts\">\n");
        fact(b, "Status", IncidentBadges.status(i) + statusDetail(i, times));
        fact(b, "Severity", IncidentBadges.severity(i.severity()));
        fact(b, "Service", Html.escape(i.service()));
        fact(b, "Account and region", accountAndRegion(i, origin));
        fact(b, "Opened", times.html(i.openedAt()));
        for (Map.Entry<String, String> role : i.roles().entrySet()) {
            fact(b, Html.escape(capitalized(role.getKey())), Html.escape(role.getValue()));
        }
        if (i.resolution() != null) {
            fact(b, "Resolution", Html.escape(i.resolution()));
        }
        fact(b, "Escalation", escalation(detail.escalation(), times));
        b.append("</dl>\n");
    }

    private static String statusDetail(Incident i, ConsoleTimes times) {
        if (i.status() == IncidentStatus.ACKNOWLEDGED && i.acknowledgedBy() != null) {
            return " by " + Html.escape(i.acknowledgedBy()) + " at " + times.html(i.acknowledgedAt());
        }
        if (i.status() == IncidentStatus.RESOLVED) {
            return (i.resolvedByAlarm() ? " by its alarm returning to OK" : i.resolvedBy() == null ? ""
                    : " by " + Html.escape(i.resolvedBy())) + " at " + times.html(i.resolvedAt());
        }
        return "";
    }

    private static String accountAndRegion(Incident i, Origin origin) {
        if (origin != null && origin.otherAccount()) {
            return Html.escape(capitalized(origin.describe()));
        }
        if (i.accountId() == null) {
            return "Not known (declared by a person, not opened by an alarm)";
        }
        return "Firebell's own account (" + Html.escape(i.accountId()) + ")"
                + (i.region() == null ? "" : ", " + Html.escape(i.region()));
    }

    private static String escalation(EscalationState e, ConsoleTimes times) {
        if (e == null || e.policy() == null) {
            return "None (no escalation policy)";
        }
        String policy = "policy " + Html.escape(e.policy());
        switch (e.status()) {
            case ACTIVE:
                return "Active, " + policy + ": next level due at " + times.html(e.nextAt());
            case PAUSED:
                return "Paused while acknowledged, " + policy;
            case EXHAUSTED:
                return "Exhausted: every level was paged, " + policy;
            case STOPPED:
                return "Stopped, " + policy;
            default:
                throw new IllegalArgumentException("no words for escalation status " + e.status());
        }
    }

    private static void alarms(StringBuilder b, Incident i, Origin origin, Instant now) {
        b.append("<h2 id=\"alarms\">Alarms</h2>\n");
        if (!i.fromAlarm() || i.alarmName() == null) {
            b.append("<p>A person declared this incident; no alarm opened it.</p>\n");
            return;
        }
        String note = ConsoleLinks.note(origin);
        b.append("<ul>\n");
        alarm(b, i.region(), i.alarmName(), note);
        if (i.isGrouped()) {
            for (String member : i.group().memberNames()) {
                if (!member.equals(i.alarmName())) {
                    alarm(b, i.region(), member, note);
                }
            }
        }
        b.append("</ul>\n");
        if (i.isGrouped()) {
            int unnamed = i.group().members() - i.group().memberNames().size();
            b.append("<p>").append(i.group().members()).append(i.group().members() == 1 ? " alarm" : " alarms")
                    .append(" grouped into this incident, ").append(i.group().inAlarm()).append(" in ALARM now")
                    .append(unnamed > 0 ? "; " + unnamed + " more not named here (the timeline names each)" : "")
                    .append(".</p>\n");
        } else if (i.alarmCount() > 1) {
            b.append("<p>The alarm fired ").append(i.alarmCount()).append(" times into this incident.</p>\n");
        }
        if (i.reason() != null) {
            b.append("<p>Reason: ").append(Html.escape(i.reason())).append("</p>\n");
        }
        if (i.description() != null) {
            b.append("<p>Description: ").append(Html.escape(i.description())).append("</p>\n");
        }
        if (i.region() != null) {
            Instant start = i.triggeredAt() != null ? i.triggeredAt() : i.openedAt();
            Instant end = i.resolvedAt() != null ? i.resolvedAt() : now;
            String graph = ConsoleLinks.metrics(i.region(), i.metrics(), start.minusSeconds(3600), end.plusSeconds(900));
            if (graph != null) {
                b.append("<p><a href=\"").append(Html.escape(graph)).append("\" rel=\"noreferrer\">Graph of the"
                        + " alarm's metrics in CloudWatch</a>").append(note == null ? "" : " (" + Html.escape(note)
                        + ")").append("</p>\n");
            }
        }
    }

    private static void alarm(StringBuilder b, String region, String name, String note) {
        b.append("<li>").append(Html.escape(name));
        if (region != null) {
            b.append(": <a href=\"").append(Html.escape(ConsoleLinks.alarm(region, name)))
                    .append("\" rel=\"noreferrer\">open in the CloudWatch console</a>");
            if (note != null) {
                b.append(" (").append(Html.escape(note)).append(')');
            }
        }
        b.append("</li>\n");
    }

    private static void actions(StringBuilder b, ConsoleRequest request, IncidentDetail detail) {
        Incident i = detail.incident();
        String base = IncidentPages.LIST + "/" + i.id() + "/";
        b.append("<h2 id=\"actions\">Actions</h2>\n");
        if (i.isOpen()) {
            b.append("<div>");
            if (i.status() == IncidentStatus.TRIGGERED) {
                b.append("<form method=\"post\" class=\"inline\" action=\"").append(base).append("acknowledge\">")
                        .append(request.csrfField()).append("<button type=\"submit\">Acknowledge #").append(i.id())
                        .append("</button></form>\n");
            }
            EscalationState e = detail.escalation();
            if (e != null && e.policy() != null) {
                b.append("<form method=\"post\" class=\"inline\" action=\"").append(base).append("escalate\">")
                        .append(request.csrfField()).append("<input type=\"hidden\" name=\"")
                        .append(IncidentActions.ESCALATION_FIELD).append("\" value=\"").append(e.version())
                        .append("\"><button type=\"submit\" class=\"secondary\">Escalate #").append(i.id())
                        .append(" to the next level</button></form>\n");
            }
            b.append("</div>\n<form method=\"post\" action=\"").append(base).append("resolve\">")
                    .append(request.csrfField()).append("<label for=\"resolution\">What resolved it (optional)</label>")
                    .append("<input type=\"text\" id=\"resolution\" name=\"resolution\" maxlength=\"")
                    .append(IncidentActions.MAX_TEXT).append("\" size=\"40\"> <button type=\"submit\">Resolve #")
                    .append(i.id()).append("</button></form>\n");
        } else {
            b.append("<p>Resolved: reopen it from chat (<code>/incident reopen ").append(i.id())
                    .append("</code>) to acknowledge or escalate it again.</p>\n");
        }
        b.append("<form method=\"post\" action=\"").append(base).append("note\">").append(request.csrfField())
                .append("<label for=\"note\">Note for the timeline</label><textarea id=\"note\" name=\"note\" rows=\"3\""
                        + " cols=\"40\" maxlength=\"").append(IncidentActions.MAX_TEXT).append("\" required></textarea>")
                .append(" <button type=\"submit\">Add the note</button></form>\n");
        b.append("<form method=\"post\" action=\"").append(base).append("severity\">").append(request.csrfField())
                .append("<label for=\"severity\">Severity</label><select id=\"severity\" name=\"severity\">");
        for (Severity s : Severity.values()) {
            b.append("<option value=\"").append(s.name()).append('"').append(s == i.severity() ? " selected" : "")
                    .append('>').append(s.name()).append("</option>");
        }
        b.append("</select> <button type=\"submit\">Change severity</button></form>\n");
    }

    private static void timeline(StringBuilder b, IncidentDetail detail, ConsoleTimes times) {
        b.append("<h2 id=\"timeline\">Timeline</h2>\n<div class=\"scroll\"><table>\n<caption>Oldest first</caption>\n"
                + "<thead><tr><th scope=\"col\">When</th><th scope=\"col\">What</th><th scope=\"col\">Who</th>"
                + "<th scope=\"col\">Details</th></tr></thead>\n<tbody>\n");
        for (TimelineEntry e : detail.timeline()) {
            b.append("<tr><td>").append(times.html(e.at())).append("</td><td>")
                    .append(Html.escape(capitalized(e.type().name().toLowerCase(Locale.ROOT).replace('_', ' '))))
                    .append("</td><td>").append(Html.escape(e.actor())).append("</td><td>")
                    .append(Html.escape(e.summary())).append("</td></tr>\n");
        }
        b.append("</tbody></table></div>\n");
    }

    private static void pages(StringBuilder b, IncidentDetail detail, ConsoleTimes times) {
        b.append("<h2 id=\"pages\">Pages</h2>\n");
        if (detail.pages().isEmpty()) {
            b.append("<p>No page was sent for this incident.</p>\n");
            return;
        }
        b.append("<div class=\"scroll\"><table>\n<caption>Who was paged, in order</caption>\n<thead><tr>"
                + "<th scope=\"col\">Page</th><th scope=\"col\">To</th><th scope=\"col\">Why</th>"
                + "<th scope=\"col\">Status</th><th scope=\"col\">Sent</th></tr></thead>\n<tbody>\n");
        for (Page p : detail.pages()) {
            b.append("<tr><th scope=\"row\">").append(p.sequence()).append("</th><td>").append(Html.escape(p.target()))
                    .append("</td><td>").append(Html.escape(capitalized(p.reason().name().toLowerCase(Locale.ROOT)
                            .replace('_', ' ')))).append("</td><td>")
                    .append(pageStatus(p.status())).append("</td><td>")
                    .append(times.html(p.sentAt())).append("</td></tr>\n");
        }
        b.append("</tbody></table></div>\n");
    }

    private static String pageStatus(PageStatus status) {
        switch (status) {
            case PENDING:
                return "Waiting to be sent";
            case SENT:
                return "Sent";
            case CANCELLED:
                return "Cancelled (no longer needed)";
            default:
                throw new IllegalArgumentException("no words for page status " + status);
        }
    }

    private static void fact(StringBuilder b, String term, String html) {
        b.append("<dt>").append(term).append("</dt><dd>").append(html).append("</dd>\n");
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
