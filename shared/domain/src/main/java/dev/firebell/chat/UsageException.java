package dev.firebell.chat;

/**
 * What someone typed cannot be run: the message says exactly what was wrong (in words for them), and
 * {@link #subcommand()} (when known) says how to write it. Nothing was changed.
 */
public class UsageException extends RuntimeException {

    private final transient Subcommand subcommand;

    public UsageException(String message, Subcommand subcommand) {
        super(message);
        this.subcommand = subcommand;
    }

    /** The subcommand whose syntax to show, or null (e.g. for an unknown subcommand). */
    public Subcommand subcommand() {
        return subcommand;
    }
}
