package dev.firebell.postmortem;

import static dev.firebell.postmortem.DraftText.time;

import java.util.ArrayList;
import java.util.List;

/** Milestones, under the timeline: the Mermaid chart, then each milestone's time as a list. */
final class MilestonesSection {

    private MilestonesSection() {
    }

    static void write(StringBuilder md, IncidentAnalysis a) {
        md.append("### Milestones\n\n").append(MilestoneChart.render(a)).append('\n');
        List<String> lines = new ArrayList<>();
        if (a.evidence != null) {
            lines.add((a.compositeTrigger != null ? "Child alarm fired" : "First breaching datapoint") + ": "
                    + time(a.evidence));
        }
        lines.add((a.declaredBy != null ? "Declared" : "Detected (alarm fired)") + ": " + time(a.start));
        lines.add("Paged: " + (a.firstPage != null ? time(a.firstPage) : "nobody"));
        lines.add("Acknowledged: " + (a.firstAck != null ? time(a.firstAck) : "not acknowledged"));
        lines.add("Mitigated (alarm back to OK): " + (a.mitigated != null ? time(a.mitigated) : "not recorded"));
        lines.add("Resolved: " + (a.resolved() != null ? time(a.resolved()) : "not resolved"));
        for (String line : lines) {
            md.append("- ").append(line).append('\n');
        }
        md.append('\n');
    }
}
