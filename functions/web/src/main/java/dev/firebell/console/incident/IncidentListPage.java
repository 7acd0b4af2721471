package dev.firebell.console.incident;

import dev.firebell.console.ConsoleLayout;
import dev.firebell.console.ConsoleRequest;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentPage;
import dev.firebell.web.Html;
import dev.firebell.web.HttpResponse;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The incidents list: the filters as a form (GET, so a list is a link one can share), then a page of incidents newest
 * first with a link to the next page. Wrong filters give the form again, the problems named, and no list.
 */
final class IncidentListPage {

    static final String TITLE = "Incidents";

    private IncidentListPage() {
    }

    static HttpResponse render(ConsoleRequest request, IncidentFilters filters, IncidentPage page,
                               Collection<String> services, ConsoleTimes times) {
        StringBuilder b = new StringBuilder(4096);
        form(b, filters, services);
        b.append("<h2 id=\"list\">").append(page.incidents().isEmpty() && filters.after().isEmpty()
                ? "No incidents" : "Newest first").append("</h2>\n");
        if (page.incidents().isEmpty()) {
            b.append("<p>No incident matches these filters from ").append(filters.from()).append(" to ")
                    .append(filters.to()).append(" (UTC).</p>\n");
        } else {
            table(b, filters, page.incidents(), times);
        }
        b.append("<nav aria-label=\"Pages of the list\"><p>");
        if (!filters.after().isEmpty()) {
            b.append("<a href=\"").append(Html.escape(filters.link(null))).append("\">First page</a> ");
        }
        if (page.next() != null) {
            b.append("<a href=\"").append(Html.escape(filters.link(page.next()))).append("\" rel=\"next\">Older incidents</a>");
        }
        b.append("</p></nav>\n");
        return ConsoleLayout.page(request, ConsoleLayout.Section.INCIDENTS, TITLE, b.toString());
    }

    /** The form again with the problems named; status 400, nothing read. */
    static HttpResponse refused(ConsoleRequest request, IncidentFilters filters, List<String> problems,
                                Collection<String> services) {
        StringBuilder b = new StringBuilder(2048);
        b.append("<div class=\"notice error\" role=\"alert\"><p>These filters cannot be used:</p><ul>\n");
        for (String problem : problems) {
            b.append("<li>").append(Html.escape(problem)).append("</li>\n");
        }
        b.append("</ul></div>\n");
        form(b, filters, services);
        return ConsoleLayout.page(400, request, ConsoleLayout.Section.INCIDENTS, TITLE, b.toString());
    }

    private static void form(StringBuilder b, IncidentFilters f, Collection<String> services) {
        b.append("<h2 id=\"filters\">Filters</h2>\n<form method=\"get\" action=\"").append(IncidentPages.LIST)
                .append("\" class=\"filters\">\n");
        select(b, "status", "Status", f.status(), List.of("open", "triggered", "acknowledged", "resolved"),
                List.of("Open (triggered or acknowledged)", "Triggered", "Acknowledged", "Resolved"));
        TreeSet<String> names = new TreeSet<>(services);
        if (!f.service().isEmpty()) {
            names.add(f.service());
        }
        select(b, "service", "Service", f.service(), List.copyOf(names), List.copyOf(names));
        List<String> severities = List.of("SEV1", "SEV2", "SEV3", "SEV4", "SEV5");
        select(b, "severity", "Severity", f.severity(), severities, severities);
        b.append("<div><label for=\"from\">From (UTC day)</label><input type=\"date\" id=\"from\" name=\"from\" value=\"")
                .append(f.from()).append("\"></div>\n");
        b.append("<div><label for=\"to\">To (UTC day, included)</label><input type=\"date\" id=\"to\" name=\"to\" value=\"")
                .append(f.to()).append("\"></div>\n");
        b.append("<div><button type=\"submit\">Show incidents</button></div>\n</form>\n");
    }

    private static void select(StringBuilder b, String name, String label, String selected, List<String> values,
                               List<String> labels) {
        b.append("<div><label for=\"").append(name).append("\">").append(label).append("</label><select id=\"")
                .append(name).append("\" name=\"").append(name).append("\">\n<option value=\"\"")
                .append(selected.isEmpty() ? " selected" : "").append(">Any</option>\n");
        for (int i = 0; i < values.size(); i++) {
            b.append("<option value=\"").append(Html.escape(values.get(i))).append('"')
                    .append(values.get(i).equals(selected) ? " selected" : "").append('>')
                    .append(Html.escape(labels.get(i))).append("</option>\n");
        }
        b.append("</select></div>\n");
    }

    private static void table(StringBuilder b, IncidentFilters f, List<Incident> incidents, ConsoleTimes times) {
        b.append("<div class=\"scroll\"><table>\n<caption>Incidents opened from ").append(f.from()).append(" to ")
                .append(f.to()).append(" (UTC), newest first</caption>\n<thead><tr><th scope=\"col\">Incident</th>"
                        + "<th scope=\"col\">Title</th><th scope=\"col\">Service</th><th scope=\"col\">Severity</th>"
                        + "<th scope=\"col\">Status</th><th scope=\"col\">Opened</th></tr></thead>\n<tbody>\n");
        for (Incident i : incidents) {
            b.append("<tr><th scope=\"row\"><a href=\"").append(IncidentPages.LIST).append('/').append(i.id())
                    .append("\">#").append(i.id()).append("</a></th><td>").append(Html.escape(i.title()))
                    .append("</td><td>").append(Html.escape(i.service())).append("</td><td>")
                    .append(IncidentBadges.severity(i.severity())).append("</td><td>")
                    .append(IncidentBadges.status(i)).append("</td><td>").append(times.html(i.openedAt()))
                    .append("</td></tr>\n");
        }
        b.append("</tbody></table></div>\n");
    }
}
