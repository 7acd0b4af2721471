package dev.firebell.bench.storm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration the storm runs on, as {@code firebell config apply} would store it: each service routed by its
 * alarms' name prefix, paged through an escalation policy (its two-person weekly rotation, then after 5 minutes one of
 * four engineering managers after 10), grouping at the default 5 minutes or switched off.
 */
final class StormConfig {

    static final String WINDOW = "5m";
    static final int MANAGERS = 4;

    private StormConfig() {
    }

    static Map<String, Object> document(StormGenerator.Storm storm, boolean grouping) {
        List<Object> rules = new ArrayList<>();
        Map<String, Object> services = new LinkedHashMap<>();
        Map<String, Object> people = new LinkedHashMap<>();
        Map<String, Object> rotations = new LinkedHashMap<>();
        Map<String, Object> policies = new LinkedHashMap<>();
        for (int m = 1; m <= MANAGERS; m++) {
            people.put("manager-" + m, Map.of("name", "Manager " + m, "timeZone", "Europe/Paris"));
        }
        List<String> names = storm.services();
        for (int i = 0; i < names.size(); i++) {
            String s = names.get(i);
            rules.add(Map.of("name", s + " alarms", "match", Map.of("alarmNamePrefix", s + "-"), "service", s,
                    "severity", i % 5 == 0 ? "SEV1" : "SEV2"));
            services.put(s, Map.of("escalationPolicy", s, "groupingWindow", grouping ? WINDOW : "0s"));
            people.put(s + "-oncall-1", Map.of("name", s + " engineer 1", "timeZone", "Europe/Paris"));
            people.put(s + "-oncall-2", Map.of("name", s + " engineer 2", "timeZone", "America/New_York"));
            rotations.put(s + "-primary", Map.of("participants", List.of(s + "-oncall-1", s + "-oncall-2"),
                    "shift", "weekly", "handoff", "09:00", "timeZone", "Europe/Paris", "start", "2026-01-05"));
            policies.put(s, Map.of("levels", List.of(
                    Map.of("escalateAfter", "5m", "targets", List.of(Map.of("rotation", s + "-primary"))),
                    Map.of("escalateAfter", "10m", "targets", List.of(Map.of("person", "manager-" + (1 + i % MANAGERS)))))));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("routing", Map.of("default", Map.of("service", names.get(0), "severity", "SEV3"), "rules", rules));
        doc.put("services", services);
        doc.put("people", people);
        doc.put("rotations", rotations);
        doc.put("escalationPolicies", policies);
        return doc;
    }
}
