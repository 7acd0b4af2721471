package dev.firebell.config;

import static dev.firebell.config.ConfigNames.bindEach;
import static dev.firebell.config.ConfigNames.require;

import dev.firebell.heartbeat.Monitor;
import dev.firebell.routing.Severity;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Binds {@code heartbeats}: jobs that must ping every interval, or their service gets an incident. Their tokens are
 * not configuration (anyone who reads the file could ping): {@code config apply} gives each a token in the table
 * (docs/adr/0116).
 */
final class HeartbeatBinder {

    private HeartbeatBinder() {
    }

    static Map<String, Monitor> monitors(ConfigNode section, Set<String> services, Severity defaultSeverity) {
        return bindEach(section, "heartbeat monitor", Set.of("service", "severity", "interval", "grace", "description"),
                (name, m) -> monitor(name, m, services, defaultSeverity));
    }

    private static Monitor monitor(String name, ConfigNode m, Set<String> services, Severity defaultSeverity) {
        String service = m.get("service").requiredString();
        if (service != null && !services.isEmpty() && !require(m.get("service"), service, services, "service",
                "services")) {
            service = null;
        }
        Severity severity = m.get("severity").parse(Severity::parse, defaultSeverity);
        Duration interval = m.get("interval").duration(null);
        if (interval == null && m.get("interval").isMissing()) {
            m.get("interval").problem("is required: how often the job pings, e.g. 1h or 1d");
        }
        interval = within(m.get("interval"), interval, Monitor.MIN_INTERVAL, Monitor.MAX_INTERVAL, "1m and 365d");
        Duration grace = within(m.get("grace"), m.get("grace").duration(Monitor.DEFAULT_GRACE), Monitor.MIN_GRACE,
                Monitor.MAX_GRACE, "1m and 7d");
        if (service == null || severity == null || interval == null || grace == null) {
            return null;
        }
        return new Monitor(name, service, severity, interval, grace);
    }

    private static Duration within(ConfigNode at, Duration value, Duration min, Duration max, String range) {
        if (value != null && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
            at.problem("must be between " + range + ", found " + at.raw());
            return null;
        }
        return value;
    }
}
