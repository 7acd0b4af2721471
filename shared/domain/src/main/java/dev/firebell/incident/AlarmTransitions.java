package dev.firebell.incident;

import dev.firebell.alarm.AlarmState;
import dev.firebell.alarm.AlarmStateChange;
import dev.firebell.escalation.EscalationState;
import dev.firebell.escalation.EscalationStatus;
import dev.firebell.paging.Page;
import dev.firebell.paging.PagePlan;
import dev.firebell.paging.PageTargetResolver;
import dev.firebell.paging.PlanNote;
import dev.firebell.paging.PlannedPage;
import dev.firebell.routing.RoutingDecision;
import dev.firebell.service.InsufficientDataPolicy;
import dev.firebell.service.ServicePolicy;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The incident rules, as a pure function of what is stored and what just arrived. All timing
 * decisions use CloudWatch's state timestamps, never arrival order, because every delivery path
 * is at-least-once and may reorder.
 */
public final class AlarmTransitions {

    private final PageTargetResolver targets;
    private final Duration pageLease;

    public AlarmTransitions(PageTargetResolver targets, Duration pageLease) {
        this.targets = targets;
        this.pageLease = pageLease;
    }

    /** Everything a decision may need besides the stored state. */
    public record Context(RoutingDecision route, ServicePolicy policy, Instant now, Supplier<String> newIncidentId,
                          String claimToken) {
    }

    public Transition decide(AlarmStateChange alarm, AlarmTrack track, Optional<Incident> current, Context ctx) {
        return decide(alarm, track, current, Optional.empty(), ctx);
    }

    /** As above, with the escalation of {@code current}, which a flap that reopens the incident carries on. */
    public Transition decide(AlarmStateChange alarm, AlarmTrack track, Optional<Incident> current,
                             Optional<EscalationState> escalation, Context ctx) {
        AlarmState state = alarm.state();
        if (state == AlarmState.INSUFFICIENT_DATA) {
            InsufficientDataPolicy policy = ctx.policy().insufficientData();
            if (policy == InsufficientDataPolicy.ALARM) {
                return onAlarm(alarm, track, current, escalation, ctx);
            }
            if (policy == InsufficientDataPolicy.NOTE && track.open() && current.isPresent()) {
                return new Transition.Note(track, current.get().id(), null, entry(current.get().id(), ctx.now(),
                        TimelineEntryType.INSUFFICIENT_DATA, alarm,
                        alarm.alarmName() + " has insufficient data: " + nullToEmpty(alarm.reason())));
            }
            return new Transition.Ignore(track, "INSUFFICIENT_DATA is " + policy + " for service " + ctx.policy().name());
        }
        if (state == AlarmState.ALARM) {
            return onAlarm(alarm, track, current, escalation, ctx);
        }
        return onOk(alarm, track, current, ctx);
    }

    private Transition onAlarm(AlarmStateChange alarm, AlarmTrack track, Optional<Incident> current,
                               Optional<EscalationState> escalation, Context ctx) {
        Instant at = alarm.stateTimestamp();
        Instant lastAlarm = later(track.lastAlarmAt(), at);
        if (current.isPresent() && current.get().isOpen()) {
            Incident incident = current.get();
            AlarmTrack next = new AlarmTrack(track.dedupKey(), incident.id(), true, null, false, lastAlarm,
                    track.lastOkAt(), track.version());
            return new Transition.Fold(next, incident.id(), at, ctx.now(), entry(incident.id(), ctx.now(),
                    TimelineEntryType.DUPLICATE_SUPPRESSED, alarm,
                    alarm.alarmName() + " in " + alarm.state() + " again (delivery " + (incident.alarmCount() + 1)
                            + "); folded into this incident, nobody paged"));
        }
        if (current.isPresent() && track.resolvedAt() != null) {
            Incident resolved = current.get();
            if (!at.isAfter(track.resolvedAt())) {
                // An ALARM older than the OK that closed the incident: late delivery of the past.
                return new Transition.Note(track, resolved.id(), null, entry(resolved.id(), ctx.now(),
                        TimelineEntryType.OUT_OF_ORDER_IGNORED, alarm,
                        "ALARM from " + at + " arrived after the OK from " + track.resolvedAt()
                                + " that resolved this incident; ignored"));
            }
            Duration window = ctx.policy().reopenWindow();
            if (track.autoResolved() && !window.isZero() && !at.isAfter(track.resolvedAt().plus(window))) {
                IncidentStatus restored = resolved.statusBeforeResolve() != null
                        ? resolved.statusBeforeResolve() : IncidentStatus.TRIGGERED;
                AlarmTrack next = new AlarmTrack(track.dedupKey(), resolved.id(), true, null, false, lastAlarm,
                        track.lastOkAt(), track.version());
                return new Transition.Reopen(next, resolved.withStatus(restored), at, ctx.now(),
                        entry(resolved.id(), ctx.now(), TimelineEntryType.REOPENED, alarm,
                                alarm.alarmName() + " returned to ALARM " + minutes(Duration.between(track.resolvedAt(), at))
                                        + " after it resolved (reopen window " + minutes(window)
                                        + "); reopened as " + restored + " instead of paging again"
                                        + (escalation.isPresent() && restored == IncidentStatus.TRIGGERED
                                        && escalation.get().status() != EscalationStatus.EXHAUSTED
                                        ? "; escalation carries on if nobody acknowledges" : "")),
                        escalation.map(e -> e.reopened(ctx.now(), restored)).orElse(null));
            }
        }
        return open(alarm, track, ctx);
    }

