package dev.firebell.incident;

import dev.firebell.escalation.EscalationState;
import dev.firebell.paging.Page;
import dev.firebell.timeline.TimelineEntry;
import java.time.Instant;
import java.util.List;

/**
 * What one alarm state change does to the stored state, decided by {@link AlarmTransitions} and
 * written atomically by the {@link IncidentStore} together with the event's idempotency record.
 * Every transition carries the {@link AlarmTrack} version it was decided from, so a concurrent
 * change makes the write fail and the decision is taken again.
 */
public sealed interface Transition {

    AlarmTrack track();

    /**
     * Calls the visitor's method for this kind. Every consumer (the outcome of an alarm, each store's writes) is a
     * {@link Visitor}, so a new kind does not compile until every consumer says what it means.
     */
    <R> R accept(Visitor<R> visitor);

    /** One method per kind of transition. */
    interface Visitor<R> {
        R open(Open open);

        R join(Join join);

        R memberOk(MemberOk ok);

        R fold(Fold fold);

        R resolve(Resolve resolve);

        R reopen(Reopen reopen);

        R note(Note note);

        R rememberOk(RememberOk ok);

        R ignore(Ignore ignore);
    }

    /**
     * A grouped incident this alarm stops counting toward (its {@link AlarmGroup#inAlarm} goes down by one in the
     * same transaction), because the alarm's track moves on to another incident while still counted in ALARM on
     * the old one; null almost always.
     */
    default String releases() {
        return null;
    }

    /**
     * Opens a new incident (already resolved when a newer OK had arrived first), queues its pages and
     * stores its escalation (null when nothing escalates). With grouping, {@code group} is the service's
     * pointer moved to the new incident, written guarded by the version it was read at (null without grouping).
     */
    record Open(AlarmTrack track, Incident incident, List<TimelineEntry> entries, List<Page> pages,
                EscalationState escalation, ServiceGroup group, String releases) implements Transition {
        public Open(AlarmTrack track, Incident incident, List<TimelineEntry> entries, List<Page> pages,
                    EscalationState escalation) {
            this(track, incident, entries, pages, escalation, null, null);
        }

        public Open(AlarmTrack track, Incident incident, List<TimelineEntry> entries, List<Page> pages) {
            this(track, incident, entries, pages, null);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.open(this);
        }
    }

    /**
     * An alarm joins the service's open grouped incident (ADR 0040), or a member comes back to ALARM in it: the
     * timeline says so, the alarm count goes up, nobody is paged.
     *
     * @param counted    whether it counts as in ALARM (false: its own OK had already arrived, it is recorded only)
     * @param newMember  whether it was not a member before (the member count goes up)
     * @param listedName its name, to add to the incident's bounded list of names; null when the list is full
     *                   or it is listed already
     */
    record Join(AlarmTrack track, String incidentId, Instant seenAt, TimelineEntry entry, boolean counted,
                boolean newMember, String listedName, String releases) implements Transition {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.join(this);
        }
    }

    /**
     * A member of a grouped incident returned to OK while others are still in ALARM (or the service does not
     * auto-resolve, or a person resolved the incident already): its count of alarms in ALARM goes down by one.
     *
     * @param atLeast what the count must still be when written, for the decision to hold: 2 when another alarm was
     *                still in ALARM (two members returning at once cannot both count on the other: one write fails
     *                and is decided again as the last), 1 for the last one of a service that does not auto-resolve,
     *                0 when the count decides nothing (a person resolved the incident). Members that are not the
     *                last do not conflict with each other
     */
    record MemberOk(AlarmTrack track, String incidentId, int atLeast, TimelineEntry entry) implements Transition {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.memberOk(this);
        }
    }

    /** Folds a repeat ALARM into the open incident: count and last-seen go up, nobody is paged. */
    record Fold(AlarmTrack track, String incidentId, Instant alarmAt, Instant seenAt, TimelineEntry entry) implements Transition {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.fold(this);
        }
    }

    /** The alarm returned to OK (of a grouped incident: its last alarm in ALARM) and the service auto-resolves. */
    record Resolve(AlarmTrack track, Incident incident, Instant okAt, Instant resolvedAt, TimelineEntry entry) implements Transition {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.resolve(this);
        }
    }

    /**
     * A flap: ALARM again soon after an automatic resolve reopens that incident; its escalation (if any)
     * carries on from where it was.
     */
    record Reopen(AlarmTrack track, Incident incident, Instant alarmAt, Instant seenAt, TimelineEntry entry,
                  EscalationState escalation) implements Transition {
        public Reopen(AlarmTrack track, Incident incident, Instant alarmAt, Instant seenAt, TimelineEntry entry) {
            this(track, incident, alarmAt, seenAt, entry, null);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.reopen(this);
        }
    }

    /** Only a timeline note (stale OK, INSUFFICIENT_DATA noted); the OK time is remembered if newer. */
    record Note(AlarmTrack track, String incidentId, Instant okAt, TimelineEntry entry) implements Transition {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.note(this);
        }
    }

    /** An OK with no open incident: remembered, so a late ALARM it follows is not paged as new. */
    record RememberOk(AlarmTrack track, Instant okAt) implements Transition {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.rememberOk(this);
        }
    }

    /**
     * Nothing to write: a store writes nothing for it, not even the event record, so the same event delivered again
     * is decided afresh (the stored state may have changed meanwhile).
     */
    record Ignore(AlarmTrack track, String reason) implements Transition {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.ignore(this);
        }
    }
}
