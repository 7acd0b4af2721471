package dev.firebell.postmortem;

import static dev.firebell.postmortem.DraftText.prompt;
import static dev.firebell.postmortem.DraftText.time;
import static dev.firebell.postmortem.HeaderSection.resolvedHow;
import static dev.firebell.postmortem.Markdown.text;

import dev.firebell.incident.Incident;

/** Resolution and mitigation: when the alarm recovered, how it was resolved, the resolutions as written. */
final class ResolutionSection {

    private ResolutionSection() {
    }

    static void write(StringBuilder md, IncidentAnalysis a) {
        Incident i = a.incident;
        md.append("## Resolution and mitigation\n\n");
        if (a.mitigated != null) {
            md.append("- **Mitigated:** the alarm returned to OK at ").append(time(a.mitigated)).append(" UTC.\n");
        } else if (i.fromAlarm()) {
            md.append("- **Mitigated:** not recorded: the alarm's return to OK is not on the timeline.\n");
        }
        if (i.resolvedAt() != null) {
            md.append("- **Resolved:** ").append(time(i.resolvedAt())).append(" UTC, ").append(resolvedHow(a)).append(".\n");
        }
        if ("alarm".equals(i.resolvedBy()) && a.resolvedSummary != null) {
            md.append("- Firebell recorded:\n\n").append(Markdown.quote(a.resolvedSummary, "  ")).append('\n');
        }
        for (IncidentAnalysis.Written r : a.resolutions) {
            md.append("- Resolution by ").append(text(r.actor())).append(" at ").append(time(r.at()))
                    .append(" UTC, as written:\n\n").append(Markdown.quote(r.text(), "  ")).append('\n');
        }
        prompt(md, "What restored service: a fix, a rollback, a mitigation? What is left to make it permanent? Add"
                + " that to the action items.");
    }
}
