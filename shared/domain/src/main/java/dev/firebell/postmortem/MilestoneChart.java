package dev.firebell.postmortem;

import java.time.Duration;
import java.time.Instant;

/**
 * The incident's milestones as a Mermaid Gantt chart, which GitHub, GitLab and the common wiki plugins render:
 * one milestone per fact the timeline shows (detected, paged, acknowledged, mitigated, resolved) on a real time
 * axis, and a bar per period the incident was open, so a flap shows as a gap. Only fixed labels and generated
 * times go into the chart, never user text: Mermaid has no escaping to rely on.
 */
final class MilestoneChart {

    static final String DATE_FORMAT = "YYYY-MM-DD HH:mm:ss";

    private MilestoneChart() {
    }

    static String render(IncidentAnalysis a) {
        StringBuilder b = new StringBuilder();
        b.append("```mermaid\n");
        b.append("gantt\n");
        b.append("    title Incident ").append(a.incident.id().replaceAll("[^A-Za-z0-9-]", "")).append(" milestones (UTC)\n");
        b.append("    dateFormat ").append(DATE_FORMAT).append('\n');
        Instant last = a.resolved() != null ? a.resolved() : a.start;
        boolean days = Duration.between(a.evidence != null ? a.evidence : a.start, last).toHours() >= 24;
        b.append("    axisFormat ").append(days ? "%m-%d %H:%M" : "%H:%M").append('\n');
        b.append("    todayMarker off\n");
        b.append("    section Milestones\n");
        if (a.evidence != null) {
            milestone(b, a.compositeTrigger != null ? "Child alarm fired" : "First breaching datapoint", "evidence",
                    a.evidence);
        }
        milestone(b, a.declaredBy != null ? "Declared" : "Detected", "detected", a.start);
        if (a.firstPage != null) {
            milestone(b, "Paged", "paged", a.firstPage);
        }
        if (a.firstAck != null) {
            milestone(b, "Acknowledged", "acknowledged", a.firstAck);
        }
        if (a.mitigated != null) {
            milestone(b, "Mitigated", "mitigated", a.mitigated);
        }
        if (a.resolved() != null) {
            milestone(b, "Resolved", "resolved", a.resolved());
        }
        StringBuilder bars = new StringBuilder();
        int n = 0;
        for (IncidentAnalysis.Period p : a.openPeriods) {
            if (p.to().isAfter(p.from())) {
                n++;
                bars.append("    Open :open").append(n).append(", ").append(DraftText.time(p.from())).append(", ")
                        .append(DraftText.time(p.to())).append('\n');
            }
        }
        if (n > 0) {
            b.append("    section Incident open\n").append(bars);
        }
        b.append("```\n");
        return b.toString();
    }

    private static void milestone(StringBuilder b, String label, String id, Instant at) {
        b.append("    ").append(label).append(" :milestone, ").append(id).append(", ").append(DraftText.time(at))
                .append(", 0s\n");
    }
}
