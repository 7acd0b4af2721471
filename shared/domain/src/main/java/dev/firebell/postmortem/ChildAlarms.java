package dev.firebell.postmortem;

import dev.firebell.alarm.AlarmArn;
import dev.firebell.alarm.MalformedAlarmException;
import java.util.List;

/** The child alarms of a composite alarm, named and located from their ARNs. */
final class ChildAlarms {

    private ChildAlarms() {
    }

    /** The children the alarm listed as triggering it, or else the one its reason names. */
    static List<String> children(IncidentAnalysis a) {
        if (!a.triggeringAlarms.isEmpty()) {
            return a.triggeringAlarms;
        }
        return a.compositeTrigger != null ? List.of(a.compositeTrigger.alarmArn()) : List.of();
    }

    /** The alarm name in a child's ARN, or the text itself when it is not an ARN. */
    static String childName(String arn) {
        try {
            return AlarmArn.parse(arn).alarmName();
        } catch (MalformedAlarmException notAnArn) {
            return arn;
        }
    }

    /** The region in a child's ARN, or null when it is not an ARN. */
    static String childRegion(String arn) {
        try {
            return AlarmArn.parse(arn).region();
        } catch (MalformedAlarmException notAnArn) {
            return null;
        }
    }
}
