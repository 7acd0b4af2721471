package dev.firebell.incident;

/** What a decision was based on changed before it could be written; decide again. */
public class ConcurrentChangeException extends RuntimeException {
    public ConcurrentChangeException(String message) {
        super(message);
    }

    public ConcurrentChangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
