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
     * Opens a new incident (already resolved when a newer OK had arrived first), queues its pages and
     * stores its escalation (null when nothing escalates).
     */
    record Open(AlarmTrack track, Incident incident, List<TimelineEntry> entries, List<Page> pages,
                EscalationState escalation) implements Transition {
        public Open(AlarmTrack track, Incident incident, List<TimelineEntry> entries, List<Page> pages) {
            this(track, incident, entries, pages, null);
        }
    }

    /** Folds a repeat ALARM into the open incident: count and last-seen go up, nobody is paged. */
    record Fold(AlarmTrack track, String incidentId, Instant alarmAt, Instant seenAt, TimelineEntry entry) implements Transition {
    }

    /** The alarm returned to OK and the service auto-resolves. */
    record Resolve(AlarmTrack track, Incident incident, Instant okAt, Instant resolvedAt, TimelineEntry entry) implements Transition {
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
    }

    /** Only a timeline note (stale OK, INSUFFICIENT_DATA noted); the OK time is remembered if newer. */
    record Note(AlarmTrack track, String incidentId, Instant okAt, TimelineEntry entry) implements Transition {
    }

    /** An OK with no open incident: remembered, so a late ALARM it follows is not paged as new. */
    record RememberOk(AlarmTrack track, Instant okAt) implements Transition {
    }

    /** Nothing to write. */
    record Ignore(AlarmTrack track, String reason) implements Transition {
    }
}
