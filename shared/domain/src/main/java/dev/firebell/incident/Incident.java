package dev.firebell.incident;

import dev.firebell.alarm.AlarmKind;
import dev.firebell.alarm.AlarmMetric;
import dev.firebell.routing.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An incident: something is wrong with a service and someone must look.
 *
 * @param triggeredAt        when the first alarm fired (CloudWatch's state timestamp)
 * @param openedAt           when Firebell opened the incident
 * @param lastSeenAt         when Firebell last received an ALARM for it
 * @param alarmCount         ALARM deliveries folded into it, the first included
 * @param statusBeforeResolve what a reopen restores (an acknowledged incident stays acknowledged)
 * @param version            optimistic-locking counter kept by the store
 */
public record Incident(
        String id,
        String title,
        String service,
        Severity severity,
        IncidentStatus status,
        String dedupKey,
        String alarmArn,
        String alarmName,
        String accountId,
        String region,
        AlarmKind alarmKind,
        String description,
        String reason,
        List<AlarmMetric> metrics,
        Instant triggeredAt,
        Instant openedAt,
        Instant lastSeenAt,
        int alarmCount,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant resolvedAt,
        String resolvedBy,
        IncidentStatus statusBeforeResolve,
        int reopenCount,
        long version) {

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openedAt, "openedAt");
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    /** How long the incident has lasted, or lasted, by the alarm's own clock where known. */
    public Duration duration(Instant now) {
        Instant start = triggeredAt != null ? triggeredAt : openedAt;
        Instant end = resolvedAt != null ? resolvedAt : now;
        return end.isBefore(start) ? Duration.ZERO : Duration.between(start, end);
    }

    public Incident withStatus(IncidentStatus newStatus) {
        return new Incident(id, title, service, severity, newStatus, dedupKey, alarmArn, alarmName, accountId, region,
                alarmKind, description, reason, metrics, triggeredAt, openedAt, lastSeenAt, alarmCount,
                acknowledgedAt, acknowledgedBy, resolvedAt, resolvedBy, statusBeforeResolve, reopenCount, version);
    }
}
