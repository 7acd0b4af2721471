package dev.firebell.paging;

import dev.firebell.escalation.EscalationState;
import java.util.List;

/**
 * Who is paged about a new incident, when, and what the timeline says about it; plus the escalation to
 * store with the incident (null when nothing escalates).
 */
public record PagePlan(List<PlannedPage> pages, List<PlanNote> notes, EscalationState escalation) {

    public PagePlan {
        pages = List.copyOf(pages);
        notes = List.copyOf(notes);
    }
}
