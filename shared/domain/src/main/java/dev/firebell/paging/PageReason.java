package dev.firebell.paging;

/** Why a page is sent; its {@link #eventType()} is the SNS {@code event_type} attribute. */
public enum PageReason {
    TRIGGERED("incident.triggered"),
    ESCALATED("incident.escalated"),
    /** Nobody acknowledged through the whole escalation policy; the policy's fallback is told. */
    ESCALATION_EXHAUSTED("incident.escalation_exhausted");

    private final String eventType;

    PageReason(String eventType) {
        this.eventType = eventType;
    }

    public String eventType() {
        return eventType;
    }
}
