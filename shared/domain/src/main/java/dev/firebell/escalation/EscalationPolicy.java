package dev.firebell.escalation;

import java.util.List;
import java.util.Objects;

/**
 * Ordered levels, run through once and then {@code repeat} more times while nobody acknowledges; after
 * the last level of the last pass has had its time, escalation is exhausted and the fallback targets are
 * notified once.
 */
public record EscalationPolicy(String name, String description, List<EscalationLevel> levels, int repeat,
                               List<EscalationTarget> fallback) {

    public static final int MAX_REPEAT = 9;
    public static final int MAX_LEVELS = 20;

    public EscalationPolicy {
        Objects.requireNonNull(name, "name");
        levels = List.copyOf(levels);
        fallback = fallback == null ? List.of() : List.copyOf(fallback);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("escalation policy " + name + " has no levels");
        }
    }

    /** Steps in all passes: step {@code s} pages level {@code s % levels} in pass {@code s / levels}. */
    public int totalSteps() {
        return levels.size() * (repeat + 1);
    }

    public EscalationLevel levelOfStep(int step) {
        return levels.get(step % levels.size());
    }

    /** "level 2 of 3, pass 1 of 2" for people reading a timeline. */
    public String describeStep(int step) {
        String level = "level " + (step % levels.size() + 1) + " of " + levels.size();
        return repeat == 0 ? level : level + ", pass " + (step / levels.size() + 1) + " of " + (repeat + 1);
    }
}
