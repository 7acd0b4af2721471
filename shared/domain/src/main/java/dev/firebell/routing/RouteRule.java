package dev.firebell.routing;

import java.util.Objects;

/** "Alarms like this belong to that service, at that severity." Rules are tried in order. */
public record RouteRule(String name, AlarmMatch match, String service, Severity severity) {
    public RouteRule {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(severity, "severity");
    }
}
