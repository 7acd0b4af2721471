package dev.firebell.incident;

import dev.firebell.account.Origin;
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

    /**
     * Everything a decision may need besides the stored state.
     *
     * @param origin where the alarm comes from when that is not Firebell's own account and region (null at home): the
     *               entries that bring an alarm into an incident say so
     */
    public record Context(RoutingDecision route, ServicePolicy policy, Instant now, Supplier<String> newIncidentId,
                          String claimToken, Origin origin) {

        /** An alarm from Firebell's own account and region. */
        public Context(RoutingDecision route, ServicePolicy policy, Instant now, Supplier<String> newIncidentId,
                       String claimToken) {
            this(route, policy, now, newIncidentId, claimToken, null);
        }

        /** {@code "; from account shop-prod (111122223333), us-east-1"}, or nothing at home. */
        String fromWhere() {
            return origin == null ? "" : "; from " + origin.describe();
        }
    }

    /**
     * The service's current group as read for a decision: its pointer and the incident it points at (empty when
     * it points nowhere or the incident is gone).
     */
    public record CurrentGroup(ServiceGroup pointer, Optional<Incident> incident) {
        public static CurrentGroup none(String service) {
            return new CurrentGroup(ServiceGroup.none(service), Optional.empty());
        }
    }

    public Transition decide(AlarmStateChange alarm, AlarmTrack track, Optional<Incident> current, Context ctx) {
        return decide(alarm, track, current, Optional.empty(), ctx);
    }

    /** As above, with the escalation of {@code current}, which a flap that reopens the incident carries on. */
    public Transition decide(AlarmStateChange alarm, AlarmTrack track, Optional<Incident> current,
                             Optional<EscalationState> escalation, Context ctx) {
        return decide(alarm, track, current, escalation, () -> CurrentGroup.none(ctx.route().service()), ctx);
    }

    /**
     * As above, with the service's current group, which is read only when an ALARM would open a new incident
     * (a duplicate or an OK never needs it) and the service groups.
     */
    public Transition decide(AlarmStateChange alarm, AlarmTrack track, Optional<Incident> current,
                             Optional<EscalationState> escalation, Supplier<CurrentGroup> group, Context ctx) {
        AlarmState state = alarm.state();
        if (state == AlarmState.INSUFFICIENT_DATA) {
            InsufficientDataPolicy policy = ctx.policy().insufficientData();
            if (policy == InsufficientDataPolicy.ALARM) {
                return onAlarm(alarm, track, current, escalation, group, ctx);
            }
            if (policy == InsufficientDataPolicy.NOTE && track.open() && current.isPresent()) {
                return new Transition.Note(track, current.get().id(), null, entry(current.get().id(), ctx.now(),
                        TimelineEntryType.INSUFFICIENT_DATA, alarm,
                        alarm.alarmName() + " has insufficient data: " + nullToEmpty(alarm.reason())));
            }
            return new Transition.Ignore(track, "INSUFFICIENT_DATA is " + policy + " for service " + ctx.policy().name());
        }
        if (state == AlarmState.ALARM) {
            return onAlarm(alarm, track, current, escalation, group, ctx);
        }
        return onOk(alarm, track, current, ctx);
    }

    private Transition onAlarm(AlarmStateChange alarm, AlarmTrack track, Optional<Incident> current,
                               Optional<EscalationState> escalation, Supplier<CurrentGroup> group, Context ctx) {
        Instant at = alarm.stateTimestamp();
        Instant lastAlarm = later(track.lastAlarmAt(), at);
        if (current.isPresent() && current.get().isOpen()) {
            Incident incident = current.get();
            if (incident.isGrouped() && !track.open()) {
                return backInGroup(alarm, track, incident, lastAlarm, ctx);
            }
            AlarmTrack next = new AlarmTrack(track.dedupKey(), incident.id(), true, null, false, lastAlarm,
                    track.lastOkAt(), track.version());
            return new Transition.Fold(next, incident.id(), at, ctx.now(), entry(incident.id(), ctx.now(),
                    TimelineEntryType.DUPLICATE_SUPPRESSED, alarm,
                    alarm.alarmName() + " in " + alarm.state() + " again (delivery " + (incident.alarmCount() + 1)
                            + "); folded into this incident, nobody paged"));
        }
        if (current.isPresent() && track.resolvedAt() != null) {
            Incident resolved = current.get();
            // The newest OK seen, not only the one that resolved it: a flap that is already over (ALARM, then an
            // OK that arrived first) must not reopen the incident.
            Instant newestOk = track.lastOkAt() != null && track.lastOkAt().isAfter(track.resolvedAt())
                    ? track.lastOkAt() : track.resolvedAt();
            if (!at.isAfter(newestOk)) {
                // An ALARM older than the OK that closed the incident: late delivery of the past.
                return new Transition.Note(track, resolved.id(), null, entry(resolved.id(), ctx.now(),
                        TimelineEntryType.OUT_OF_ORDER_IGNORED, alarm,
                        "ALARM from " + at + " arrived after the OK from " + newestOk
                                + (newestOk.equals(track.resolvedAt()) ? " that resolved this incident" : "")
                                + "; ignored"));
            }
            Duration window = ctx.policy().reopenWindow();
            // A grouped incident's tracks stay as they were when a person resolves it: ask the incident who did.
            boolean byAlarm = track.autoResolved() && (!resolved.isGrouped() || resolved.resolvedByAlarm());
            if (byAlarm && !window.isZero() && !at.isAfter(track.resolvedAt().plus(window))) {
                IncidentStatus restored = resolved.statusBeforeResolve() != null
                        ? resolved.statusBeforeResolve() : IncidentStatus.TRIGGERED;
                AlarmTrack next = new AlarmTrack(track.dedupKey(), resolved.id(), true, null, false, lastAlarm,
                        track.lastOkAt(), track.version());
                boolean member = resolved.isGrouped() && !track.dedupKey().equals(resolved.dedupKey());
                return new Transition.Reopen(next, resolved.withStatus(restored), at, ctx.now(),
                        entry(resolved.id(), ctx.now(), TimelineEntryType.REOPENED, alarm,
                                alarm.alarmName() + " returned to ALARM " + minutes(Duration.between(track.resolvedAt(), at))
                                        + (member ? " after its OK" : " after it resolved") + " (reopen window " + minutes(window)
                                        + "); reopened as " + restored + " instead of paging again"
                                        + (escalation.isPresent() && restored == IncidentStatus.TRIGGERED
                                        && escalation.get().status() != EscalationStatus.EXHAUSTED
                                        ? "; escalation carries on if nobody acknowledges" : "")),
                        escalation.map(e -> e.reopened(ctx.now(), restored)).orElse(null));
            }
        }
        return openOrJoin(alarm, track, current, group, ctx);
    }

    /**
     * A member of an open grouped incident that had returned to OK (or was recorded already recovered) is in
     * ALARM again: it counts again, nobody is paged. An ALARM older than its own OK is old news.
     */
    private Transition backInGroup(AlarmStateChange alarm, AlarmTrack track, Incident incident, Instant lastAlarm,
                                   Context ctx) {
        Instant at = alarm.stateTimestamp();
        if (track.lastOkAt() != null && !at.isAfter(track.lastOkAt())) {
            return new Transition.Note(track, incident.id(), null, entry(incident.id(), ctx.now(),
                    TimelineEntryType.OUT_OF_ORDER_IGNORED, alarm, "ALARM from " + at + " is older than the OK from "
                            + track.lastOkAt() + " of " + alarm.alarmName() + "; it stays counted as OK in this incident"));
        }
        AlarmGroup g = incident.group();
        AlarmTrack next = new AlarmTrack(track.dedupKey(), incident.id(), true, null, false, lastAlarm,
                track.lastOkAt(), track.version());
        return new Transition.Join(next, incident.id(), ctx.now(), groupedEntry(incident.id(), ctx.now(), alarm,
                alarm.alarmName() + " is back in ALARM: " + nullToEmpty(alarm.reason()) + "; " + (g.inAlarm() + 1)
                        + " of " + g.members() + " grouped alarms in ALARM, nobody paged", "back in ALARM"),
                true, false, null, null);
    }

    /**
     * The ALARM needs an incident of its own. With grouping, the service's open incident whose first alarm fired
     * less than the window before this one takes it instead (ADR 0040); otherwise it opens one and, with
     * grouping, becomes the service's group.
     */
    private Transition openOrJoin(AlarmStateChange alarm, AlarmTrack track, Optional<Incident> current,
                                  Supplier<CurrentGroup> group, Context ctx) {
        // Its track still counts it in ALARM on an incident a person resolved: it stops counting there.
        String releases = current.isPresent() && current.get().isGrouped() && !current.get().isOpen() && track.open()
                ? current.get().id() : null;
        if (!ctx.policy().groups()) {
            return open(alarm, track, ctx, null, releases);
        }
        CurrentGroup g = group.get();
        Optional<Incident> target = g.incident().filter(i -> i.isOpen() && i.isGrouped());
        if (target.isPresent() && g.pointer().admits(alarm.stateTimestamp(), ctx.policy().groupingWindow())) {
            return join(alarm, track, target.get(), g.pointer(), releases, ctx);
        }
        return open(alarm, track, ctx, g.pointer(), releases);
    }

    private Transition join(AlarmStateChange alarm, AlarmTrack track, Incident incident, ServiceGroup pointer,
                            String releases, Context ctx) {
        Instant at = alarm.stateTimestamp();
        Instant lastAlarm = later(track.lastAlarmAt(), at);
        // Its OK from after this ALARM arrived first: recorded in the storm it belongs to, never counted in ALARM.
        boolean recovered = track.lastOkAt() != null && at.isBefore(track.lastOkAt());
        AlarmGroup g = incident.group();
        int members = g.members() + 1;
        int inAlarm = g.inAlarm() + (recovered ? 0 : 1);
        String opened = "opened by " + incident.alarmName() + " at " + pointer.startedAt() + ", grouping window "
                + minutes(ctx.policy().groupingWindow()) + " for service " + incident.service();
        String summary = recovered
                ? alarm.alarmName() + " was in ALARM from " + at + " to " + track.lastOkAt() + " (its OK arrived first);"
                        + " recorded in this incident (" + opened + "), not counted as in ALARM, nobody paged"
                : alarm.alarmName() + " entered ALARM: " + nullToEmpty(alarm.reason()) + "; joined this incident ("
                        + opened + "): " + inAlarm + " of " + members + " grouped alarms in ALARM, nobody paged";
        summary += ctx.fromWhere();
        AlarmTrack next = new AlarmTrack(track.dedupKey(), incident.id(), !recovered,
                recovered ? track.lastOkAt() : null, recovered, lastAlarm, track.lastOkAt(), track.version());
        return new Transition.Join(next, incident.id(), ctx.now(),
                groupedEntry(incident.id(), ctx.now(), alarm, summary, recovered ? "recorded recovered" : "joined"),
                !recovered, true, g.listsMoreNames() ? alarm.alarmName() : null, releases);
    }

    private Transition open(AlarmStateChange alarm, AlarmTrack track, Context ctx, ServiceGroup pointer,
                            String releases) {
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
                // An incident already over groups nothing; the service's group stays where it was.
                .group(pointer != null && !alreadyRecovered ? AlarmGroup.first(alarm.alarmName()) : null)
                .build();
        ServiceGroup moved = incident.isGrouped() ? pointer.movedTo(id, at) : null;

        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(entry(id, now, TimelineEntryType.OPENED, alarm, alarm.alarmName() + " entered ALARM: "
                + nullToEmpty(alarm.reason()) + " (service " + incident.service() + ", " + incident.severity()
                + ", routed by " + ctx.route().reason() + ctx.fromWhere() + ")" + (moved == null ? "" : "; other alarms of "
                + incident.service() + " that fire before " + at.plus(ctx.policy().groupingWindow())
                + " join this incident instead of paging")));
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
        return new Transition.Open(next, incident, entries, pages, escalation, moved, releases);
    }

    private Transition onOk(AlarmStateChange alarm, AlarmTrack track, Optional<Incident> current, Context ctx) {
        Instant at = alarm.stateTimestamp();
        Instant lastOk = later(track.lastOkAt(), at);
        if (current.isPresent() && current.get().isGrouped() && !current.get().isOpen() && track.open()
                && (track.lastAlarmAt() == null || !at.isBefore(track.lastAlarmAt()))) {
            // A person resolved the grouped incident while this alarm was in ALARM: it stops counting there, so
            // that the count is right if someone reopens it.
            Incident incident = current.get();
            return new Transition.MemberOk(new AlarmTrack(track.dedupKey(), incident.id(), false, at, true,
                    track.lastAlarmAt(), lastOk, track.version()), incident.id(), 0,
                    entry(incident.id(), ctx.now(), TimelineEntryType.GROUPED_OK, alarm, alarm.alarmName()
                            + " returned to OK after the incident was resolved"));
        }
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
        if (incident.isGrouped()) {
            return groupedOk(alarm, track, incident, lastOk, ctx);
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

    /**
     * OK for one alarm of an open grouped incident: each alarm's OK is its own; the incident resolves (if the
     * service auto-resolves) when the last of its alarms in ALARM returns to OK.
     */
    private Transition groupedOk(AlarmStateChange alarm, AlarmTrack track, Incident incident, Instant lastOk,
                                 Context ctx) {
        Instant at = alarm.stateTimestamp();
        if (!track.open()) {
            // Not counted in ALARM (its OK arrived already): only the newer OK time is worth remembering.
            if (track.lastOkAt() != null && !at.isAfter(track.lastOkAt())) {
                return new Transition.Ignore(track, "OK from " + at + " is not newer than the last OK seen");
            }
            return new Transition.RememberOk(withLastOk(track, lastOk), at);
        }
        AlarmGroup g = incident.group();
        AlarmTrack next = new AlarmTrack(track.dedupKey(), incident.id(), false, at, true, track.lastAlarmAt(),
                lastOk, track.version());
        int still = g.inAlarm() - 1;
        if (still > 0) {
            return new Transition.MemberOk(next, incident.id(), 2, entry(incident.id(), ctx.now(),
                    TimelineEntryType.GROUPED_OK, alarm, alarm.alarmName() + " returned to OK: "
                            + nullToEmpty(alarm.reason()) + "; " + still + " of " + g.members()
                            + " grouped alarms still in ALARM, the incident stays open"));
        }
        String all = g.members() > 1 ? "all " + g.members() + " grouped alarms are OK" : null;
        if (!ctx.policy().autoResolve()) {
            return new Transition.MemberOk(next, incident.id(), 1, entry(incident.id(), ctx.now(),
                    TimelineEntryType.NOTE, alarm, alarm.alarmName() + " returned to OK" + (all == null ? "" : "; " + all)
                            + "; service " + ctx.policy().name() + " does not auto-resolve, so the incident stays open"));
        }
        return new Transition.Resolve(next, incident, at, ctx.now(), entry(incident.id(), ctx.now(),
                TimelineEntryType.RESOLVED, alarm, alarm.alarmName() + " returned to OK: " + nullToEmpty(alarm.reason())
                        + (all == null ? "" : "; " + all) + "; resolved automatically"));
    }

    private static TimelineEntry groupedEntry(String incidentId, Instant now, AlarmStateChange alarm, String summary,
                                              String how) {
        TimelineEntry e = entry(incidentId, now, TimelineEntryType.GROUPED, alarm, summary);
        Map<String, String> details = new LinkedHashMap<>(e.details());
        details.put("grouping", how);
        return new TimelineEntry(e.incidentId(), e.at(), e.type(), e.actor(), e.summary(), details);
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
