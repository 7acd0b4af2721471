package dev.firebell.incident;

/** A list position ({@link IncidentCursor}) that no list gave, or that lies outside the period asked for. */
public final class InvalidCursorException extends IllegalArgumentException {

    public InvalidCursorException(String message) {
        super(message);
    }
}
