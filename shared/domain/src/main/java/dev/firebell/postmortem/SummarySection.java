package dev.firebell.postmortem;

import static dev.firebell.postmortem.ChildAlarms.childName;
import static dev.firebell.postmortem.DraftText.clock;
import static dev.firebell.postmortem.DraftText.day;
import static dev.firebell.postmortem.DraftText.times;
import static dev.firebell.postmortem.Markdown.code;
import static dev.firebell.postmortem.Markdown.text;

import dev.firebell.alarm.AlarmKind;
import dev.firebell.alarm.AlarmMetric;
import dev.firebell.incident.Incident;
import dev.firebell.metrics.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Summary: one paragraph telling the incident from start to resolve, in the facts the record holds. */
final class SummarySection {

    private SummarySection() {
    }

    static void write(StringBuilder md, IncidentAnalysis a) {
        Incident i = a.incident;
        md.append("## Summary\n\n");
        StringBuilder s = new StringBuilder();
        if (a.declaredBy != null) {
            s.append("On ").append(day(a.start)).append(" at ").append(clock(a.start)).append(" UTC ")
                    .append(text(a.declaredBy)).append(" declared incident #").append(text(i.id())).append(" for service ")
                    .append(text(i.service())).append(" at ").append(a.initialSeverity).append('.');
        } else if (i.fromAlarm()) {
            s.append("On ").append(day(a.start)).append(" at ").append(clock(a.start)).append(" UTC the CloudWatch ")
                    .append(i.alarmKind() == AlarmKind.COMPOSITE ? "composite alarm " : "alarm ")
                    .append(code(i.alarmName()))
                    .append(a.origin == null ? "" : " in " + text(a.origin.describe()) + ",").append(" entered ALARM");
            if (a.compositeTrigger != null) {
                s.append(", tipped by ").append(code(childName(a.compositeTrigger.alarmArn())));
            } else if (!i.metrics().isEmpty()) {
                s.append(" (").append(text(metricList(i.metrics()))).append(')');
            }
            s.append(". Firebell opened incident #").append(text(i.id())).append(" for service ").append(text(i.service()))
                    .append(" at ").append(a.initialSeverity);
            s.append(a.pagesByTarget.isEmpty() ? " and paged nobody" : " and paged "
                    + text(String.join(", ", a.pagesByTarget.keySet()))).append('.');
            if (a.grouped()) {
                int n = a.groupedAlarms.size();
                s.append(' ').append(n).append(n == 1 ? " more alarm" : " more alarms").append(" of ")
                        .append(text(i.service())).append(n == 1 ? " was" : " were")
                        .append(" grouped into it while it was open; nobody was paged for ").append(n == 1 ? "it." : "them.");
            }
        } else {
            s.append("Incident #").append(text(i.id())).append(" opened on ").append(day(a.start)).append(" at ")
                    .append(clock(a.start)).append(" UTC for service ").append(text(i.service())).append('.');
        }
        if (a.severityChanges > 0 && a.highestSeverity != a.initialSeverity) {
            s.append(" Its severity was raised to ").append(a.highestSeverity).append(" during the incident.");
        }
        if (a.firstAck != null) {
            s.append(' ').append(text(a.firstAckBy)).append(" acknowledged it ")
                    .append(a.firstPage != null ? Durations.human(Duration.between(a.firstPage, a.firstAck))
                            + " after the first page." : Durations.human(a.metrics.timeToAcknowledge()) + " after it opened.");
        } else if (!a.recoveredOnArrival) {
            s.append(" Nobody acknowledged it.");
        }
        if (a.duplicates > 0) {
            s.append(" The alarm fired ").append(a.duplicates).append(a.duplicates == 1 ? " more time" : " more times")
                    .append(" while the incident was open; nobody was paged again.");
        }
        if (i.reopenCount() > 0) {
            s.append(" It resolved and reopened ").append(times(i.reopenCount())).append(" before it resolved for good.");
        }
        if (i.resolvedAt() != null) {
            s.append(" It was resolved at ").append(clock(i.resolvedAt())).append(" UTC, ")
                    .append(Durations.human(a.metrics.timeToResolve())).append(" after it started, ");
            if (a.recoveredOnArrival) {
                s.append("having recovered before the alarm reached Firebell.");
            } else if ("alarm".equals(i.resolvedBy())) {
                s.append(a.grouped() ? "when the last of its " + (a.groupedAlarms.size() + 1)
                        + " grouped alarms returned to OK." : "when the alarm returned to OK.");
            } else {
                s.append("by ").append(text(i.resolvedBy()));
                if (!a.resolutions.isEmpty()) {
                    s.append(": \u201c").append(text(a.resolutions.get(a.resolutions.size() - 1).text())).append("\u201d");
                } else {
                    s.append('.');
                }
            }
        }
        md.append(s.toString().strip()).append("\n\n");
    }

    private static String metricList(List<AlarmMetric> metrics) {
        List<String> names = new ArrayList<>();
        for (AlarmMetric m : metrics) {
            names.add(m.describe());
        }
        return String.join("; ", names);
    }
}
