package dev.firebell.postmortem;

import static dev.firebell.postmortem.DraftText.clock;
import static dev.firebell.postmortem.DraftText.nonNegative;
import static dev.firebell.postmortem.DraftText.time;
import static dev.firebell.postmortem.EventLabels.label;
import static dev.firebell.postmortem.Markdown.cell;
import static dev.firebell.postmortem.Markdown.text;

import dev.firebell.incident.Incident;
import dev.firebell.metrics.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Response: roles, responders, pages, time to acknowledge, escalation, hand-offs and the manual actions. */
final class ResponseSection {

    /** Manual actions listed before pointing at the timeline for the rest. */
    static final int MAX_ACTIONS = 50;

    private ResponseSection() {
    }

    static void write(StringBuilder md, IncidentAnalysis a) {
        Incident i = a.incident;
        md.append("## Response\n\n");
        if (i.roles().isEmpty()) {
            md.append("- **Roles:** none assigned.\n");
        } else {
            List<String> roles = new ArrayList<>();
            i.roles().forEach((role, person) -> roles.add(text(role) + ": " + text(person)));
            md.append("- **Roles:** ").append(String.join("; ", roles)).append(".\n");
        }
        if (a.responders.isEmpty()) {
            md.append("- **Responders:** no person acted on the incident.\n");
        } else {
            List<String> people = new ArrayList<>();
            a.responders.forEach((person, at) -> people.add(text(person) + " (from " + clock(at) + ")"));
            md.append("- **Responders** (people who acted, by first action, UTC): ").append(String.join(", ", people))
                    .append(".\n");
        }
        if (a.pagesByTarget.isEmpty()) {
            md.append("- **Paged:** nobody").append(a.recoveredOnArrival ? " (it had recovered already)" : "").append(".\n");
        } else {
            List<String> targets = new ArrayList<>();
            a.pagesByTarget.forEach((target, n) -> targets.add(text(target) + " (" + n + (n == 1 ? " page)" : " pages)")));
            md.append("- **Paged:** ").append(String.join(", ", targets)).append("; first page at ")
                    .append(time(a.firstPage)).append(" UTC.\n");
        }
        if (a.pagesFailed > 0 || a.pagesCancelled > 0) {
            md.append("- **Pages not delivered:** ").append(a.pagesFailed).append(" failed attempt(s) (retried), ")
                    .append(a.pagesCancelled).append(" cancelled because the incident was already in hand.\n");
        }
        if (a.firstAck != null) {
            md.append("- **Time to acknowledge:** ").append(Durations.human(a.metrics.timeToAcknowledge()))
                    .append(" after the incident opened");
            if (a.firstPage != null) {
                md.append(" (").append(Durations.human(nonNegative(Duration.between(a.firstPage, a.firstAck))))
                        .append(" after the first page)");
            }
            md.append("; ").append(text(a.firstAckBy)).append(" at ").append(time(a.firstAck)).append(" UTC.\n");
        } else {
            md.append("- **Time to acknowledge:** not acknowledged.\n");
        }
        if (a.escalations.isEmpty()) {
            md.append("- **Escalation:** none; the first targets were the only ones paged.\n");
        } else {
            md.append("- **Escalation:** reached level ").append(a.metrics.escalationLevels())
                    .append(a.escalationExhausted ? ", and every level was exhausted" : "").append(":\n");
            for (IncidentAnalysis.Escalation e : a.escalations) {
                md.append("  - ").append(time(e.at())).append(" UTC").append(e.level() != null ? ", level "
                        + text(e.level()) : "").append(": ").append(text(e.summary())).append('\n');
            }
        }
        if (a.handoffs.isEmpty()) {
            md.append("- **Hand-offs:** none.\n");
        } else {
            md.append("- **Hand-offs:**\n");
            for (IncidentAnalysis.Handoff h : a.handoffs) {
                md.append("  - ").append(time(h.at())).append(" UTC, ").append(text(h.what())).append(": ")
                        .append(text(h.from())).append(" to ").append(text(h.to())).append('\n');
            }
        }
        md.append('\n');
        if (!a.actions.isEmpty()) {
            md.append("Manual actions:\n\n| Time (UTC) | Who | Action | Details |\n| --- | --- | --- | --- |\n");
            int shown = Math.min(MAX_ACTIONS, a.actions.size());
            for (IncidentAnalysis.Action act : a.actions.subList(0, shown)) {
                md.append("| ").append(time(act.at())).append(" | ").append(cell(text(act.actor()))).append(" | ")
                        .append(label(act.type())).append(" | ").append(cell(text(act.summary()))).append(" |\n");
            }
            if (a.actions.size() > shown) {
                md.append("\nAnd ").append(a.actions.size() - shown).append(" more: see the timeline.\n");
            }
            md.append('\n');
        }
    }
}
