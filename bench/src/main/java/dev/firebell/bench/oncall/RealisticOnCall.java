package dev.firebell.bench.oncall;

import dev.firebell.config.ConfigBinder;
import dev.firebell.config.FirebellConfig;
import dev.firebell.oncall.ShiftOverride;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A large organisation's on-call, generated deterministically: 500 people in twelve time zones, 50 rotations
 * of 10 (weekly, daily, 12-hourly and 8-hourly, hand-offs at local times), 10 follow-the-sun schedules of
 * three layers with restrictions, 50 services with two-level policies, and a year of overrides (two a
 * week on every rotation, one a week on every schedule, some overlapping).
 */
final class RealisticOnCall {

    static final Instant YEAR_START = Instant.parse("2026-01-01T00:00:00Z");
    static final String[] ZONES = {"Europe/Paris", "Europe/London", "America/New_York", "America/Los_Angeles",
            "America/St_Johns", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Tokyo", "Australia/Sydney",
            "Australia/Lord_Howe", "Pacific/Chatham", "UTC"};
    static final String[] SHIFTS = {"weekly", "daily", "12h", "8h"};

    final FirebellConfig config;
    final Map<String, List<ShiftOverride>> overrides;
    final List<String> rotations = new ArrayList<>();
    final List<String> schedules = new ArrayList<>();
    final List<String> services = new ArrayList<>();
    final int overrideCount;

    RealisticOnCall(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Object> people = new LinkedHashMap<>();
        for (int p = 0; p < 500; p++) {
            people.put("p" + p, map("name", "Person " + p, "timeZone", ZONES[p % ZONES.length],
                    "contacts", List.of(map("email", "p" + p + "@example.com"))));
        }
        Map<String, Object> rotationDocs = new LinkedHashMap<>();
        for (int r = 0; r < 50; r++) {
            List<String> participants = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                participants.add("p" + (r * 10 + i));
            }
            String name = "rotation-" + r;
            rotations.add(name);
            rotationDocs.put(name, map("participants", participants, "shift", SHIFTS[r % SHIFTS.length],
                    "handoff", String.format("%02d:%02d", 6 + r % 6, (r % 4) * 15), "timeZone", ZONES[r % ZONES.length],
                    "start", "2025-12-" + String.format("%02d", 1 + r % 28)));
        }
        Map<String, Object> scheduleDocs = new LinkedHashMap<>();
        for (int s = 0; s < 10; s++) {
            String name = "schedule-" + s;
            schedules.add(name);
            scheduleDocs.put(name, map("timeZone", "UTC", "layers", List.of(
                    map("rotation", "rotation-" + (s * 5), "restrictions",
                            List.of(map("days", "everyday", "from", "00:00", "to", "08:00"))),
                    map("rotation", "rotation-" + (s * 5 + 1), "restrictions",
                            List.of(map("days", "mon-fri", "from", "08:00", "to", "16:00"))),
                    map("rotation", "rotation-" + (s * 5 + 2)))));
        }
        Map<String, Object> policies = new LinkedHashMap<>();
        Map<String, Object> serviceDocs = new LinkedHashMap<>();
        for (int v = 0; v < 50; v++) {
            String first = v % 2 == 0 ? "schedule" : "rotation";
            String firstName = v % 2 == 0 ? "schedule-" + (v % 10) : "rotation-" + v;
            policies.put("policy-" + v, map("repeat", 2, "levels", List.of(
                    map("escalateAfter", "5m", "targets", List.of(map(first, firstName))),
                    map("escalateAfter", "10m", "targets", List.of(map("rotation", "rotation-" + ((v + 7) % 50)),
                            map("person", "p" + (v * 7 % 500)))))));
            String service = "service-" + v;
            services.add(service);
            serviceDocs.put(service, map("escalationPolicy", "policy-" + v));
        }
        Map<String, Object> document = map("people", people, "rotations", rotationDocs, "schedules", scheduleDocs,
                "escalationPolicies", policies, "services", serviceDocs,
                "quietHours", map("severities", List.of("SEV4", "SEV5"), "daytime", "08:00-20:00"));
        this.config = new ConfigBinder().bind(document);

        Map<String, List<ShiftOverride>> byTarget = new HashMap<>();
        int count = 0;
        List<String> sources = new ArrayList<>(rotations);
        sources.addAll(schedules);
        for (String source : sources) {
            int perWeek = source.startsWith("rotation") ? 2 : 1;
            for (int week = 0; week < 52; week++) {
                for (int k = 0; k < perWeek; k++) {
                    Instant start = YEAR_START.plus(Duration.ofDays(7L * week)).plusSeconds(random.nextLong(7 * 86_400L))
                            .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
                    Instant end = start.plus(Duration.ofMinutes(30 + random.nextLong(3 * 24 * 60)));
                    String person = "p" + random.nextInt(500);
                    byTarget.computeIfAbsent(source, x -> new ArrayList<>()).add(new ShiftOverride(
                            source + "-" + week + "-" + k, source, person, start, end, "bench",
                            start.minus(Duration.ofDays(1 + random.nextInt(30))), "cover"));
                    count++;
                }
            }
        }
        this.overrides = byTarget;
        this.overrideCount = count;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
