package dev.firebell.incident;

/** An incident id that names no incident. */
public class NoSuchIncidentException extends RuntimeException {
    public NoSuchIncidentException(String id) {
        super("there is no incident #" + id);
    }
}
