package dev.firebell.function.escalation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration the escalation tests run on, as the YAML binder sees it. Today (2026-11-27, from 09:00
 * UTC) alice is on call for the daily {@code primary} rotation; dave (New York) is level 2; erin is the
 * fallback. {@code checkout} escalates 5 min then 10 min, twice through; {@code legacy} has no policy. Neither
 * groups (these tests open several incidents of one service to watch each escalate; grouping has its own tests).
 */
final class OnCallFixture {

    private OnCallFixture() {
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static Map<String, Object> config() {
        return config(map(), "2026-11-27");
    }

    /** The configuration with these maintenance windows, the rotation starting on {@code rotationStart}. */
    static Map<String, Object> config(Map<String, Object> maintenance, String rotationStart) {
        Map<String, Object> doc = map(
                "routing", map(
                        "default", map("service", "checkout", "severity", "SEV2"),
                        "rules", List.of(
                                map("match", map("alarmNamePrefix", "lowsev-"), "service", "checkout", "severity", "SEV5"),
                                map("match", map("alarmNamePrefix", "legacy-"), "service", "legacy"))),
                "services", map(
                        "checkout", map("escalationPolicy", "checkout", "groupingWindow", "0s"),
                        "legacy", map("pageTarget", "team-legacy", "groupingWindow", "0s")),
                "people", map(
                        "alice", map("name", "Alice", "timeZone", "Europe/Paris"),
                        "bob", map("name", "Bob", "timeZone", "Europe/Paris"),
                        "carol", map("name", "Carol", "timeZone", "Europe/Paris"),
                        "dave", map("name", "Dave", "timeZone", "America/New_York"),
                        "erin", map("name", "Erin", "timeZone", "Asia/Kolkata")),
                "rotations", map(
                        "primary", map("participants", List.of("alice", "bob", "carol"), "shift", "daily",
                                "handoff", "09:00", "timeZone", "UTC", "start", rotationStart)),
                "escalationPolicies", map(
                        "checkout", map("repeat", 1,
                                "levels", List.of(
                                        map("escalateAfter", "5m", "targets", List.of(map("rotation", "primary"))),
                                        map("escalateAfter", "10m", "targets", List.of(map("person", "dave")))),
                                "fallback", List.of(map("person", "erin")))),
                "quietHours", map("severities", List.of("SEV5"), "daytime", "08:00-20:00"));
        if (!maintenance.isEmpty()) {
            doc.put("maintenance", maintenance);
        }
        return doc;
    }

    static List<String> people() {
        return new ArrayList<>(List.of("alice", "bob", "carol", "dave", "erin"));
    }
}
