package dev.firebell.metrics;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The report as a fixed-width text table, for a terminal or a chat code block. */
public final class IncidentReportText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

    private IncidentReportText() {
    }

    public static String render(IncidentReport r) {
        StringBuilder b = new StringBuilder();
        b.append("Incidents opened ").append(DAY.format(r.from())).append(" to ").append(DAY.format(r.to()))
                .append(": ").append(r.incidents()).append(" (").append(r.open()).append(" still open)\n");
        if (r.estimated() > 0) {
            b.append("Note: ").append(r.estimated()).append(" resolved incident(s) have no recorded metrics yet"
                    + " (postmortem function not run for them); their figures come from the incident record alone.\n");
        }
        b.append("MTTA = mean time from the incident opening (paging) to the first acknowledgement;"
                + " MTTR = mean time from the alarm firing to the final resolve.\n");
        b.append("\nBy service\n");
        table(b, "service", r.byService(), r.overall());
        b.append("\nBy severity (as resolved)\n");
        table(b, "severity", r.bySeverity(), r.overall());
        b.append("\nNoisiest alarms (auto-resolved within ").append(Durations.human(r.noisyWithin()))
                .append(", or reopened by a flap)\n");
        if (r.noisiest().isEmpty()) {
            b.append("  none\n");
        } else {
            b.append(String.format("  %-40s %-12s %9s %7s %7s %12s%n", "alarm", "service", "incidents", "quick",
                    "flaps", "median dur."));
            for (IncidentReport.NoisyAlarm n : r.noisiest()) {
                b.append(String.format("  %-40s %-12s %9d %7d %7d %12s%n", clip(n.alarm(), 40), clip(n.service(), 12),
                        n.incidents(), n.quickAutoResolved(), n.reopens(), Durations.human(n.medianDuration())));
            }
        }
        b.append("\nAlarms behind the most incidents (opened, or grouped into another's)\n");
        if (r.loudest().isEmpty()) {
            b.append("  none\n");
        } else {
            b.append(String.format("  %-40s %-12s %9s %7s %8s %7s%n", "alarm", "service", "incidents", "opened",
                    "grouped", "fired"));
            for (IncidentReport.LoudAlarm l : r.loudest()) {
                b.append(String.format("  %-40s %-12s %9d %7d %8d %7d%n", clip(l.alarm(), 40),
                        clip(l.service() == null ? "-" : l.service(), 12), l.incidents(), l.opened(), l.groupedInto(),
                        l.fired()));
            }
        }
        return b.toString();
    }

    private static void table(StringBuilder b, String what, List<IncidentReport.Stats> rows, IncidentReport.Stats all) {
        b.append(String.format("  %-16s %5s %5s %9s %9s %9s %9s %9s %9s %9s%n", what, "inc.", "ack'd", "MTTA", "p50 TTA",
                "p90 TTA", "resolved", "MTTR", "p50 TTR", "p90 TTR"));
        for (IncidentReport.Stats s : rows) {
            row(b, s);
        }
        if (rows.size() > 1) {
            row(b, all);
        }
    }

    private static void row(StringBuilder b, IncidentReport.Stats s) {
        b.append(String.format("  %-16s %5d %5d %9s %9s %9s %9d %9s %9s %9s%n", clip(s.key(), 16), s.incidents(),
                s.acknowledged(), Durations.human(s.acknowledge().mean()), Durations.human(s.acknowledge().median()),
                Durations.human(s.acknowledge().p90()), s.resolved(), Durations.human(s.resolve().mean()),
                Durations.human(s.resolve().median()), Durations.human(s.resolve().p90())));
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "~";
    }
}
