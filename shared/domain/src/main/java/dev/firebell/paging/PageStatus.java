package dev.firebell.paging;

/** A page is written PENDING with its incident (the outbox) and leaves that state exactly once. */
public enum PageStatus {
    PENDING,
    SENT,
    /** Not needed any more: the incident was acknowledged or resolved before the page went out. */
    CANCELLED
}
