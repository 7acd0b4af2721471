package dev.firebell.postmortem;

import static dev.firebell.postmortem.DraftText.prompt;
import static dev.firebell.postmortem.DraftText.times;
import static dev.firebell.postmortem.Markdown.text;

import dev.firebell.incident.Incident;
import java.util.ArrayList;
import java.util.List;

/** Contributing factors: the question for the team, then the conditions the data shows, as candidates. */
final class ContributingFactorsSection {

    private ContributingFactorsSection() {
    }

    static void write(StringBuilder md, IncidentAnalysis a) {
        Incident i = a.incident;
        md.append("## Contributing factors\n\n");
        prompt(md, "What made it more likely, larger or longer? Missing safeguards, unclear signals, gaps in runbooks,"
                + " timing. Conditions, not people.");
        md.append("Conditions the data shows (candidates: confirm or strike out):\n\n");
        List<String> facts = new ArrayList<>();
        if (i.reopenCount() > 0) {
            facts.add("The alarm flapped: the incident resolved and reopened " + times(i.reopenCount()) + ".");
        }
        if (a.grouped()) {
            facts.add((a.groupedAlarms.size() + 1) + " alarms of " + i.service() + " fired close together (an alarm storm)"
                    + " and were grouped into this incident" + (a.groupedReturns > 0 ? "; grouped alarms came back to"
                    + " ALARM " + times(a.groupedReturns) : "") + ".");
        }
        if (a.duplicates > 0) {
            facts.add(a.duplicates + " repeat ALARM " + (a.duplicates == 1 ? "delivery was" : "deliveries were")
                    + " folded into the incident.");
        }
        if (a.severityChanges > 0) {
            facts.add("The severity changed " + times(a.severityChanges) + " (opened as " + a.initialSeverity
                    + ", resolved as " + i.severity() + ").");
        }
        if (a.pagesFailed > 0) {
            facts.add(a.pagesFailed + " page attempt(s) failed and were retried.");
        }
        if (!a.escalations.isEmpty()) {
            facts.add("Nobody acknowledged before escalation: it reached level " + a.metrics.escalationLevels() + ".");
        }
        if (a.insufficientData > 0) {
            facts.add("The alarm reported INSUFFICIENT_DATA " + times(a.insufficientData) + ": the metric stopped"
                    + " arriving for a while.");
        }
        if (a.outOfOrder > 0) {
            facts.add(a.outOfOrder + " alarm " + (a.outOfOrder == 1 ? "delivery" : "deliveries")
                    + " arrived out of order and " + (a.outOfOrder == 1 ? "was" : "were") + " ignored.");
        }
        for (String note : a.routingNotes) {
            facts.add("Routing: " + note);
        }
        if (facts.isEmpty()) {
            md.append("- Nothing stands out in the data.\n\n");
            return;
        }
        for (String f : facts) {
            md.append("- ").append(text(f)).append('\n');
        }
        md.append('\n');
    }
}
