package dev.firebell.calendar;

import dev.firebell.config.FirebellConfig;
import dev.firebell.escalation.EscalationLevel;
import dev.firebell.escalation.EscalationPolicy;
import dev.firebell.escalation.EscalationTarget;
import dev.firebell.oncall.OnCallConfig;
import dev.firebell.oncall.OverrideStore;
import dev.firebell.oncall.ShiftOverride;
import dev.firebell.paging.QuietHours;
import dev.firebell.person.Contact;
import dev.firebell.person.Person;
import dev.firebell.routing.Routing;
import dev.firebell.schedule.Layer;
import dev.firebell.schedule.Rotation;
import dev.firebell.schedule.Schedule;
import dev.firebell.schedule.ShiftLength;
import dev.firebell.service.InsufficientDataPolicy;
import dev.firebell.service.ServicePolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A team on call in Paris across the change to summer time (Sunday 2027-03-28): checkout-primary hands off on
 * Mondays at 09:00 Paris, alice, bob, carol from Monday 2027-01-04, so carol's week starts 2027-03-22 08:00Z (CET)
 * and ends 2027-03-29 07:00Z (CEST). The payments schedule is that rotation as its one layer. Shared by the domain's
 * and the console's tests.
 */
public final class CalendarFixture {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final Instant NOW = Instant.parse("2027-03-20T12:00:00Z");

    private CalendarFixture() {
    }

    public static FirebellConfig config() {
        Map<String, Person> people = Map.of(
                "alice", new Person("alice", "Alice Martin", PARIS, "U01", List.of(new Contact(Contact.Protocol.SMS,
                        "+33612345678"), new Contact(Contact.Protocol.EMAIL, "alice@example.com")), null),
                "bob", new Person("bob", "Bob Lee", ZoneId.of("America/New_York"), null, List.of(), null),
                "carol", new Person("carol", "Carol <Diaz>", ZoneId.of("Asia/Tokyo"), null,
                        List.of(new Contact(Contact.Protocol.SMS, "+819012345678")), null));
        Rotation primary = new Rotation("checkout-primary", List.of("alice", "bob", "carol"),
                ShiftLength.parse("weekly"), LocalTime.of(9, 0), PARIS, LocalDate.of(2027, 1, 4));
        Schedule payments = new Schedule("payments", PARIS, List.of(new Layer("checkout-primary", List.of())));
        OnCallConfig onCall = new OnCallConfig(people, Map.of(), Map.of("checkout-primary", primary),
                Map.of("payments", payments));
        EscalationPolicy policy = new EscalationPolicy("checkout-policy", null, List.of(
                new EscalationLevel(Duration.ofMinutes(5), List.of(new EscalationTarget(EscalationTarget.Kind.ROTATION,
                        "checkout-primary"))),
                new EscalationLevel(Duration.ofMinutes(15), List.of(new EscalationTarget(EscalationTarget.Kind.PERSON,
                        "bob")))), 0, null);
        Map<String, ServicePolicy> services = Map.of("checkout", new ServicePolicy("checkout", "rotation:checkout-primary",
                true, ServicePolicy.DEFAULT_REOPEN_WINDOW, InsufficientDataPolicy.IGNORE, "checkout-policy"));
        return new FirebellConfig(services, Routing.defaults(), onCall, Map.of("checkout-policy", policy), List.of(),
                QuietHours.NONE);
    }

    /** Overrides in memory: those not ended by the time asked, per source. */
    public static final class Overrides implements OverrideStore {
        private final List<ShiftOverride> all = new ArrayList<>();

        @Override
        public Map<String, List<ShiftOverride>> notEndedBy(Collection<String> sources, Instant from) {
            Map<String, List<ShiftOverride>> out = new HashMap<>();
            for (ShiftOverride o : all) {
                if (sources.contains(o.source()) && o.end().isAfter(from)) {
                    out.computeIfAbsent(o.source(), k -> new ArrayList<>()).add(o);
                }
            }
            return out;
        }

        @Override
        public void put(ShiftOverride override) {
            all.removeIf(o -> o.id().equals(override.id()));
            all.add(override);
        }

        @Override
        public boolean remove(String source, String id) {
            return all.removeIf(o -> o.source().equals(source) && o.id().equals(id));
        }
    }
}
