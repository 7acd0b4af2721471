package dev.firebell.incident;

/** triggered -> acknowledged -> resolved, with reopen going back to where it was. */
public enum IncidentStatus {
    TRIGGERED,
    ACKNOWLEDGED,
    RESOLVED;

    public boolean isOpen() {
        return this != RESOLVED;
    }
}
