package dev.firebell.routing;

import java.util.List;

/**
 * Where an alarm was routed and why; {@code notes} explain anything surprising (a hint that named an
 * unknown service, say) and end up on the incident's timeline.
 */
public record RoutingDecision(String service, Severity severity, String reason, List<String> notes) {
    public RoutingDecision {
        notes = List.copyOf(notes);
    }
}
