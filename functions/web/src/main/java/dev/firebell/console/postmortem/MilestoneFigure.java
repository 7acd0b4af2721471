package dev.firebell.console.postmortem;

import dev.firebell.console.chart.SvgBarChart;
import dev.firebell.metrics.Durations;
import dev.firebell.web.Html;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A draft's milestone chart, which the draft writes as a Mermaid Gantt block for GitHub and wikis (the postmortem
 * package's MilestoneChart), drawn for the console without script: the milestones as points and the open periods as
 * bars on one time axis (inline SVG), then the same facts in a table. Reads only the lines that chart writes
 * (a milestone, an open period); a block it cannot read is left to be shown as code.
 */
final class MilestoneFigure {

    private static final String TIME = "(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})";
    private static final Pattern MILESTONE = Pattern.compile("\\s*([^:]+?)\\s*:milestone,\\s*[\\w-]+,\\s*" + TIME
            + ",\\s*0s\\s*");
    private static final Pattern OPEN = Pattern.compile("\\s*Open\\s*:open\\d+,\\s*" + TIME + ",\\s*" + TIME + "\\s*");
    private static final DateTimeFormatter MERMAID = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    record Milestone(String label, Instant at) {
    }

    record Period(Instant from, Instant to) {
    }

    private final List<Milestone> milestones;
    private final List<Period> open;

    private MilestoneFigure(List<Milestone> milestones, List<Period> open) {
        this.milestones = milestones;
        this.open = open;
    }

    /** The chart a Mermaid block holds, if it is a Gantt chart of milestones as drafts write them. */
    static Optional<MilestoneFigure> read(String mermaid) {
        if (!mermaid.strip().startsWith("gantt")) {
            return Optional.empty();
        }
        List<Milestone> milestones = new ArrayList<>();
        List<Period> open = new ArrayList<>();
        try {
            for (String line : mermaid.split("\n")) {
                Matcher m = MILESTONE.matcher(line);
                Matcher o = OPEN.matcher(line);
                if (m.matches()) {
                    milestones.add(new Milestone(m.group(1), instant(m.group(2))));
                } else if (o.matches() && instant(o.group(2)).isAfter(instant(o.group(1)))) {
                    open.add(new Period(instant(o.group(1)), instant(o.group(2))));
                }
            }
        } catch (DateTimeParseException notATime) {
            return Optional.empty();
        }
        return milestones.isEmpty() ? Optional.empty() : Optional.of(new MilestoneFigure(milestones, open));
    }

    List<Milestone> milestones() {
        return milestones;
    }

    List<Period> open() {
        return open;
    }

    /** The figure: the chart, and the table with the same times, under one caption. */
    String html(String id) {
        Instant start = milestones.get(0).at();
        for (Milestone m : milestones) {
            start = m.at().isBefore(start) ? m.at() : start;
        }
        for (Period p : open) {
            start = p.from().isBefore(start) ? p.from() : start;
        }
        List<SvgBarChart.Row> rows = new ArrayList<>();
        for (Milestone m : milestones) {
            rows.add(SvgBarChart.Row.point(m.label(), Duration.between(start, m.at()),
                    CLOCK.format(m.at()) + " UTC (" + after(start, m.at()) + ")"));
        }
        for (Period p : open) {
            rows.add(new SvgBarChart.Row("Open", Duration.between(start, p.from()), Duration.between(start, p.to()),
                    null, CLOCK.format(p.from()) + " to " + CLOCK.format(p.to()) + " UTC ("
                    + Durations.human(Duration.between(p.from(), p.to())) + ")"));
        }
        StringBuilder b = new StringBuilder(4096);
        b.append("<figure class=\"milestones\">\n<figcaption>Milestones, from ").append(SHOWN.format(start))
                .append(" UTC</figcaption>\n");
        b.append(SvgBarChart.render(id, "Milestones of the incident",
                "Each milestone as a diamond, and each period the incident was open as a bar, on a time axis from "
                        + SHOWN.format(start) + " UTC.", rows));
        b.append("<div class=\"scroll\"><table class=\"figures\">\n<caption>Milestones (UTC)</caption>\n<thead><tr>")
                .append("<th scope=\"col\">Milestone</th><th scope=\"col\">Time (UTC)</th>")
                .append("<th scope=\"col\">After the start</th></tr></thead>\n<tbody>\n");
        for (Milestone m : milestones) {
            row(b, m.label(), SHOWN.format(m.at()), after(start, m.at()));
        }
        for (Period p : open) {
            row(b, "Open", SHOWN.format(p.from()) + " to " + SHOWN.format(p.to()),
                    Durations.human(Duration.between(p.from(), p.to())) + " open");
        }
        return b.append("</tbody>\n</table></div>\n</figure>\n").toString();
    }

    private static void row(StringBuilder b, String label, String time, String after) {
        b.append("<tr><th scope=\"row\">").append(Html.escape(label)).append("</th><td>").append(Html.escape(time))
                .append("</td><td>").append(Html.escape(after)).append("</td></tr>\n");
    }

    private static String after(Instant start, Instant at) {
        return at.equals(start) ? "start" : "+" + Durations.human(Duration.between(start, at));
    }

    private static Instant instant(String text) {
        return LocalDateTime.parse(text, MERMAID).toInstant(ZoneOffset.UTC);
    }
}
