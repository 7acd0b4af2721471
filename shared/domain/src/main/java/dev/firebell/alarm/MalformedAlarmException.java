package dev.firebell.alarm;

/**
 * An alarm payload that cannot be understood. The message names the field and the problem, so that
 * the event landing in the function's on-failure destination explains itself.
 */
public class MalformedAlarmException extends RuntimeException {
    public MalformedAlarmException(String message) {
        super(message);
    }

    public MalformedAlarmException(String message, Throwable cause) {
        super(message, cause);
    }
}
