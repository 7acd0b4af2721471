package dev.firebell.postmortem;

import static dev.firebell.postmortem.DraftText.prompt;
import static dev.firebell.postmortem.DraftText.time;
import static dev.firebell.postmortem.Markdown.code;
import static dev.firebell.postmortem.Markdown.text;

import dev.firebell.incident.Incident;

/**
 * Root causes and trigger: the question for the team, then what the data shows (the alarm's reason and description,
 * the notes as written).
 */
final class RootCausesSection {

    /** Notes quoted in full; every note is still blame-checked. */
    static final int MAX_NOTES = 100;

    private RootCausesSection() {
    }

    static void write(StringBuilder md, IncidentAnalysis a) {
        Incident i = a.incident;
        md.append("## Root causes and trigger\n\n");
        prompt(md, "What set this off (the trigger), and which conditions let it become an incident (the root causes)?"
                + " Write about conditions and systems, not people: ask how the system made each action possible, and"
                + " why it made sense at the time to the people involved.");
        md.append("What the data shows:\n\n");
        boolean any = false;
        if (i.fromAlarm() && i.reason() != null && !i.reason().isBlank()) {
            md.append("- The alarm ").append(code(i.alarmName())).append(" reported:\n\n")
                    .append(Markdown.quote(i.reason(), "  ")).append('\n');
            any = true;
        }
        if (i.description() != null && !i.description().isBlank()) {
            md.append("- The alarm's description:\n\n").append(Markdown.quote(i.description(), "  ")).append('\n');
            any = true;
        }
        if (!a.notes.isEmpty()) {
            md.append("- Notes recorded during the incident, quoted as written:\n");
            int shown = Math.min(MAX_NOTES, a.notes.size());
            for (IncidentAnalysis.Written n : a.notes.subList(0, shown)) {
                md.append("  - ").append(text(n.actor())).append(" at ").append(time(n.at())).append(" UTC:\n\n")
                        .append(Markdown.quote(n.text(), "    ")).append('\n');
            }
            if (a.notes.size() > shown) {
                md.append("  - And ").append(a.notes.size() - shown).append(" more notes, which the incident's own"
                        + " timeline keeps.\n\n");
            }
            any = true;
        }
        if (!any) {
            md.append("- Nothing beyond the timeline: no alarm reason, description or notes were recorded.\n\n");
        }
    }
}
