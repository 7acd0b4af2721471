package dev.firebell.console.report;

import dev.firebell.console.ConsoleLayout;
import dev.firebell.console.ConsolePages;
import dev.firebell.console.ConsoleRequest;
import dev.firebell.console.chart.SvgBarChart;
import dev.firebell.metrics.DurationSummary;
import dev.firebell.metrics.Durations;
import dev.firebell.metrics.IncidentReport;
import dev.firebell.metrics.IncidentReports;
import dev.firebell.web.Html;
import dev.firebell.web.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code /console/reports?from=&to=}: MTTA and MTTR (median, 90th percentile, count) per service and per severity as
 * bar charts and tables, the alarms behind the most incidents, and the noisiest alarms, over whole UTC days. The
 * figures are {@link IncidentReports}' (the same as {@code ./firebell report}): two month-index queries per month of
 * the period, no scan, no timeline read.
 */
public final class ReportPages implements ConsolePages {

    public static final String PATH = "/console/reports";
    static final int[] PRESETS = {7, 30, 90};

    private final IncidentReports reports;
    private final java.time.InstantSource clock;

    public ReportPages(IncidentReports reports, java.time.InstantSource clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public boolean handles(String path) {
        return path.equals(PATH) || path.equals(PATH + "/");
    }

    @Override
    public HttpResponse handle(ConsoleRequest request) {
        if (request.method().equals("POST")) {
            return ConsoleLayout.page(405, request, ConsoleLayout.Section.REPORTS, "Reports",
                    "<p>Reports are read, not changed: choose a period with the form. Nothing was changed.</p>\n");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Optional<String> from = request.query("from");
        Optional<String> to = request.query("to");
        ReportPeriod period;
        try {
            period = ReportPeriod.parse(from, to, today);
        } catch (IllegalArgumentException bad) {
            String content = "<p class=\"notice error\" role=\"alert\">" + Html.escape(bad.getMessage())
                    + ". Nothing is shown for it: choose another period.</p>\n"
                    + form(from.orElse(""), to.orElse(""), today);
            return ConsoleLayout.page(400, request, ConsoleLayout.Section.REPORTS, "Reports", content);
        }
        IncidentReport report = reports.report(period.start(), period.end(), IncidentReports.DEFAULT_NOISY_WITHIN);
        StringBuilder b = new StringBuilder(32768);
        b.append(form(period.from().toString(), period.to().toString(), today));
        b.append("<p>").append(summary(report, period)).append("</p>\n");
        if (report.incidents() > 0) {
            part(b, "service", "By service", "Service", report.byService());
            part(b, "severity", "By severity", "Severity", report.bySeverity());
        }
        loudest(b, report.loudest());
        noisiest(b, report);
        return ConsoleLayout.page(request, ConsoleLayout.Section.REPORTS, "Reports", b.toString());
    }

    private static String form(String from, String to, LocalDate today) {
        StringBuilder b = new StringBuilder(1024);
        b.append("<form method=\"get\" action=\"").append(PATH).append("\" class=\"period\">\n")
                .append("<div><label for=\"report-from\">From (UTC date)</label>")
                .append("<input type=\"date\" id=\"report-from\" name=\"from\" value=\"").append(Html.escape(from))
                .append("\" max=\"").append(today).append("\"></div>\n")
                .append("<div><label for=\"report-to\">To (UTC date, included)</label>")
                .append("<input type=\"date\" id=\"report-to\" name=\"to\" value=\"").append(Html.escape(to))
                .append("\" max=\"").append(today).append("\"></div>\n")
                .append("<div><button type=\"submit\">Show report</button></div>\n</form>\n");
        b.append("<nav aria-label=\"Periods\"><ul class=\"presets\">\n");
        for (int days : PRESETS) {
            ReportPeriod p = ReportPeriod.last(days, today);
            b.append("<li><a href=\"").append(PATH).append("?from=").append(p.from()).append("&amp;to=")
                    .append(p.to()).append("\">Last ").append(days).append(" days</a></li>\n");
        }
        return b.append("</ul></nav>\n").toString();
    }

    private static String summary(IncidentReport r, ReportPeriod period) {
        StringBuilder s = new StringBuilder();
        s.append(r.incidents() == 0 ? "No incident" : r.incidents() == 1 ? "1 incident" : r.incidents() + " incidents")
                .append(" opened from ").append(period.from()).append(" to ").append(period.to())
                .append(" (UTC, ").append(period.days()).append(period.days() == 1 ? " day" : " days").append(')');
        if (r.open() > 0) {
            s.append("; ").append(r.open()).append(" still open");
        }
        s.append('.');
        if (r.estimated() > 0) {
            s.append(' ').append(r.estimated()).append(r.estimated() == 1 ? " resolved incident has" : " resolved"
                    + " incidents have").append(" no recorded metrics yet: estimated from the incident record"
                    + " (acknowledgement on record, no pages).");
        }
        return Html.escape(s.toString());
    }

    /** One grouping: a chart of MTTA and one of MTTR (median bars, 90th percentile ticks), then the table of both. */
    private static void part(StringBuilder b, String id, String heading, String what, List<IncidentReport.Stats> groups) {
        b.append("<h2 id=\"by-").append(id).append("\">").append(Html.escape(heading)).append("</h2>\n");
        chart(b, "mtta-" + id, "Time to acknowledge by " + what.toLowerCase(java.util.Locale.ROOT), groups,
                IncidentReport.Stats::acknowledge, "acknowledged");
        chart(b, "mttr-" + id, "Time to resolve by " + what.toLowerCase(java.util.Locale.ROOT), groups,
                IncidentReport.Stats::resolve, "resolved");
        b.append("<div class=\"scroll\"><table class=\"figures\">\n<caption>").append(Html.escape(heading))
                .append(": time to acknowledge and to resolve</caption>\n<thead><tr><th scope=\"col\">")
                .append(Html.escape(what)).append("</th><th scope=\"col\">Incidents</th>")
                .append("<th scope=\"col\">Acknowledged</th><th scope=\"col\">MTTA median</th>")
                .append("<th scope=\"col\">MTTA p90</th><th scope=\"col\">Resolved</th>")
                .append("<th scope=\"col\">MTTR median</th><th scope=\"col\">MTTR p90</th></tr></thead>\n<tbody>\n");
        for (IncidentReport.Stats s : groups) {
            b.append("<tr><th scope=\"row\">").append(Html.escape(s.key())).append("</th>");
            cell(b, Integer.toString(s.incidents()));
            cell(b, Integer.toString(s.acknowledge().count()));
            cell(b, Durations.human(s.acknowledge().median()));
            cell(b, Durations.human(s.acknowledge().p90()));
            cell(b, Integer.toString(s.resolve().count()));
            cell(b, Durations.human(s.resolve().median()));
            cell(b, Durations.human(s.resolve().p90()));
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table></div>\n");
    }

    private static void chart(StringBuilder b, String id, String title, List<IncidentReport.Stats> groups,
                              Function<IncidentReport.Stats, DurationSummary> figure, String counted) {
        List<SvgBarChart.Row> rows = new ArrayList<>();
        for (IncidentReport.Stats s : groups) {
            DurationSummary d = figure.apply(s);
            if (d.count() > 0) {
                rows.add(SvgBarChart.Row.bar(s.key(), d.median(), d.p90(), "median " + Durations.human(d.median())
                        + ", p90 " + Durations.human(d.p90()) + ", " + d.count() + " " + counted));
            }
        }
        b.append("<figure class=\"chart\">\n<figcaption>").append(Html.escape(title)).append("</figcaption>\n");
        if (rows.isEmpty()) {
            b.append("<p>No incident was ").append(counted).append(" in this period.</p>\n");
        } else {
            b.append(SvgBarChart.render(id, title, "Bars show the median, the black tick the 90th percentile.",
                    rows));
        }
        b.append("</figure>\n");
    }

    private static void loudest(StringBuilder b, List<IncidentReport.LoudAlarm> loudest) {
        b.append("<h2 id=\"loudest\">Alarms behind the most incidents</h2>\n<p>Incidents an alarm opened, incidents"
                + " of other alarms it was grouped into (as far as an incident lists its first 20 members), and the"
                + " ALARM deliveries folded into the incidents it opened, repeats and grouped alarms included.</p>\n");
        if (loudest.isEmpty()) {
            b.append("<p>No alarm opened an incident in this period.</p>\n");
            return;
        }
        b.append("<div class=\"scroll\"><table class=\"figures\">\n<caption>Alarms by incidents opened or grouped into, then by ALARM"
                + " deliveries</caption>\n<thead><tr><th scope=\"col\">Alarm</th><th scope=\"col\">Service</th>"
                + "<th scope=\"col\">Incidents opened</th><th scope=\"col\">Grouped into others</th>"
                + "<th scope=\"col\">ALARM deliveries</th></tr></thead>\n<tbody>\n");
        for (IncidentReport.LoudAlarm a : loudest) {
            b.append("<tr><th scope=\"row\">").append(Html.escape(a.alarm())).append("</th>");
            cell(b, a.service() == null ? "-" : a.service());
            cell(b, Integer.toString(a.opened()));
            cell(b, Integer.toString(a.groupedInto()));
            cell(b, Integer.toString(a.fired()));
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table></div>\n");
    }

    private static void noisiest(StringBuilder b, IncidentReport report) {
        b.append("<h2 id=\"noisiest\">Noisiest alarms</h2>\n<p>Alarms whose incidents went away on their own within ")
                .append(Html.escape(Durations.human(report.noisyWithin()))).append(", or came back after their OK"
                        + " (a flap): candidates for a longer evaluation period or a higher threshold.</p>\n");
        if (report.noisiest().isEmpty()) {
            b.append("<p>None in this period.</p>\n");
            return;
        }
        b.append("<div class=\"scroll\"><table class=\"figures\">\n<caption>Noisiest alarms</caption>\n<thead><tr>"
                + "<th scope=\"col\">Alarm</th><th scope=\"col\">Service</th><th scope=\"col\">Incidents</th>"
                + "<th scope=\"col\">Resolved by their OK quickly</th><th scope=\"col\">Reopened by a flap</th>"
                + "<th scope=\"col\">Median duration</th></tr></thead>\n<tbody>\n");
        for (IncidentReport.NoisyAlarm a : report.noisiest()) {
            b.append("<tr><th scope=\"row\">").append(Html.escape(a.alarm())).append("</th>");
            cell(b, a.service());
            cell(b, Integer.toString(a.incidents()));
            cell(b, Integer.toString(a.quickAutoResolved()));
            cell(b, Integer.toString(a.reopens()));
            cell(b, Durations.human(a.medianDuration()));
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table></div>\n");
    }

    private static void cell(StringBuilder b, String text) {
        b.append("<td>").append(Html.escape(text)).append("</td>");
    }
}
