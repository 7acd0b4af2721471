package dev.firebell.heartbeat;

/** What one ping did; every known token gets the same answer whatever it did, unknown ones a 404. */
public enum PingOutcome {
    /** No monitor has this token (or it is no longer declared). */
    UNKNOWN,
    /** Nothing to write: already recorded in this slice, or a start while down. */
    UNCHANGED,
    /** Written. */
    RECORDED,
    /** The monitor was down: its incident heard the OK (and resolves if its service auto-resolves). */
    RECOVERED,
    /** A failure: its incident opened (or the failure folded into it). */
    FAILURE_REPORTED
}
