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
    NOTE,
    /** Who was on call and why they were paged; the fixed target used when a service has no policy. */
    ESCALATION_NOTE,
    /** A level's rotations and schedules had nobody on call; escalation moved on. */
    NOBODY_ON_CALL,
    /** A page waits for the person's daytime (quiet hours). */
    PAGE_DEFERRED,
    /** Nobody paged because the service is in a maintenance window. */
    MAINTENANCE,
    /** Another alarm of the service joined this incident (or a member came back to ALARM); nobody paged (ADR 0040). */
    GROUPED,
    /** A grouped alarm returned to OK while others are still in ALARM (ADR 0040). */
    GROUPED_OK
}
