package dev.firebell.escalation;

import dev.firebell.incident.Incident;
import dev.firebell.paging.Page;
import dev.firebell.timeline.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: escalations stored beside their incidents, with an index of the ones due. */
public interface EscalationStore {

    /** The incident's escalation, read strongly consistent; empty if nothing escalates for it. */
    Optional<EscalationState> escalation(String incidentId);

    /** Active escalations due at or before {@code now}, oldest first (an index query, never a scan). */
    List<EscalationState> dueEscalations(Instant now, int limit);

    /** When the earliest active escalation is due, if any. */
    Optional<Instant> earliestEscalationDue();

    /**
     * Writes one escalation step atomically: the new state (guarded by the version it was read at), its pages
     * and timeline entries, and either the changed incident (guarded by its version) or, when
     * {@code requireTriggered}, a check that the incident is still triggered, so that no page is ever queued
     * for an incident someone acknowledged or resolved in the meantime.
     *
     * @throws dev.firebell.incident.ConcurrentChangeException the escalation or the incident changed; nothing written
     */
    void save(EscalationState state, List<Page> pages, List<TimelineEntry> entries, Incident changedIncident,
              boolean requireTriggered);
}
