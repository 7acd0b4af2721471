package dev.firebell.heartbeat;

import java.util.Optional;

/** What a ping says, by the path after the token: nothing, {@code /start} or {@code /fail}. */
public enum PingKind {
    /** The job ran (or is alive). */
    SUCCESS(""),
    /** A run begins; it must finish (a success ping) within the grace. */
    START("/start"),
    /** The job failed: an incident at once. */
    FAIL("/fail");

    private final String suffix;

    PingKind(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    /** The kind named by what follows the token in the path; empty for anything else. */
    public static Optional<PingKind> ofSuffix(String suffix) {
        for (PingKind k : values()) {
            if (k.suffix.equals(suffix)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
