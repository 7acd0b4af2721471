package dev.firebell.incident;

/** The same alarm state change was delivered again; the first delivery's effects stand. */
public class EventAlreadyProcessedException extends RuntimeException {
    private final String incidentId;

    public EventAlreadyProcessedException(String eventKey, String incidentId) {
        super("event " + eventKey + " was already processed" + (incidentId != null ? " (incident " + incidentId + ")" : ""));
        this.incidentId = incidentId;
    }

    /** The incident the first delivery touched, if any. */
    public String incidentId() {
        return incidentId;
    }
}
