package dev.firebell.postmortem;

import static dev.firebell.postmortem.DraftText.TEAM;
import static dev.firebell.postmortem.DraftText.nonNegative;
import static dev.firebell.postmortem.DraftText.times;
import static dev.firebell.postmortem.Markdown.text;

import dev.firebell.incident.Incident;
import dev.firebell.metrics.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Lessons learned: what went well, what went wrong and where we got lucky, each with the facts the data supports
 * and a line for the team.
 */
final class LessonsLearnedSection {

    /** An acknowledgement this fast after the first page went well, one this slow went wrong. */
    static final Duration ACK_WENT_WELL = Duration.ofMinutes(5);
    static final Duration ACK_WENT_WRONG = Duration.ofMinutes(15);

    private LessonsLearnedSection() {
    }

    static void write(StringBuilder md, IncidentAnalysis a) {
        Incident i = a.incident;
        md.append("## Lessons learned\n\n");
        List<String> well = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        List<String> lucky = new ArrayList<>();
        if (a.firstAck != null && a.firstPage != null) {
            Duration sincePage = nonNegative(Duration.between(a.firstPage, a.firstAck));
            String fact = "Acknowledged " + Durations.human(sincePage) + " after the first page.";
            if (sincePage.compareTo(ACK_WENT_WELL) <= 0) {
                well.add(fact);
            } else if (sincePage.compareTo(ACK_WENT_WRONG) > 0) {
                wrong.add(fact);
            }
        }
        if (a.duplicates > 0) {
            well.add(a.duplicates + (a.duplicates == 1 ? " repeat ALARM delivery paged nobody: it was"
                    : " repeat ALARM deliveries paged nobody: they were") + " folded into the incident.");
        }
        if (a.grouped()) {
            well.add(a.groupedAlarms.size() + (a.groupedAlarms.size() == 1 ? " more alarm" : " more alarms")
                    + " of the service paged nobody: grouped into this incident.");
        }
        if (i.reopenCount() > 0 && a.pagesByTarget.values().stream().mapToInt(Integer::intValue).sum() <= 1) {
            well.add("The flap reopened the incident instead of paging again.");
        }
        if (a.firstAck == null && a.firstPage != null && !"alarm".equals(i.resolvedBy())) {
            wrong.add("Nobody acknowledged the page.");
        }
        if (a.pagesFailed > 0) {
            wrong.add(a.pagesFailed + " page attempt(s) failed before a page got through.");
        }
        if (!a.escalations.isEmpty()) {
            wrong.add("It escalated to level " + a.metrics.escalationLevels() + " before anyone acknowledged.");
        }
        if (i.reopenCount() > 0) {
            wrong.add("The alarm flapped " + times(i.reopenCount()) + "; its threshold or datapoints-to-alarm may need"
                    + " a look.");
        }
        if (a.firstAck == null && "alarm".equals(i.resolvedBy()) && !a.recoveredOnArrival) {
            lucky.add("It recovered on its own (the alarm returned to OK) before anyone acknowledged it.");
        }
        if (a.recoveredOnArrival) {
            lucky.add("It had recovered before the alarm reached Firebell, so nobody was woken.");
        }
        lessonList(md, "What went well", well);
        lessonList(md, "What went wrong", wrong);
        lessonList(md, "Where we got lucky", lucky);
    }

    private static void lessonList(StringBuilder md, String heading, List<String> facts) {
        md.append("### ").append(heading).append("\n\n");
        for (String f : facts) {
            md.append("- ").append(text(f)).append('\n');
        }
        md.append("- ").append(TEAM.strip()).append(" \u2026\n\n");
    }
}
