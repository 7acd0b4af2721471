package dev.firebell.metrics;

import dev.firebell.alarm.AlarmKind;
import dev.firebell.alarm.AlarmReason;
import dev.firebell.incident.Incident;
import dev.firebell.routing.Severity;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The numbers people track per incident, computed one way for drafts, CloudWatch metrics and reports.
 *
 * <ul>
 *   <li><b>time to detect</b>: from the earliest evidence of the problem in the alarm's own reason (the first
 *       breaching datapoint of a metric alarm, the child alarm that tipped a composite) to the alarm firing.
 *       Null where the data does not say (a declared incident, a reason in an unknown format).</li>
 *   <li><b>time to acknowledge</b>: from Firebell opening (and paging) the incident to the first acknowledgement.
 *       Null if nobody acknowledged it.</li>
 *   <li><b>time to resolve</b>: from the alarm firing (or the declaration) to the final resolve, reopens
 *       included. Null while open.</li>
 *   <li><b>pages sent</b>: pages SNS accepted; <b>escalation levels</b>: the highest level reached (0 = none).</li>
 * </ul>
 *
 * @param severity the incident's severity when it was resolved (what the team settled on)
 * @param autoResolved whether the alarm returning to OK resolved it, rather than a person
 */
public record IncidentMetrics(
        String incidentId,
        String service,
        Severity severity,
        String alarmName,
        String dedupKey,
        Instant openedAt,
        Instant resolvedAt,
        Duration timeToDetect,
        Duration timeToAcknowledge,
        Duration timeToResolve,
        int pagesSent,
        int escalationLevels,
        boolean autoResolved,
        int reopenCount) {

    /** Evidence older than this before the alarm fired is not taken as the start of the same problem. */
    static final Duration MAX_EVIDENCE_AGE = Duration.ofDays(1);

    public IncidentMetrics {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(openedAt, "openedAt");
    }

    /**
     * From the incident and its timeline. With an empty timeline (a report over incident records only) the
     * acknowledgement on record is used and pages and escalations count as 0.
     */
    public static IncidentMetrics of(Incident incident, List<TimelineEntry> timeline) {
        Instant start = start(incident);
        Duration detect = impactEvidence(incident).map(e -> Duration.between(e, start)).orElse(null);
        Instant firstAck = null;
        int pages = 0;
        int escalatedEntries = 0;
        int highestLevel = 0;
        for (TimelineEntry e : timeline) {
            if (e.type() == TimelineEntryType.ACKNOWLEDGED && firstAck == null) {
                firstAck = e.at();
            } else if (e.type() == TimelineEntryType.PAGED) {
                pages++;
            } else if (e.type() == TimelineEntryType.ESCALATED) {
                escalatedEntries++;
                highestLevel = Math.max(highestLevel, level(e));
            }
        }
        if (timeline.isEmpty()) {
            firstAck = incident.acknowledgedAt();
        }
        Duration acknowledge = firstAck == null ? null : nonNegative(Duration.between(incident.openedAt(), firstAck));
        Duration resolve = incident.resolvedAt() == null ? null : incident.duration(incident.resolvedAt());
        return new IncidentMetrics(incident.id(), incident.service(), incident.severity(), incident.alarmName(),
                incident.dedupKey(), incident.openedAt(), incident.resolvedAt(), detect, acknowledge, resolve, pages,
                highestLevel > 0 ? highestLevel : escalatedEntries,
                "alarm".equals(incident.resolvedBy()), incident.reopenCount());
    }

    /** When the incident started: the alarm's state change, or the declaration. */
    public static Instant start(Incident incident) {
        return incident.triggeredAt() != null ? incident.triggeredAt() : incident.openedAt();
    }

    /** The earliest evidence of the problem the alarm's reason gives, if any and if plausible. */
    public static Optional<Instant> impactEvidence(Incident incident) {
        if (!incident.fromAlarm() || incident.triggeredAt() == null) {
            return Optional.empty();
        }
        Optional<Instant> evidence = incident.alarmKind() == AlarmKind.COMPOSITE
                ? AlarmReason.compositeTrigger(incident.reason()).map(AlarmReason.ChildTransition::at)
                : AlarmReason.firstBreachingDatapoint(incident.reason());
        Instant fired = incident.triggeredAt();
        return evidence.filter(e -> !e.isAfter(fired) && !e.isBefore(fired.minus(MAX_EVIDENCE_AGE)));
    }

    /** An ESCALATED entry names its level in {@code details.level}; without it, each entry is one level. */
    private static int level(TimelineEntry e) {
        String level = e.details().get("level");
        if (level == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(level.trim()));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
