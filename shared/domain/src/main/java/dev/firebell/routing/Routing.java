package dev.firebell.routing;

import dev.firebell.alarm.AlarmStateChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Routes an alarm to a service and a severity. Precedence: a description hint (when enabled) beats
 * the first matching rule, which beats the default route. A hint that names no configured service,
 * or no valid severity, is ignored and the reason noted, never guessed at.
 */
public record Routing(List<RouteRule> rules, String defaultService, Severity defaultSeverity, boolean descriptionHints) {

    public static final String DEFAULT_SERVICE = "default";

    public Routing {
        rules = List.copyOf(rules);
        Objects.requireNonNull(defaultService, "defaultService");
        Objects.requireNonNull(defaultSeverity, "defaultSeverity");
    }

    public static Routing defaults() {
        return new Routing(List.of(), DEFAULT_SERVICE, Severity.SEV3, false);
    }

    public RoutingDecision route(AlarmStateChange alarm, Set<String> knownServices) {
        String service = defaultService;
        Severity severity = defaultSeverity;
        String reason = "default route";
        for (RouteRule rule : rules) {
            if (rule.match().matches(alarm)) {
                service = rule.service();
                severity = rule.severity();
                reason = "rule " + (rule.name() != null ? "'" + rule.name() + "'" : "#" + (rules.indexOf(rule) + 1));
                break;
            }
        }
        List<String> notes = new ArrayList<>();
        if (descriptionHints) {
            DescriptionHints hints = DescriptionHints.parse(alarm.description());
            Optional<String> hintedService = hints.service();
            if (hintedService.isPresent()) {
                if (knownServices.contains(hintedService.get())) {
                    service = hintedService.get();
                    reason = "description hint service=" + service;
                } else {
                    notes.add("description hint service=" + hintedService.get()
                            + " names no configured service; routed by " + reason + " instead");
                }
            }
            if (hints.severity().isPresent()) {
                try {
                    severity = Severity.parse(hints.severity().get());
                    reason = reason + ", description hint severity=" + severity;
                } catch (IllegalArgumentException e) {
                    notes.add("description hint ignored: " + e.getMessage());
                }
            }
        }
        return new RoutingDecision(service, severity, reason, notes);
    }
}
