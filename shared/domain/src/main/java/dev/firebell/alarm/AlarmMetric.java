package dev.firebell.alarm;

import java.util.Map;

/**
 * One metric (or metric-math expression) an alarm evaluates. For a plain metric {@code namespace} and
 * {@code name} are set; for an expression {@code expression} (and usually {@code label}) are set instead.
 */
public record AlarmMetric(
        String id,
        String namespace,
        String name,
        Map<String, String> dimensions,
        String stat,
        Integer periodSeconds,
        String expression,
        String label) {

    public AlarmMetric {
        dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
    }

    public static AlarmMetric metric(String namespace, String name, Map<String, String> dimensions) {
        return new AlarmMetric(null, namespace, name, dimensions, null, null, null, null);
    }

    public boolean isExpression() {
        return expression != null;
    }

    /** A short human description: {@code AWS/ApplicationELB HTTPCode_Target_5XX_Count} or the expression. */
    public String describe() {
        if (isExpression()) {
            return (label != null ? label + " = " : "") + expression;
        }
        return namespace + " " + name;
    }
}
