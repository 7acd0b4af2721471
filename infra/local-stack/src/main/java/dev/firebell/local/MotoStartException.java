package dev.firebell.local;

/** moto could not be started: Python or moto is missing, it crashed, or it did not answer in time. */
public class MotoStartException extends RuntimeException {

    public MotoStartException(String message) {
        super(message);
    }

    public MotoStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
