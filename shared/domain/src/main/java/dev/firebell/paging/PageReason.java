package dev.firebell.paging;

/** Why a page is sent; its {@link #eventType()} is the SNS {@code event_type} attribute. */
public enum PageReason {
    TRIGGERED("incident.triggered"),
    ESCALATED("incident.escalated");

    private final String eventType;

    PageReason(String eventType) {
        this.eventType = eventType;
    }

    public String eventType() {
        return eventType;
    }
}
