package dev.firebell.incident;

import dev.firebell.alarm.AlarmKind;
import dev.firebell.alarm.AlarmMetric;
import dev.firebell.routing.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An incident: something is wrong with a service and someone must look.
 *
 * @param triggeredAt        when the first alarm fired (CloudWatch's state timestamp)
 * @param openedAt           when Firebell opened the incident
 * @param lastSeenAt         when Firebell last received an ALARM for it
 * @param alarmCount         ALARM deliveries folded into it, the first included
 * @param statusBeforeResolve what a reopen restores (an acknowledged incident stays acknowledged)
 * @param roles              role name (commander, scribe, communications...) to the person holding it
 * @param resolution         what resolved it, in the words of whoever resolved it
 * @param version            optimistic-locking counter kept by the store
 * @param group              the alarms grouped into it (ADR 0040); null for an incident opened without grouping
 *                           or declared by a person
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
        Map<String, String> roles,
        String resolution,
        long version,
        AlarmGroup group) {

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openedAt, "openedAt");
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        roles = roles == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(roles));
    }

    /** Without a group: what incidents were before grouping (ADR 0040), and what people declare. */
    public Incident(String id, String title, String service, Severity severity, IncidentStatus status, String dedupKey,
                    String alarmArn, String alarmName, String accountId, String region, AlarmKind alarmKind,
                    String description, String reason, List<AlarmMetric> metrics, Instant triggeredAt,
                    Instant openedAt, Instant lastSeenAt, int alarmCount, Instant acknowledgedAt, String acknowledgedBy,
                    Instant resolvedAt, String resolvedBy, IncidentStatus statusBeforeResolve, int reopenCount,
                    Map<String, String> roles, String resolution, long version) {
        this(id, title, service, severity, status, dedupKey, alarmArn, alarmName, accountId, region, alarmKind,
                description, reason, metrics, triggeredAt, openedAt, lastSeenAt, alarmCount, acknowledgedAt,
                acknowledgedBy, resolvedAt, resolvedBy, statusBeforeResolve, reopenCount, roles, resolution, version, null);
    }

    public static final String COMMANDER = "commander";

    /** Whether it follows the grouped rules: it resolves when its last alarm in ALARM returns to OK. */
    public boolean isGrouped() {
        return group != null;
    }

    /** Whether the alarm returning to OK (not a person) resolved it. */
    public boolean resolvedByAlarm() {
        return RESOLVED_BY_ALARM.equals(resolvedBy);
    }

    /** {@link #resolvedBy} of an incident its alarm(s) resolved. */
    public static final String RESOLVED_BY_ALARM = "alarm";

    public String commander() {
        return roles.get(COMMANDER);
    }

    /** Whether an alarm opened it (as opposed to a person declaring it). */
    public boolean fromAlarm() {
        return alarmArn != null;
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
        return toBuilder().status(newStatus).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** For changes of a few fields: every other field is carried over as it was. */
    public static final class Builder {
        private String id;
        private String title;
        private String service;
        private Severity severity;
        private IncidentStatus status;
        private String dedupKey;
        private String alarmArn;
        private String alarmName;
        private String accountId;
        private String region;
        private AlarmKind alarmKind;
        private String description;
        private String reason;
        private List<AlarmMetric> metrics = List.of();
        private Instant triggeredAt;
        private Instant openedAt;
        private Instant lastSeenAt;
        private int alarmCount;
        private Instant acknowledgedAt;
        private String acknowledgedBy;
        private Instant resolvedAt;
        private String resolvedBy;
        private IncidentStatus statusBeforeResolve;
        private int reopenCount;
        private Map<String, String> roles = Map.of();
        private String resolution;
        private long version;
        private AlarmGroup group;

        private Builder() {
        }

        private Builder(Incident i) {
            id = i.id; title = i.title; service = i.service; severity = i.severity; status = i.status;
            dedupKey = i.dedupKey; alarmArn = i.alarmArn; alarmName = i.alarmName; accountId = i.accountId;
            region = i.region; alarmKind = i.alarmKind; description = i.description; reason = i.reason;
            metrics = i.metrics; triggeredAt = i.triggeredAt; openedAt = i.openedAt; lastSeenAt = i.lastSeenAt;
            alarmCount = i.alarmCount; acknowledgedAt = i.acknowledgedAt; acknowledgedBy = i.acknowledgedBy;
            resolvedAt = i.resolvedAt; resolvedBy = i.resolvedBy; statusBeforeResolve = i.statusBeforeResolve;
            reopenCount = i.reopenCount; roles = i.roles; resolution = i.resolution; version = i.version;
            group = i.group;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder service(String v) { service = v; return this; }
        public Builder severity(Severity v) { severity = v; return this; }
        public Builder status(IncidentStatus v) { status = v; return this; }
        public Builder dedupKey(String v) { dedupKey = v; return this; }
        public Builder alarmArn(String v) { alarmArn = v; return this; }
        public Builder alarmName(String v) { alarmName = v; return this; }
        public Builder accountId(String v) { accountId = v; return this; }
        public Builder region(String v) { region = v; return this; }
        public Builder alarmKind(AlarmKind v) { alarmKind = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder reason(String v) { reason = v; return this; }
        public Builder metrics(List<AlarmMetric> v) { metrics = v; return this; }
        public Builder triggeredAt(Instant v) { triggeredAt = v; return this; }
        public Builder openedAt(Instant v) { openedAt = v; return this; }
        public Builder lastSeenAt(Instant v) { lastSeenAt = v; return this; }
        public Builder alarmCount(int v) { alarmCount = v; return this; }
        public Builder acknowledgedAt(Instant v) { acknowledgedAt = v; return this; }
        public Builder acknowledgedBy(String v) { acknowledgedBy = v; return this; }
        public Builder resolvedAt(Instant v) { resolvedAt = v; return this; }
        public Builder resolvedBy(String v) { resolvedBy = v; return this; }
        public Builder statusBeforeResolve(IncidentStatus v) { statusBeforeResolve = v; return this; }
        public Builder reopenCount(int v) { reopenCount = v; return this; }
        public Builder roles(Map<String, String> v) { roles = v; return this; }
        public Builder resolution(String v) { resolution = v; return this; }
        public Builder version(long v) { version = v; return this; }
        public Builder group(AlarmGroup v) { group = v; return this; }

        public Incident build() {
            return new Incident(id, title, service, severity, status, dedupKey, alarmArn, alarmName, accountId, region,
                    alarmKind, description, reason, metrics, triggeredAt, openedAt, lastSeenAt, alarmCount,
                    acknowledgedAt, acknowledgedBy, resolvedAt, resolvedBy, statusBeforeResolve, reopenCount, roles,
                    resolution, version, group);
        }
    }
}
