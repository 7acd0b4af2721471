package dev.firebell.postmortem;

import static dev.firebell.postmortem.ChildAlarms.childName;
import static dev.firebell.postmortem.DraftText.nonNegative;
import static dev.firebell.postmortem.DraftText.prompt;
import static dev.firebell.postmortem.DraftText.time;
import static dev.firebell.postmortem.Markdown.code;
import static dev.firebell.postmortem.Markdown.text;

import dev.firebell.alarm.AlarmMetric;
import dev.firebell.incident.Incident;
import dev.firebell.metrics.Durations;
import java.time.Duration;

/** Detection: when the alarm fired or who declared it, the earliest evidence, time to detect, alerting delay. */
final class DetectionSection {

    private DetectionSection() {
    }

    static void write(StringBuilder md, IncidentAnalysis a) {
        Incident i = a.incident;
        md.append("## Detection\n\n");
        if (a.declaredBy != null || !i.fromAlarm()) {
            md.append("- **Declared** by ").append(text(a.declaredBy != null ? a.declaredBy : "a person")).append(" at ")
                    .append(time(a.start)).append(" UTC; no alarm had fired.\n");
            md.append("- **Time to detect:** not computable from the data: nothing records when the impact began.\n");
        } else {
            md.append("- **First alarm:** ").append(code(i.alarmName())).append(" entered ALARM at ").append(time(a.start))
                    .append(" UTC.\n");
            if (i.reason() != null && !i.reason().isBlank()) {
                md.append("- **Its reason:**\n\n").append(Markdown.quote(i.reason(), "  ")).append('\n');
            }
            if (a.evidence != null) {
                md.append("- **Earliest evidence:** ").append(a.compositeTrigger != null
                        ? "child alarm " + code(childName(a.compositeTrigger.alarmArn())) + " entered ALARM at "
                        : "the first breaching datapoint began at ").append(time(a.evidence)).append(" UTC.\n");
                md.append("- **Time to detect:** ").append(Durations.human(a.metrics.timeToDetect()))
                        .append(", from the earliest evidence to the alarm firing.\n");
            } else {
                md.append("- **Time to detect:** not computable from the data: the alarm's reason does not say when the"
                        + " condition began.\n");
            }
            int period = 0;
            for (AlarmMetric m : i.metrics()) {
                period = Math.max(period, m.periodSeconds() == null ? 0 : m.periodSeconds());
            }
            if (period > 0) {
                md.append("- The alarm evaluates ").append(Durations.human(Duration.ofSeconds(period)))
                        .append(" periods, so the condition was visible for at least one period before it fired.\n");
            }
            md.append("- **Alerting delay:** Firebell opened the incident at ").append(time(i.openedAt())).append(" UTC, ")
                    .append(Durations.human(nonNegative(Duration.between(a.start, i.openedAt()))))
                    .append(" after the alarm fired.\n");
        }
        prompt(md, "How did we find out: this alarm, a customer, a colleague? Could we have known sooner, and which"
                + " signal would have shown it?");
    }
}
