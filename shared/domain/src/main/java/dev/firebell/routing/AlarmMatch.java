package dev.firebell.routing;

import dev.firebell.alarm.AlarmMetric;
import dev.firebell.alarm.AlarmStateChange;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a routing rule requires of an alarm. Every criterion that is set must hold; unset ones match
 * anything. Namespace and dimensions match when any one of the alarm's metrics has them (composite
 * alarms have no metrics of their own, so they only match on name, account and region).
 *
 * @param dimensions dimension name to value; a value of {@code *} only requires the dimension, and a
 *                   trailing {@code *} matches a prefix
 */
public record AlarmMatch(
        String alarmNamePrefix,
        Pattern alarmNamePattern,
        String namespace,
        Map<String, String> dimensions,
        String accountId,
        String region) {

    public AlarmMatch {
        dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
    }

    public static AlarmMatch any() {
        return new AlarmMatch(null, null, null, Map.of(), null, null);
    }

    public boolean matches(AlarmStateChange alarm) {
        if (alarmNamePrefix != null && !alarm.alarmName().startsWith(alarmNamePrefix)) {
            return false;
        }
        if (alarmNamePattern != null && !alarmNamePattern.matcher(alarm.alarmName()).matches()) {
            return false;
        }
        if (accountId != null && !accountId.equals(alarm.accountId())) {
            return false;
        }
        if (region != null && !region.equals(alarm.region())) {
            return false;
        }
        if (namespace == null && dimensions.isEmpty()) {
            return true;
        }
        return alarm.metrics().stream().anyMatch(this::matchesMetric);
    }

    private boolean matchesMetric(AlarmMetric metric) {
        if (namespace != null && !namespace.equals(metric.namespace())) {
            return false;
        }
        for (Map.Entry<String, String> wanted : dimensions.entrySet()) {
            String actual = metric.dimensions().get(wanted.getKey());
            if (actual == null || !globMatches(wanted.getValue(), actual)) {
                return false;
            }
        }
        return true;
    }

    private static boolean globMatches(String wanted, String actual) {
        if (wanted.endsWith("*")) {
            return actual.startsWith(wanted.substring(0, wanted.length() - 1));
        }
        return wanted.equals(actual);
    }
}
