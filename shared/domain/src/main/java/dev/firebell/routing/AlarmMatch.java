package dev.firebell.routing;

import dev.firebell.alarm.AlarmMetric;
import dev.firebell.alarm.AlarmStateChange;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a routing rule requires of an alarm. Every criterion that is set must hold; unset ones match
 * anything. Namespace and dimensions match when any one of the alarm's metrics has them (composite
 * alarms have no metrics of their own, so they only match on name, account and region).
 *
 * @param dimensions dimension name to value; a value of {@code *} only requires the dimension, and a
 *                   trailing {@code *} matches a prefix
 * @param accountIds the alarm's account is one of these (ids written as such or named in the configuration's
 *                   {@code accounts}); empty: any account
 * @param regions    the alarm's region is one of these; empty: any region
 */
public record AlarmMatch(
        String alarmNamePrefix,
        Pattern alarmNamePattern,
        String namespace,
        Map<String, String> dimensions,
        Set<String> accountIds,
        Set<String> regions) {

    public AlarmMatch {
        dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
        accountIds = accountIds == null ? Set.of() : Set.copyOf(accountIds);
        regions = regions == null ? Set.of() : Set.copyOf(regions);
    }

    public static AlarmMatch any() {
        return new AlarmMatch(null, null, null, Map.of(), Set.of(), Set.of());
    }

    public boolean matches(AlarmStateChange alarm) {
        if (alarmNamePrefix != null && !alarm.alarmName().startsWith(alarmNamePrefix)) {
            return false;
        }
        if (alarmNamePattern != null && !alarmNamePattern.matcher(alarm.alarmName()).matches()) {
            return false;
        }
        // Set.of(...).contains(null) throws: an alarm without an account or region matches no rule that names one.
        if (!accountIds.isEmpty() && (alarm.accountId() == null || !accountIds.contains(alarm.accountId()))) {
            return false;
        }
        if (!regions.isEmpty() && (alarm.region() == null || !regions.contains(alarm.region()))) {
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
