package dev.firebell.incident;

import dev.firebell.escalation.EscalationState;
import dev.firebell.paging.Page;
import dev.firebell.timeline.TimelineEntry;
import java.util.List;
import java.util.Optional;

/** Port: durable incidents. Reads used for decisions are strongly consistent. */
public interface IncidentStore {

    /** The track of a dedup key, or {@link AlarmTrack#none} if the key was never seen. */
    AlarmTrack track(String dedupKey);

    Optional<Incident> incident(String incidentId);

    /**
     * The service's current group (ADR 0040), strongly consistent, or {@link ServiceGroup#none} if the service never
     * grouped.
     */
    default ServiceGroup serviceGroup(String service) {
        return ServiceGroup.none(service);
    }

    /**
     * The id a new incident would get: the number after the last incident created (strongly consistent), "1" for the
     * first (see {@link IncidentNumbers}). Asking takes nothing: the number is taken only by the write that creates
     * the incident ({@link #apply} of a {@link Transition.Open}, {@link #update} of an incident at version 0), and
     * only if no other incident took it first; otherwise that write fails with {@link ConcurrentChangeException}
     * and the caller asks again. So numbers never repeat and have no gaps: every number up to the last belongs to
     * an incident that exists.
     */
    String nextIncidentId();

    /**
     * Writes a transition atomically together with the record that {@code eventKey} was processed. An
     * {@link Transition.Open} also takes its incident's number; a {@link Transition.Ignore} writes nothing at all.
     *
     * @throws EventAlreadyProcessedException the event was processed before (a redelivery); nothing written
     * @throws ConcurrentChangeException      the track or incident changed since it was read, or another incident
     *                                        took the number; nothing written
     */
    void apply(Transition transition, String eventKey);

    /**
     * Writes a whole incident changed by a person (or created, when its version is 0, taking its number) with its
     * timeline entries and any new pages, and the dedup track when given, all guarded by the versions read.
     *
     * @throws ConcurrentChangeException the incident or track changed since it was read, or (when created) another
     *                                   incident took its number; nothing written
     */
    void update(Incident changed, List<TimelineEntry> entries, List<Page> pages, AlarmTrack track);

    /**
     * {@link #update(Incident, List, List, AlarmTrack)} together with the incident's escalation, written in the
     * same transaction guarded by the version it was read at (created when its version is 0).
     */
    default void update(Incident changed, List<TimelineEntry> entries, List<Page> pages, AlarmTrack track,
                        EscalationState escalation) {
        if (escalation != null) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " does not store escalations");
        }
        update(changed, entries, pages, track);
    }

    /** The incident's escalation, strongly consistent; empty when nothing escalates for it. */
    default Optional<EscalationState> escalation(String incidentId) {
        return Optional.empty();
    }

    /** The incident's timeline, oldest first. */
    List<TimelineEntry> timeline(String incidentId);

    /** The incident's pages, in sequence order. */
    List<Page> pages(String incidentId);

    /** The incident of the most recent page sent to this target (a person or team id), if any. */
    Optional<String> lastPagedIncident(String target);

    /** Open incidents, oldest first (from an index, never a scan). */
    List<Incident> openIncidents();

    /**
     * Everything about one incident a person reads at once; empty when there is no such incident. By default the reads
     * above one after another; a store that keeps them together reads them together.
     */
    default Optional<IncidentDetail> detail(String incidentId) {
        return incident(incidentId).map(i -> new IncidentDetail(i, timeline(incidentId), pages(incidentId),
                escalation(incidentId).orElse(null)));
    }

    /**
     * A page of the incidents the query asks for, newest first (from the indexes, never a scan), ending where the
     * next page starts.
     *
     * @throws InvalidCursorException the query's position does not belong to this list
     */
    default IncidentPage incidents(IncidentQuery query) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not list incidents");
    }
}
