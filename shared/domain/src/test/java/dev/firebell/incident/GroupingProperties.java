package dev.firebell.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.firebell.alarm.AlarmState;
import dev.firebell.alarm.AlarmStateChange;
import dev.firebell.alarm.Alarms;
import dev.firebell.config.FirebellConfig;
import dev.firebell.paging.PageDispatcher;
import dev.firebell.paging.ServiceTargetResolver;
import dev.firebell.routing.Routing;
import dev.firebell.service.InsufficientDataPolicy;
import dev.firebell.service.ServicePolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random storms of one service, delivered in any order and with duplicates, through the real rules and an incident
 * store: what must hold afterwards whatever the order (ADR 0040, ADR 0007). Everything is read through the store's
 * port, incidents by their numbers (1 to the last, without gaps). One subclass per store:
 * InMemoryGroupingPropertiesTest (many tries) and, in shared/aws, DynamoGroupingPropertiesTest (fewer, on the
 * emulator); each sets its tries with {@code @PropertyDefaults}.
 */
public abstract class GroupingProperties {

    private static final Instant START = Instant.parse("2026-11-27T10:00:00Z");

    /** A new, empty store, for one try. */
    protected abstract IncidentStore emptyStore();

    /** One alarm's true history: states alternating from ALARM, at increasing CloudWatch timestamps. */
    public record History(String name, List<AlarmStateChange> changes) {
        AlarmState last() {
            return changes.get(changes.size() - 1).state();
        }
    }

    public record Storm(List<History> alarms, List<AlarmStateChange> deliveries, Duration groupingWindow,
                        Duration reopenWindow, boolean autoResolve) {
    }

    @Provide
    public Arbitrary<Storm> storms() {
        Arbitrary<List<List<Integer>>> alarms = Combinators.combine(
                Arbitraries.integers().between(0, 20 * 60),
                Arbitraries.integers().between(10, 15 * 60).list().ofMinSize(0).ofMaxSize(5))
                .as((offset, gaps) -> {
                    List<Integer> at = new ArrayList<>(List.of(offset));
                    for (int gap : gaps) {
                        at.add(at.get(at.size() - 1) + gap);
                    }
                    return at;
                }).list().ofMinSize(1).ofMaxSize(7);
        return Combinators.combine(alarms,
                        Arbitraries.of(Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(60)),
                        Arbitraries.of(Duration.ZERO, Duration.ofMinutes(15)),
                        Arbitraries.of(true, true, true, false),
                        Arbitraries.longs())
                .as((times, grouping, reopen, auto, seed) -> {
                    // From a seed, not a shared Random: the same sample must give the same storm when it is shrunk.
                    java.util.Random random = new java.util.Random(seed);
                    List<History> histories = new ArrayList<>();
                    List<AlarmStateChange> deliveries = new ArrayList<>();
                    for (int a = 0; a < times.size(); a++) {
                        String name = "checkout-alarm-" + a;
                        List<AlarmStateChange> changes = new ArrayList<>();
                        for (int k = 0; k < times.get(a).size(); k++) {
                            AlarmStateChange c = Alarms.change(name, k % 2 == 0 ? AlarmState.ALARM : AlarmState.OK,
                                    START.plusSeconds(times.get(a).get(k)).toString());
                            changes.add(c);
                            deliveries.add(c);
                            if (random.nextInt(4) == 0) {
                                deliveries.add(c); // at-least-once: the same state change again
                            }
                        }
                        histories.add(new History(name, changes));
                    }
                    java.util.Collections.shuffle(deliveries, random);
                    return new Storm(histories, deliveries, grouping, reopen, auto);
                });
    }

    @Property
    public void afterAnyOrderOfDeliveries_theCountsTheIncidentsAndThePagesAgreeWithEachAlarmsLastState(
            @ForAll("storms") Storm storm) {
        IncidentStore store = emptyStore();
        AlarmService service = service(store, storm);

        for (AlarmStateChange delivery : storm.deliveries()) {
            service.handle(delivery);
        }

        Map<String, AlarmTrack> tracks = tracks(store, storm);
        for (History h : storm.alarms()) {
            AlarmTrack track = tracks.get(h.name());
            Incident incident = track.incidentId() == null ? null : store.incident(track.incidentId()).orElse(null);
            if (h.last() == AlarmState.ALARM) {
                // An alarm whose newest state is ALARM is always in an open incident, counted there.
                assertThat(incident).as(h.name() + " has an incident").isNotNull();
                assertThat(track.open()).as(h.name() + " counted in ALARM").isTrue();
                assertThat(incident.isOpen()).as("incident of " + h.name() + " open").isTrue();
            } else if (incident != null && (incident.isGrouped() || storm.autoResolve())) {
                // (An ungrouped incident's track says whether the incident is open, which a service that does not
                // auto-resolve keeps open after the OK.)
                assertThat(track.open()).as(h.name() + " not counted in ALARM").isFalse();
            }
        }
        List<Incident> incidents = incidents(store);
        for (Incident i : incidents) {
            long counted = tracks.values().stream().filter(t -> i.id().equals(t.incidentId()) && t.open()).count();
            if (i.isGrouped()) {
                assertThat(i.group().inAlarm()).as("count of incident " + i.id()).isEqualTo((int) counted);
                assertThat(i.group().memberNames()).hasSizeLessThanOrEqualTo(AlarmGroup.MAX_NAMES);
            }
            if (storm.autoResolve() && i.isOpen()) {
                assertThat(counted).as("open incident " + i.id() + " has an alarm in ALARM").isPositive();
            }
            // Nobody paged twice for one incident, and an incident already over pages nobody.
            assertThat(store.pages(i.id())).hasSizeLessThanOrEqualTo(1);
        }
        if (storm.groupingWindow().isZero()) {
            assertThat(incidents).noneMatch(Incident::isGrouped);
            assertThat(store.serviceGroup("checkout")).isEqualTo(ServiceGroup.none("checkout"));
        }
    }

