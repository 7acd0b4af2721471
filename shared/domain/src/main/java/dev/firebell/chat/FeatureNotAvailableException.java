package dev.firebell.chat;

/**
 * A command needs a feature this deployment does not have yet (on-call schedules, postmortems). The message says
 * so in words for the person who typed it; nothing was changed.
 */
public class FeatureNotAvailableException extends RuntimeException {
    public FeatureNotAvailableException(String message) {
        super(message);
    }
}
