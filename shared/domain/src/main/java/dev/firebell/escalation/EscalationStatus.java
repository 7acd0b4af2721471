package dev.firebell.escalation;

/** Where one incident's escalation stands. Only ACTIVE escalations are in the due index. */
public enum EscalationStatus {
    /** Waiting for its next step at {@code nextAt}. */
    ACTIVE,
    /** The incident is acknowledged; un-acknowledging resumes it. */
    PAUSED,
    /** Every level of every pass was paged and nobody acknowledged; the fallback was notified. */
    EXHAUSTED,
    /** The incident was resolved, or its policy was removed. */
    STOPPED
}
