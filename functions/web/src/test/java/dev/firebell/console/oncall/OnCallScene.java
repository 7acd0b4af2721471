package dev.firebell.console.oncall;

import dev.firebell.config.ConfigBinder;
import dev.firebell.config.FirebellConfig;
import dev.firebell.console.Console;
import dev.firebell.console.ConsolePages;
import dev.firebell.console.ConsoleSessions;
import dev.firebell.console.Viewer;
import dev.firebell.oncall.OnCallService;
import dev.firebell.oncall.OverrideStore;
import dev.firebell.oncall.ShiftOverride;
import dev.firebell.testing.MutableClock;
import dev.firebell.web.HttpRequest;
import dev.firebell.web.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The on-call area's pages behind the real console frame, on a configuration of three people (one with a hostile
 * name) and a clock pinned on Wednesday 24 March 2027, the week Europe/Paris moves to summer time (Sunday the 28th).
 * {@code paris-daily} hands off at 09:00 Paris time every day, alice on even days from 1 March, bob on odd ones.
 */
final class OnCallScene {

    static final Instant NOW = Instant.parse("2027-03-24T10:00:00Z");
    static final String TOKEN = "csrf-token-of-this-session";

    final MutableClock clock = new MutableClock(NOW);
    final Overrides overrides = new Overrides();
    final FirebellConfig config = new ConfigBinder().bind(document());
    final OnCallService onCall = new OnCallService(() -> config, overrides, clock);
    final OnCallPage onCallPage = new OnCallPage(() -> config, onCall, clock);
    final SchedulePages schedulePages = new SchedulePages(() -> config, onCall, clock);

    static Map<String, Object> document() {
        return map(
                "people", map(
                        "alice", map("name", "Alice Martin", "timeZone", "Europe/Paris"),
                        "bob", map("name", "Bob", "timeZone", "America/New_York"),
                        "mallory", map("name", "<script>alert(1)</script> & Co", "timeZone", "UTC")),
                "rotations", map(
                        "paris-daily", map("participants", List.of("alice", "bob"), "shift", "daily",
                                "handoff", "09:00", "timeZone", "Europe/Paris", "start", "2027-03-01"),
                        "weekends", map("participants", List.of("mallory"), "shift", "weekly", "handoff", "00:00",
                                "timeZone", "UTC", "start", "2027-01-02")),
                "schedules", map("checkout-oncall", map("timeZone", "Europe/Paris", "layers", List.of(
                        map("rotation", "weekends", "restrictions", List.of(
                                map("days", List.of("sat", "sun"), "from", "00:00", "to", "24:00"))),
                        map("rotation", "paris-daily")))),
                "escalationPolicies", map("checkout", map("levels", List.of(
                        map("escalateAfter", "5m", "targets", List.of(map("schedule", "checkout-oncall"))),
                        map("escalateAfter", "10m", "targets", List.of(map("person", "bob"),
                                map("snsTarget", "team-checkout")))))),
                "services", map("checkout", map("escalationPolicy", "checkout"),
                        "legacy", map("pageTarget", "team-legacy")));
    }

    /** The console as deployed, with this viewer signed in. */
    Console console(Viewer viewer) {
        return console(Set.of(onCallPage, schedulePages), viewer);
    }

    /** The console's frame around these pages, with this viewer signed in (sign-in is another area's). */
    static Console console(Set<ConsolePages> pages, Viewer viewer) {
        return new Console(new ConsoleSessions() {
            @Override
            public Optional<Session> session(HttpRequest request) {
                return Optional.of(new Session(viewer, TOKEN));
            }

            @Override
            public boolean handles(String path) {
                return false;
            }

            @Override
            public HttpResponse handle(HttpRequest request) {
                throw new AssertionError("no sign-in in these tests");
            }
        }, pages);
    }

    static Viewer alice() {
        return new Viewer("alice", "Alice Martin", true);
    }

    static Viewer reader() {
        return new Viewer("U024BE7LH", null, false);
    }

    HttpResponse get(Viewer viewer, String path, String query) {
        return console(viewer).handle(new HttpRequest("GET", path, query, Map.of(), null, "console.example",
                "192.0.2.1"));
    }

    HttpResponse post(Viewer viewer, String path, String query, String form) {
        return console(viewer).handle(new HttpRequest("POST", path, query,
                Map.of("content-type", "application/x-www-form-urlencoded"), form.getBytes(StandardCharsets.UTF_8),
                "console.example", "192.0.2.1"));
    }

    static Document html(HttpResponse response) {
        return Jsoup.parse(response.body());
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Overrides in memory, counting reads and writes as the real store's Queries and PutItems would be. */
    static final class Overrides implements OverrideStore {
        final Map<String, ShiftOverride> byKey = new LinkedHashMap<>();
        int reads;
        int writes;

        @Override
        public Map<String, List<ShiftOverride>> notEndedBy(Collection<String> sources, Instant from) {
            reads++;
            Map<String, List<ShiftOverride>> out = new LinkedHashMap<>();
            for (ShiftOverride o : byKey.values()) {
                if (sources.contains(o.source()) && o.end().isAfter(from)) {
                    out.computeIfAbsent(o.source(), s -> new ArrayList<>()).add(o);
                }
            }
            return out;
        }

        @Override
        public void put(ShiftOverride override) {
            writes++;
            byKey.put(override.source() + "/" + override.id(), override);
        }

        @Override
        public boolean remove(String source, String id) {
            writes++;
            return byKey.remove(source + "/" + id) != null;
        }
    }
}
