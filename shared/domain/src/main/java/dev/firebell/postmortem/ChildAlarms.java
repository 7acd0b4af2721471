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
        AlarmArn parsed = parse(arn);
        return parsed == null ? arn : parsed.alarmName();
    }

    /** The region in a child's ARN, or null when it is not an ARN. */
    static String childRegion(String arn) {
        AlarmArn parsed = parse(arn);
        return parsed == null ? null : parsed.region();
    }

    /** The account in a child's ARN, or null when it is not an ARN. */
    static String childAccount(String arn) {
        AlarmArn parsed = parse(arn);
        return parsed == null ? null : parsed.accountId();
    }

    private static AlarmArn parse(String arn) {
        try {
            return AlarmArn.parse(arn);
        } catch (MalformedAlarmException notAnArn) {
            return null;
        }
    }
}
