package dev.firebell.paging;

import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Instant;
import java.util.Map;

/** What a paging decision says on the incident's timeline: who was on call, who waits for daytime, why nobody was paged. */
public record PlanNote(TimelineEntryType type, String summary, Map<String, String> details) {

    public PlanNote {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public TimelineEntry toEntry(String incidentId, Instant at, String actor) {
        return new TimelineEntry(incidentId, at, type, actor, summary, details);
    }
}