    @Property
    public void deliveringEveryEventAgain_changesNothing(@ForAll("storms") Storm storm) {
        IncidentStore store = emptyStore();
        AlarmService service = service(store, storm);
        storm.deliveries().forEach(service::handle);
        List<Incident> incidents = incidents(store);
        Map<String, AlarmTrack> tracks = unversioned(tracks(store, storm));
        int pages = pages(store, incidents);

        List<AlarmStateChange> again = new ArrayList<>(storm.deliveries());
        again.sort(Comparator.comparing(AlarmStateChange::stateTimestamp).reversed());
        for (AlarmStateChange delivery : again) {
            AlarmOutcome outcome = service.handle(delivery);
            // An event that was ignored the first time (nothing recorded) may now earn a timeline note; an event
            // that changed anything is recognised and changes nothing again.
            assertThat(outcome.kind()).isIn(AlarmOutcome.Kind.REDELIVERY, AlarmOutcome.Kind.IGNORED,
                    AlarmOutcome.Kind.NOTED);
        }

        assertThat(incidents(store)).isEqualTo(incidents);
        assertThat(unversioned(tracks(store, storm))).isEqualTo(tracks);
        assertThat(pages(store, incidents)).isEqualTo(pages);
    }

    @Property
    public void withAWindowLongerThanTheStorm_andNoAlarmRecovering_theServiceIsPagedOnce(@ForAll("storms") Storm storm) {
        // Only ALARMs, all within the hour: one incident for the service, one page.
        List<AlarmStateChange> alarmsOnly = storm.deliveries().stream().filter(d -> d.state() == AlarmState.ALARM)
                .filter(d -> d.stateTimestamp().isBefore(START.plus(Duration.ofMinutes(59)))).toList();
        Storm longWindow = new Storm(storm.alarms(), alarmsOnly, Duration.ofMinutes(60), storm.reopenWindow(), true);
        IncidentStore store = emptyStore();
        AlarmService service = service(store, longWindow);

        alarmsOnly.forEach(service::handle);

        if (!alarmsOnly.isEmpty()) {
            List<Incident> incidents = incidents(store);
            assertThat(incidents).hasSize(1);
            assertThat(pages(store, incidents)).isEqualTo(1);
        }
    }

    /** Every incident, by number from 1 to the last: a number without its incident fails here. */
    private static List<Incident> incidents(IncidentStore store) {
        List<Incident> out = new ArrayList<>();
        long last = IncidentNumbers.of(store.nextIncidentId()) - 1;
        for (long n = 1; n <= last; n++) {
            String id = Long.toString(n);
            out.add(store.incident(id).orElseThrow(() -> new AssertionError("no incident #" + id + ": a gap")));
        }
        return out;
    }

    /** The track of each alarm of the storm, by alarm name. */
    private static Map<String, AlarmTrack> tracks(IncidentStore store, Storm storm) {
        Map<String, AlarmTrack> out = new HashMap<>();
        storm.alarms().forEach(h -> out.put(h.name(), store.track(Alarms.arn(h.name()))));
        return out;
    }

    private static int pages(IncidentStore store, List<Incident> incidents) {
        return incidents.stream().mapToInt(i -> store.pages(i.id()).size()).sum();
    }

    private static Map<String, AlarmTrack> unversioned(Map<String, AlarmTrack> tracks) {
        Map<String, AlarmTrack> out = new HashMap<>();
        tracks.forEach((k, t) -> out.put(k, new AlarmTrack(t.dedupKey(), t.incidentId(), t.open(), t.resolvedAt(),
                t.autoResolved(), t.lastAlarmAt(), t.lastOkAt(), 0)));
        return out;
    }

    private static AlarmService service(IncidentStore store, Storm storm) {
        ServicePolicy policy = new ServicePolicy("checkout", "team-checkout", storm.autoResolve(), storm.reopenWindow(),
                InsufficientDataPolicy.IGNORE, null, storm.groupingWindow());
        FirebellConfig config = new FirebellConfig(Map.of("checkout", policy),
                new Routing(List.of(), "checkout", dev.firebell.routing.Severity.SEV2, false));
        PageDispatcher dispatcher = mock(PageDispatcher.class);
        when(dispatcher.send(anyList())).thenReturn(DispatchReport.NONE);
        when(dispatcher.redriveIncident(anyString())).thenReturn(DispatchReport.NONE);
        return new AlarmService(() -> config, store, new AlarmTransitions(new ServiceTargetResolver(),
                Duration.ofSeconds(60)), dispatcher, InstantSource.fixed(START.plus(Duration.ofHours(2))));
    }
}
