package dev.firebell.timeline;

/** Every kind of thing that happens to an incident; each change writes exactly one typed entry. */
public enum TimelineEntryType {
    OPENED,
    DUPLICATE_SUPPRESSED,
    PAGED,
    PAGE_FAILED,
    PAGE_CANCELLED,
    ACKNOWLEDGED,
    UNACKNOWLEDGED,
    ESCALATED,
    ESCALATION_EXHAUSTED,
    RESOLVED,
    REOPENED,
    OUT_OF_ORDER_IGNORED,
    INSUFFICIENT_DATA,
    ROUTING_NOTE,
    SEVERITY_CHANGED,
    ROLE_ASSIGNED,
    NOTE
}
