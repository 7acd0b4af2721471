package dev.firebell.incident;

import java.time.Duration;
import java.time.Instant;

/**
 * A service's current group (ADR 0040): the incident that new alarms of the service join, and when its first alarm
 * fired. One per service, read strongly consistent and written (guarded by {@code version}) only when an alarm
 * opens a new incident for the service, so two alarms racing to open one both see the winner's incident.
 *
 * @param incidentId null when the service never had a grouped incident
 * @param startedAt  CloudWatch's state timestamp of the alarm that opened it: the window runs on alarm time,
 *                   like every other rule (ADR 0007), so a delivery retried minutes later still groups
 */
public record ServiceGroup(String service, String incidentId, Instant startedAt, long version) {

    public static ServiceGroup none(String service) {
        return new ServiceGroup(service, null, null, 0);
    }

    /** Whether an alarm that fired at {@code alarmAt} falls in this group's window. */
    public boolean admits(Instant alarmAt, Duration window) {
        return incidentId != null && !window.isZero() && alarmAt.isBefore(startedAt.plus(window));
    }

    /** The pointer to a new incident of the service, replacing this one (same version: the write checks it). */
    public ServiceGroup movedTo(String newIncidentId, Instant newStartedAt) {
        return new ServiceGroup(service, newIncidentId, newStartedAt, version);
    }
}
