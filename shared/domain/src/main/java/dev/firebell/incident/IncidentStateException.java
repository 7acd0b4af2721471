package dev.firebell.incident;

/** A change the incident's current state does not allow (acknowledging a resolved incident, say). */
public class IncidentStateException extends RuntimeException {
    public IncidentStateException(String message) {
        super(message);
    }
}
