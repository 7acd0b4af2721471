package dev.firebell.incident;

import dev.firebell.escalation.EscalationState;
import dev.firebell.paging.Page;
import dev.firebell.timeline.TimelineEntry;
import java.util.List;
import java.util.Objects;

/**
 * Everything about one incident a person reads at once: the incident, its timeline (oldest first), its pages (in
 * sequence order) and its escalation.
 *
 * @param escalation null when nothing escalates for it
 */
public record IncidentDetail(Incident incident, List<TimelineEntry> timeline, List<Page> pages,
                             EscalationState escalation) {

    public IncidentDetail {
        Objects.requireNonNull(incident, "incident");
        timeline = List.copyOf(timeline);
        pages = List.copyOf(pages);
    }
}
