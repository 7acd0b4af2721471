package dev.firebell.alarm;

/** CloudWatch has metric alarms (one metric or a metric-math expression) and composite alarms. */
public enum AlarmKind {
    METRIC,
    COMPOSITE
}