    private Transition open(AlarmStateChange alarm, AlarmTrack track, Context ctx) {
        String id = ctx.newIncidentId().get();
        Instant now = ctx.now();
        Instant at = alarm.stateTimestamp();
        // A newer OK already arrived: the outage is over before we heard of it. Record it, wake nobody.
        boolean alreadyRecovered = track.lastOkAt() != null && at.isBefore(track.lastOkAt());
        IncidentStatus status = alreadyRecovered ? IncidentStatus.RESOLVED : IncidentStatus.TRIGGERED;
        Incident incident = Incident.builder()
                .id(id).title(alarm.alarmName()).service(ctx.route().service()).severity(ctx.route().severity())
                .status(status).dedupKey(track.dedupKey())
                .alarmArn(alarm.alarmArn()).alarmName(alarm.alarmName()).accountId(alarm.accountId())
                .region(alarm.region()).alarmKind(alarm.kind()).description(alarm.description()).reason(alarm.reason())
                .metrics(alarm.metrics()).triggeredAt(at).openedAt(now).lastSeenAt(now).alarmCount(1)
                .resolvedAt(alreadyRecovered ? track.lastOkAt() : null).resolvedBy(alreadyRecovered ? "alarm" : null)
                .statusBeforeResolve(alreadyRecovered ? IncidentStatus.TRIGGERED : null)
                .build();

        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(entry(id, now, TimelineEntryType.OPENED, alarm, alarm.alarmName() + " entered ALARM: "
                + nullToEmpty(alarm.reason()) + " (service " + incident.service() + ", " + incident.severity()
                + ", routed by " + ctx.route().reason() + ")"));
        for (String note : ctx.route().notes()) {
            entries.add(entry(id, now, TimelineEntryType.ROUTING_NOTE, alarm, note));
        }
        List<Page> pages = new ArrayList<>();
        EscalationState escalation = null;
        if (alreadyRecovered) {
            entries.add(entry(id, now, TimelineEntryType.RESOLVED, alarm, "resolved on arrival: the alarm's OK from "
                    + track.lastOkAt() + " had already been received; nobody paged"));
        } else {
            PagePlan plan = targets.firstPages(incident, ctx.policy(), now);
            for (PlanNote note : plan.notes()) {
                entries.add(note.toEntry(id, now, TimelineEntry.SYSTEM_ACTOR));
            }
            int sequence = 1;
            for (PlannedPage page : plan.pages()) {
                pages.add(page.toPage(id, sequence++, now, now.plus(pageLease), ctx.claimToken()));
            }
            escalation = plan.escalation();
        }
        AlarmTrack next = new AlarmTrack(track.dedupKey(), id, !alreadyRecovered,
                alreadyRecovered ? track.lastOkAt() : null, alreadyRecovered, at, track.lastOkAt(), track.version());
        return new Transition.Open(next, incident, entries, pages, escalation);
    }

    private Transition onOk(AlarmStateChange alarm, AlarmTrack track, Optional<Incident> current, Context ctx) {
        Instant at = alarm.stateTimestamp();
        Instant lastOk = later(track.lastOkAt(), at);
        if (current.isEmpty() || !current.get().isOpen()) {
            if (track.lastOkAt() != null && !at.isAfter(track.lastOkAt())) {
                return new Transition.Ignore(track, "OK from " + at + " is not newer than the last OK seen");
            }
            return new Transition.RememberOk(withLastOk(track, lastOk), at);
        }
        Incident incident = current.get();
        if (track.lastAlarmAt() != null && at.isBefore(track.lastAlarmAt())) {
            return new Transition.Note(withLastOk(track, lastOk), incident.id(), at, entry(incident.id(), ctx.now(),
                    TimelineEntryType.OUT_OF_ORDER_IGNORED, alarm, "OK from " + at + " is older than the ALARM from "
                            + track.lastAlarmAt() + "; the incident stays open"));
        }
        if (!ctx.policy().autoResolve()) {
            return new Transition.Note(withLastOk(track, lastOk), incident.id(), at, entry(incident.id(), ctx.now(),
                    TimelineEntryType.NOTE, alarm, alarm.alarmName() + " returned to OK; service "
                            + ctx.policy().name() + " does not auto-resolve, so the incident stays open"));
        }
        AlarmTrack next = new AlarmTrack(track.dedupKey(), incident.id(), false, at, true, track.lastAlarmAt(),
                lastOk, track.version());
        return new Transition.Resolve(next, incident, at, ctx.now(), entry(incident.id(), ctx.now(),
                TimelineEntryType.RESOLVED, alarm, alarm.alarmName() + " returned to OK: " + nullToEmpty(alarm.reason())
                        + "; resolved automatically"));
    }

    private static AlarmTrack withLastOk(AlarmTrack t, Instant lastOk) {
        return new AlarmTrack(t.dedupKey(), t.incidentId(), t.open(), t.resolvedAt(), t.autoResolved(),
                t.lastAlarmAt(), lastOk, t.version());
    }

    private static TimelineEntry entry(String incidentId, Instant now, TimelineEntryType type, AlarmStateChange alarm,
                                       String summary) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("alarmArn", alarm.alarmArn());
        details.put("state", alarm.state().name());
        details.put("stateTimestamp", alarm.stateTimestamp().toString());
        details.put("deliveredBy", alarm.deliveredBy().name());
        if (!alarm.triggeringAlarms().isEmpty()) {
            // A composite's children are what a postmortem needs to explain it; the incident keeps only the parent.
            details.put("triggeringAlarms", String.join(",", alarm.triggeringAlarms()));
        }
        return new TimelineEntry(incidentId, now, type, "alarm:" + alarm.alarmName(), summary, details);
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b.isAfter(a) ? b : a;
    }

    private static String minutes(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + " s" : (s / 60) + " min";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
