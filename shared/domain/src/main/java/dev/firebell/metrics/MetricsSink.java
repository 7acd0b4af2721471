package dev.firebell.metrics;

/** Port: where per-incident metrics go for dashboards and alarms (CloudWatch, through the function's log). */
public interface MetricsSink {
    void emit(IncidentMetrics metrics);
}
