package dev.firebell.postmortem;

import static dev.firebell.postmortem.ChildAlarms.childName;
import static dev.firebell.postmortem.ChildAlarms.children;
import static dev.firebell.postmortem.DraftText.clock;
import static dev.firebell.postmortem.DraftText.prompt;
import static dev.firebell.postmortem.DraftText.time;
import static dev.firebell.postmortem.Markdown.cell;
import static dev.firebell.postmortem.Markdown.code;
import static dev.firebell.postmortem.Markdown.text;

import dev.firebell.alarm.AlarmKind;
import dev.firebell.alarm.AlarmMetric;
import dev.firebell.incident.Incident;
import dev.firebell.metrics.Durations;
import dev.firebell.routing.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Impact: how long, in how many open periods, at which severity for how long, and which alarms (metrics, child
 * alarms, grouped alarms); how much is left to the team.
 */
final class ImpactSection {

    /** Grouped alarms listed under Impact before "and N more". */
    static final int MAX_GROUPED_ROWS = 50;

    private ImpactSection() {
    }

    static void write(StringBuilder md, IncidentAnalysis a) {
        Incident i = a.incident;
        md.append("## Impact\n\n");
        if (i.resolvedAt() != null) {
            md.append("- **Duration:** ").append(Durations.human(a.metrics.timeToResolve())).append(", from ")
                    .append(time(a.start)).append(" to ").append(time(i.resolvedAt())).append(" UTC.\n");
        }
        if (a.openPeriods.size() > 1) {
            Duration open = Duration.ZERO;
            List<String> spans = new ArrayList<>();
            for (IncidentAnalysis.Period p : a.openPeriods) {
                open = open.plus(p.duration());
                spans.add(time(p.from()) + " to " + clock(p.to()) + " (" + Durations.human(p.duration()) + ")");
            }
            md.append("- **Open in ").append(a.openPeriods.size()).append(" periods** (it resolved and reopened): ")
                    .append(String.join("; ", spans)).append(". Open for ").append(Durations.human(open))
                    .append(" in all.\n");
        }
        md.append("- **Affected services:** ").append(text(i.service())).append(".\n\n");

        md.append("Time at each severity:\n\n| Severity | Time | From (UTC) | To (UTC) |\n| --- | --- | --- | --- |\n");
        for (IncidentAnalysis.SeverityPeriod p : a.severityPeriods) {
            md.append("| ").append(p.severity()).append(" | ").append(Durations.human(p.duration())).append(" | ")
                    .append(time(p.from())).append(" | ").append(time(p.to())).append(" |\n");
        }
        if (a.severityPeriods.size() > 1) {
            Map<Severity, Duration> ordered = new EnumMap<>(a.timeAtSeverity);
            List<String> totals = new ArrayList<>();
            ordered.forEach((sev, d) -> totals.add(sev + " " + Durations.human(d)));
            md.append("\nIn all: ").append(String.join(", ", totals)).append(".\n");
        }
        md.append('\n');

        if (i.fromAlarm()) {
            md.append("Alarms:\n\n| Alarm | Kind | Metric or expression | Dimensions | Statistic, period |\n"
                    + "| --- | --- | --- | --- | --- |\n");
            if (i.alarmKind() == AlarmKind.COMPOSITE) {
                md.append("| ").append(cell(code(i.alarmName()))).append(" | composite | rule over the alarms below | | |\n");
                for (String child : children(a)) {
                    md.append("| ").append(cell(code(childName(child)))).append(" | child alarm | | | |\n");
                }
            } else if (i.metrics().isEmpty()) {
                md.append("| ").append(cell(code(i.alarmName()))).append(" | metric | | | |\n");
            } else {
                for (AlarmMetric m : i.metrics()) {
                    md.append("| ").append(cell(code(i.alarmName()))).append(" | ")
                            .append(m.isExpression() ? "metric math" : "metric").append(" | ")
                            .append(cell(text(m.describe()))).append(" | ").append(cell(text(dimensions(m)))).append(" | ")
                            .append(cell(text(statistic(m)))).append(" |\n");
                }
            }
            groupedAlarms(md, a);
            md.append('\n');
        } else {
            md.append("No alarm: the incident was declared by a person.\n\n");
        }
        prompt(md, "Who was affected, and how much? Requests that failed, customers or regions, revenue, error budget"
                + " spent. The data above says when and where, not how much.");
    }

    /** One row per alarm that joined (the first fifty); their metrics are on their own alarms, linked by ARN. */
    private static void groupedAlarms(StringBuilder md, IncidentAnalysis a) {
        int shown = Math.min(MAX_GROUPED_ROWS, a.groupedAlarms.size());
        for (IncidentAnalysis.GroupedAlarm g : a.groupedAlarms.subList(0, shown)) {
            md.append("| ").append(cell(code(g.name()))).append(" | grouped").append(g.recovered() ? ", already OK" : "")
                    .append(" | fired ").append(time(g.at())).append(" UTC | | |\n");
        }
        if (a.groupedAlarms.size() > shown) {
            md.append("| ").append(a.groupedAlarms.size() - shown).append(" more grouped alarms | grouped | see the timeline"
                    + " | | |\n");
        }
    }

    private static String dimensions(AlarmMetric m) {
        List<String> dims = new ArrayList<>();
        new TreeMap<>(m.dimensions()).forEach((k, v) -> dims.add(k + "=" + v));
        return String.join(", ", dims);
    }

    private static String statistic(AlarmMetric m) {
        List<String> parts = new ArrayList<>();
        if (m.stat() != null) {
            parts.add(m.stat());
        }
        if (m.periodSeconds() != null) {
            parts.add(Durations.human(Duration.ofSeconds(m.periodSeconds())));
        }
        return String.join(", ", parts);
    }
}
