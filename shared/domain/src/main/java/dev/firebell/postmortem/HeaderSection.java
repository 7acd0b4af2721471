package dev.firebell.postmortem;

import static dev.firebell.postmortem.DraftText.time;
import static dev.firebell.postmortem.Markdown.cell;
import static dev.firebell.postmortem.Markdown.text;

import dev.firebell.incident.Incident;
import dev.firebell.metrics.Durations;

/** The table of fields at the top of the draft: incident, status, severity, service, times, people. */
final class HeaderSection {

    private HeaderSection() {
    }

    static void write(StringBuilder md, IncidentAnalysis a) {
        Incident i = a.incident;
        md.append("| Field | Value |\n| --- | --- |\n");
        row(md, "Incident", "#" + text(i.id()));
        row(md, "Status", "**Draft**");
        String severity = i.severity().name();
        if (a.highestSeverity != i.severity() || a.initialSeverity != i.severity()) {
            severity += " (opened as " + a.initialSeverity + ", highest " + a.highestSeverity + ")";
        }
        row(md, "Severity", severity);
        row(md, "Services", text(i.service()));
        if (a.origin != null && a.origin.otherAccount()) {
            row(md, "Account", text(a.origin.account()) + ", not Firebell's own");
        }
        if (a.origin != null) {
            row(md, "Region", text(a.origin.region()));
        }
        row(md, "Started", time(a.start) + " UTC" + (a.declaredBy != null ? " (declared by " + text(a.declaredBy) + ")"
                : i.fromAlarm() ? " (alarm fired)" : ""));
        row(md, "Resolved", i.resolvedAt() == null ? "_not resolved_" : time(i.resolvedAt()) + " UTC ("
                + resolvedHow(a) + ")");
        row(md, "Duration", i.resolvedAt() == null ? "_ongoing_" : Durations.human(a.metrics.timeToResolve()));
        row(md, "Commander", i.commander() == null ? "_not assigned_" : text(i.commander()));
        row(md, "Postmortem owner", "_to be assigned_");
        row(md, "Review meeting", "_to be scheduled_");
        md.append('\n');
        md.append("_Composed by Firebell from the incident's own record: the facts are filled in; the parts marked"
                + " \u201cTeam to fill in\u201d need the people who were there._\n\n");
    }

    /** How the incident was resolved, as the header and the resolution section say it. */
    static String resolvedHow(IncidentAnalysis a) {
        if (a.recoveredOnArrival) {
            return "already recovered when the alarm arrived";
        }
        if ("alarm".equals(a.incident.resolvedBy())) {
            return a.grouped() ? "automatically, the last of its " + (a.groupedAlarms.size() + 1)
                    + " grouped alarms returned to OK" : "automatically, the alarm returned to OK";
        }
        return a.incident.resolvedBy() == null ? "resolved" : "by " + text(a.incident.resolvedBy());
    }

    private static void row(StringBuilder md, String field, String value) {
        md.append("| ").append(field).append(" | ").append(cell(value)).append(" |\n");
    }
}
