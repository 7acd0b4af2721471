package dev.firebell.postmortem;

import static dev.firebell.postmortem.ChildAlarms.childAccount;
import static dev.firebell.postmortem.ChildAlarms.childName;
import static dev.firebell.postmortem.ChildAlarms.childRegion;
import static dev.firebell.postmortem.ChildAlarms.children;
import static dev.firebell.postmortem.DraftText.time;
import static dev.firebell.postmortem.DraftText.times;
import static dev.firebell.postmortem.Markdown.code;
import static dev.firebell.postmortem.Markdown.text;

import dev.firebell.account.Origin;
import dev.firebell.alarm.ConsoleLinks;
import dev.firebell.incident.Incident;
import java.time.Duration;

/**
 * Supporting information: the alarm and its child alarms with links to the CloudWatch console (the metrics graphed
 * around the incident), the dedup key and the incident record.
 */
final class SupportingInformationSection {

    /** The metric graph link shows this long before the alarm fired and after the incident resolved. */
    static final Duration GRAPH_BEFORE = Duration.ofHours(1);
    static final Duration GRAPH_AFTER = Duration.ofMinutes(30);

    private SupportingInformationSection() {
    }

    static void write(StringBuilder md, IncidentAnalysis a) {
        Incident i = a.incident;
        md.append("## Supporting information\n\n");
        if (i.fromAlarm()) {
            md.append("- **Alarm:** ").append(code(i.alarmName())).append(", ").append(code(i.alarmArn())).append('\n');
            if (i.region() != null) {
                md.append("- ").append(Markdown.link("CloudWatch alarm and its history", ConsoleLinks.alarm(i.region(),
                        i.alarmName())));
                String metrics = ConsoleLinks.metrics(i.region(), i.metrics(), a.start.minus(GRAPH_BEFORE),
                        (i.resolvedAt() != null ? i.resolvedAt() : a.start).plus(GRAPH_AFTER));
                if (metrics != null) {
                    md.append(" \u00b7 ").append(Markdown.link("its metrics from 1 h before to 30 min after", metrics));
                }
                switchRoleNote(md, a.origin);
                md.append('\n');
            }
            for (String child : children(a)) {
                md.append("- **Child alarm:** ").append(code(childName(child))).append(", ").append(code(child));
                String region = childRegion(child);
                if (region != null) {
                    md.append(" \u00b7 ").append(Markdown.link("CloudWatch alarm", ConsoleLinks.alarm(region,
                            childName(child))));
                    switchRoleNote(md, a.origins.of(childAccount(child), region).orElse(null));
                }
                md.append('\n');
            }
        }
        if (i.dedupKey() != null && !i.dedupKey().equals(i.alarmArn())) {
            md.append("- **Dedup key:** ").append(code(i.dedupKey())).append('\n');
        }
        md.append("- **Incident record:** #").append(text(i.id())).append(", opened ").append(time(i.openedAt()))
                .append(" UTC; ").append(i.alarmCount()).append(i.alarmCount() == 1 ? " ALARM delivery" : " ALARM deliveries")
                .append(i.reopenCount() == 0 ? ", never reopened" : ", reopened " + times(i.reopenCount())).append(".\n\n");
    }

    /** The console opens in the account the reader is signed in to: a link into another account says which. */
    private static void switchRoleNote(StringBuilder md, Origin origin) {
        String note = ConsoleLinks.note(origin);
        if (note != null) {
            md.append(" (").append(text(note)).append(')');
        }
    }
}
