package dev.firebell.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.escalation.EscalationPolicy;
import dev.firebell.escalation.EscalationTarget;
import dev.firebell.person.Contact;
import dev.firebell.person.Person;
import dev.firebell.routing.Severity;
import dev.firebell.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OnCallConfigBinderTest {

    private final ConfigBinder binder = new ConfigBinder();

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** A complete, valid on-call document; tests break one thing at a time. */
    static Map<String, Object> valid() {
        return map(
                "people", map(
                        "alice", map("name", "Alice Martin", "timeZone", "Europe/Paris", "chatUserId", "U024BE7LH",
                                "contacts", List.of(map("sms", "+33612345678"), map("email", "alice@example.com")),
                                "daytime", "07:30-21:00"),
                        "bob", map("timeZone", "America/New_York", "contacts", List.of(map("email", "bob@example.com"))),
                        "dave", map("timeZone", "Asia/Kolkata")),
                "teams", map("checkout", map("name", "Checkout", "members", List.of("alice", "bob"), "chatChannel", "#checkout")),
                "rotations", map(
                        "checkout-primary", map("team", "checkout", "participants", List.of("alice", "bob"), "shift", "weekly",
                                "handoff", "09:00", "timeZone", "Europe/Paris", "start", "2026-01-05"),
                        "checkout-days", map("participants", List.of("bob"), "shift", "12h", "handoff", "08:00",
                                "timeZone", "America/New_York", "start", "2026-01-05")),
                "schedules", map("checkout-oncall", map("timeZone", "Europe/Paris", "layers", List.of(
                        map("rotation", "checkout-days", "restrictions", List.of(
                                map("days", "mon-fri", "from", "09:00", "to", "17:00"),
                                map("days", List.of("sat"), "from", "10:00", "to", "12:00"))),
                        map("rotation", "checkout-primary")))),
                "escalationPolicies", map("checkout", map("repeat", 2, "levels", List.of(
                                map("escalateAfter", "10m", "targets", List.of(map("schedule", "checkout-oncall"))),
                                map("targets", List.of(map("person", "dave"), map("snsTarget", "team-checkout")))),
                        "fallback", List.of(map("rotation", "checkout-primary")))),
                "services", map("checkout", map("escalationPolicy", "checkout", "team", "checkout"),
                        "platform", map("pageTarget", "team-platform")),
                "quietHours", map("severities", List.of("SEV4", "sev5"), "daytime", "08:00-20:00"),
                "maintenance", map(
                        "release", map("services", List.of("checkout"), "reason", "release", "timeZone", "Europe/Paris",
                                "start", "2026-12-03T22:00", "end", "2026-12-04T01:00"),
                        "nightly", map("services", "all", "cron", "0 2 * * sun", "duration", "1h")));
    }

    @Test
    void bind_shouldReadEverySection() {
        FirebellConfig config = binder.bind(valid());

        Person alice = config.onCall().people().get("alice");
        assertThat(alice.name()).isEqualTo("Alice Martin");
        assertThat(alice.timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(alice.chatUserId()).isEqualTo("U024BE7LH");
        assertThat(alice.contacts()).containsExactly(new Contact(Contact.Protocol.SMS, "+33612345678"),
                new Contact(Contact.Protocol.EMAIL, "alice@example.com"));
        assertThat(alice.daytime().from()).isEqualTo(LocalTime.of(7, 30));
        assertThat(alice.pageTarget()).isEqualTo("person:alice");
        assertThat(config.onCall().people().get("dave").name()).as("name defaults to the id").isEqualTo("dave");
        assertThat(config.onCall().teams().get("checkout").members()).containsExactly("alice", "bob");

        assertThat(config.onCall().rotations().get("checkout-primary").shift().amount()).isEqualTo(7);
        Schedule schedule = config.onCall().schedules().get("checkout-oncall");
        assertThat(schedule.layers()).hasSize(2);
        assertThat(schedule.layers().get(0).restrictions()).hasSize(2);

        EscalationPolicy policy = config.escalationPolicies().get("checkout");
        assertThat(policy.repeat()).isEqualTo(2);
        assertThat(policy.totalSteps()).isEqualTo(6);
        assertThat(policy.levels().get(0).escalateAfter()).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy.levels().get(1).escalateAfter()).as("default").isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.levels().get(1).targets()).containsExactly(
                new EscalationTarget(EscalationTarget.Kind.PERSON, "dave"),
                new EscalationTarget(EscalationTarget.Kind.SNS_TARGET, "team-checkout"));
        assertThat(policy.fallback()).containsExactly(new EscalationTarget(EscalationTarget.Kind.ROTATION, "checkout-primary"));
        assertThat(config.service("checkout").escalationPolicy()).isEqualTo("checkout");
        assertThat(config.service("platform").escalationPolicy()).isNull();

        assertThat(config.quietHours().severities()).containsExactlyInAnyOrder(Severity.SEV4, Severity.SEV5);
        assertThat(config.maintenance()).hasSize(2);
        assertThat(config.maintenance().get(0).occurrenceAt(Instant.parse("2026-12-03T22:30:00Z"))).isPresent();
        assertThat(config.maintenance().get(1).covers("anything")).isTrue();
    }

    /** One broken thing, the path it must be reported at, and words the message must contain. */
    record Broken(String name, Consumer<Map<String, Object>> breakIt, String path, String words) {
        @Override
        public String toString() {
            return name;
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> at(Map<String, Object> doc, String... keys) {
        Map<String, Object> m = doc;
        for (String k : keys) {
            m = (Map<String, Object>) m.get(k);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    static List<Object> layers(Map<String, Object> doc) {
        return (List<Object>) at(doc, "schedules", "checkout-oncall").get("layers");
    }

    static List<Broken> brokenDocuments() {
        return List.of(
                new Broken("unknown person in a rotation", d -> at(d, "rotations", "checkout-primary")
                        .put("participants", List.of("alice", "mallory")),
                        "rotations.checkout-primary.participants[1]", "'mallory' is not a person declared under people"),
                new Broken("rotation without participants", d -> at(d, "rotations", "checkout-primary")
                        .put("participants", List.of()), "rotations.checkout-primary.participants", "is required"),
                new Broken("bad time zone", d -> at(d, "people", "alice").put("timeZone", "Europe/Pariss"),
                        "people.alice.timeZone", "'Europe/Pariss' is not a time zone"),
                new Broken("ambiguous abbreviation", d -> at(d, "rotations", "checkout-days").put("timeZone", "EST"),
                        "rotations.checkout-days.timeZone", "not an IANA time zone name"),
                new Broken("missing time zone", d -> at(d, "people", "bob").remove("timeZone"),
                        "people.bob.timeZone", "is required"),
                new Broken("bad shift", d -> at(d, "rotations", "checkout-primary").put("shift", "fortnightly"),
                        "rotations.checkout-primary.shift", "hourly, daily, weekly"),
                new Broken("bad hand-off", d -> at(d, "rotations", "checkout-primary").put("handoff", "9am"),
                        "rotations.checkout-primary.handoff", "HH:MM"),
                new Broken("bad start", d -> at(d, "rotations", "checkout-primary").put("start", "05/01/2026"),
                        "rotations.checkout-primary.start", "YYYY-MM-DD"),
                new Broken("unknown team", d -> at(d, "rotations", "checkout-primary").put("team", "payments"),
                        "rotations.checkout-primary.team", "'payments' is not a team"),
                new Broken("bad sms number", d -> at(d, "people", "alice").put("contacts", List.of(map("sms", "0612345678"))),
                        "people.alice.contacts[0].sms", "E.164"),
                new Broken("unknown contact protocol", d -> at(d, "people", "alice")
                        .put("contacts", List.of(map("pager", "123"))), "people.alice.contacts[0].pager",
                        "not a contact protocol"),
                new Broken("bad daytime", d -> at(d, "people", "alice").put("daytime", "21:00-07:00"),
                        "people.alice.daytime", "start before it ends"),
                new Broken("overlapping restrictions", d -> ((Map<String, Object>) layers(d).get(0)).put("restrictions",
                        List.of(map("days", "mon-fri", "from", "09:00", "to", "17:00"),
                                map("days", "fri", "from", "16:00", "to", "18:00"))),
                        "schedules.checkout-oncall.layers[0].restrictions[1]", "overlaps restriction 1"),
                new Broken("overnight restriction overlapping the next morning", d -> ((Map<String, Object>) layers(d).get(0))
                        .put("restrictions", List.of(map("days", "sun", "from", "22:00", "to", "06:00"),
                                map("days", "mon", "from", "05:00", "to", "09:00"))),
                        "schedules.checkout-oncall.layers[0].restrictions[1]", "overlaps restriction 1"),
                new Broken("a layer that can never be on call", d -> layers(d).add(map("rotation", "checkout-days")),
                        "schedules.checkout-oncall.layers[2]", "is never on call"),
                new Broken("unknown rotation in a layer", d -> ((Map<String, Object>) layers(d).get(1))
                        .put("rotation", "nope"), "schedules.checkout-oncall.layers[1].rotation", "'nope' is not a rotation"),
                new Broken("bad day", d -> ((Map<String, Object>) layers(d).get(0)).put("restrictions",
                        List.of(map("days", "mon-frydae", "from", "09:00", "to", "17:00"))),
                        "schedules.checkout-oncall.layers[0].restrictions[0].days", "is not a day"),
                new Broken("empty restriction", d -> ((Map<String, Object>) layers(d).get(0)).put("restrictions",
                        List.of(map("days", "mon", "from", "09:00", "to", "09:00"))),
                        "schedules.checkout-oncall.layers[0].restrictions[0]", "ambiguous"),
                new Broken("schedule named like a rotation", d -> at(d, "schedules").put("checkout-primary",
                        map("timeZone", "UTC", "layers", List.of(map("rotation", "checkout-days")))),
                        "schedules.checkout-primary", "is also a rotation"),
                new Broken("unknown policy on a service", d -> at(d, "services", "checkout").put("escalationPolicy", "chekout"),
                        "services.checkout.escalationPolicy", "'chekout' is not a policy declared under escalationPolicies"),
                new Broken("unknown person in a policy", d -> at(d, "escalationPolicies", "checkout").put("levels",
                        List.of(map("targets", List.of(map("person", "zed"))))),
                        "escalationPolicies.checkout.levels[0].targets[0].person", "'zed' is not a person"),
                new Broken("unknown schedule in a policy", d -> at(d, "escalationPolicies", "checkout").put("fallback",
                        List.of(map("schedule", "nope"))), "escalationPolicies.checkout.fallback[0].schedule",
                        "'nope' is not a schedule"),
                new Broken("a level without targets", d -> at(d, "escalationPolicies", "checkout").put("levels",
                        List.of(map("escalateAfter", "5m"))), "escalationPolicies.checkout.levels[0].targets", "is required"),
                new Broken("a policy without levels", d -> at(d, "escalationPolicies", "checkout").remove("levels"),
                        "escalationPolicies.checkout.levels", "is required"),
                new Broken("too many repeats", d -> at(d, "escalationPolicies", "checkout").put("repeat", 12),
                        "escalationPolicies.checkout.repeat", "between 0 and 9"),
                new Broken("too short a delay", d -> at(d, "escalationPolicies", "checkout").put("levels",
                        List.of(map("escalateAfter", "20s", "targets", List.of(map("person", "dave"))))),
                        "escalationPolicies.checkout.levels[0].escalateAfter", "between 1m and 7d"),
                new Broken("unknown target kind", d -> at(d, "escalationPolicies", "checkout").put("fallback",
                        List.of(map("team", "checkout"))), "escalationPolicies.checkout.fallback[0].team",
                        "not a target kind"),
                new Broken("a person's target written raw", d -> at(d, "escalationPolicies", "checkout").put("fallback",
                        List.of(map("snsTarget", "person:dave"))), "escalationPolicies.checkout.fallback[0].snsTarget",
                        "write '- person: dave'"),
                new Broken("unknown severity in quiet hours", d -> at(d, "quietHours").put("severities", List.of("SEV9")),
                        "quietHours.severities[0]", "not one of SEV1"),
                new Broken("maintenance of an unknown service", d -> at(d, "maintenance", "release")
                        .put("services", List.of("chekout")), "maintenance.release.services[0]", "'chekout' is not a service"),
                new Broken("maintenance without services", d -> at(d, "maintenance", "release").remove("services"),
                        "maintenance.release.services", "services: all"),
                new Broken("maintenance ending before it starts", d -> at(d, "maintenance", "release")
                        .put("end", "2026-12-03T21:00"), "maintenance.release.end", "must be after start"),
                new Broken("maintenance too long", d -> at(d, "maintenance", "release")
                        .put("end", "2026-12-31T21:00"), "maintenance.release.end", "at most 7 days"),
                new Broken("maintenance both one-off and recurring", d -> at(d, "maintenance", "release")
                        .put("cron", "0 2 * * *"), "maintenance.release", "not both"),
                new Broken("bad cron", d -> at(d, "maintenance", "nightly").put("cron", "0 25 * * *"),
                        "maintenance.nightly.cron", "hour 25 is outside 0-23"),
                new Broken("cron with six fields", d -> at(d, "maintenance", "nightly").put("cron", "0 0 2 * * sun"),
                        "maintenance.nightly.cron", "has 6 fields"),
                new Broken("recurring without duration", d -> at(d, "maintenance", "nightly").remove("duration"),
                        "maintenance.nightly.duration", "is required"),
                new Broken("unknown key", d -> at(d, "rotations", "checkout-primary").put("handover", "09:00"),
                        "rotations.checkout-primary.handover", "unknown key 'handover'"),
                new Broken("bad name", d -> at(d, "people").put("Alice Smith", map("timeZone", "UTC")),
                        "people.Alice Smith", "must be lower-case"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDocuments")
    void bind_shouldReportEachKindOfMistake_atItsPath_inWordsThatSayWhatIsWrong(Broken broken) {
        Map<String, Object> doc = deepCopy(valid());
        broken.breakIt().accept(doc);
        assertThatThrownBy(() -> binder.bind(doc))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems())
                        .as("problems: %s", ((ConfigException) e).problems())
                        .anySatisfy(p -> {
                            assertThat(p.path()).isEqualTo(broken.path());
                            assertThat(p.message()).contains(broken.words());
                        }));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, copy(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object v) {
        if (v instanceof Map<?, ?> map) {
            return deepCopy((Map<String, Object>) map);
        }
        if (v instanceof List<?> list) {
            List<Object> out = new java.util.ArrayList<>();
            list.forEach(i -> out.add(copy(i)));
            return out;
        }
        return v;
    }
}
