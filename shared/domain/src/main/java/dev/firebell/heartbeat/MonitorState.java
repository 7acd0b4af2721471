package dev.firebell.heartbeat;

/** Where a monitor stands; stored with its record. */
public enum MonitorState {
    /** Declared, never pinged: it does not expire until its first ping. */
    NEW,
    /** Pinged in time. */
    UP,
    /** A run announced with {@code /start} that has not finished yet. */
    RUNNING,
    /** Missed its interval and grace, reported a failure, or ran too long: its service has an incident. */
    DOWN
}
