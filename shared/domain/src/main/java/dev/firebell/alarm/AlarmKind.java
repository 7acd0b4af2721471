package dev.firebell.alarm;

/**
 * CloudWatch has metric alarms (one metric or a metric-math expression) and composite alarms; a heartbeat monitor's
 * miss takes the same path without any CloudWatch alarm (docs/heartbeats.md).
 */
public enum AlarmKind {
    METRIC,
    COMPOSITE,
    HEARTBEAT
}
