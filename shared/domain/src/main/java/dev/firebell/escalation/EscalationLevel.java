package dev.firebell.escalation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One step of a policy: its targets are paged together, and if nobody acknowledges within
 * {@code escalateAfter} the next level is paged.
 */
public record EscalationLevel(Duration escalateAfter, List<EscalationTarget> targets) {

    public EscalationLevel {
        Objects.requireNonNull(escalateAfter, "escalateAfter");
        targets = List.copyOf(targets);
    }
}
