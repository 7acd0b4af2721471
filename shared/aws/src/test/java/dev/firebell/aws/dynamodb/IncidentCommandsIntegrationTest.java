package dev.firebell.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.alarm.AlarmKind;
import dev.firebell.alarm.AlarmState;
import dev.firebell.alarm.AlarmStateChange;
import dev.firebell.alarm.DeliveryShape;
import dev.firebell.aws.sns.SnsPager;
import dev.firebell.incident.AlarmOutcome;
import dev.firebell.incident.AlarmService;
import dev.firebell.incident.AlarmTransitions;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentCommands;
import dev.firebell.incident.IncidentStateException;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.NoSuchIncidentException;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.paging.PageComposer;
import dev.firebell.paging.PageDispatcher;
import dev.firebell.paging.PageStatus;
import dev.firebell.paging.Pager;
import dev.firebell.paging.ServiceTargetResolver;
import dev.firebell.routing.Severity;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What people do to incidents, against the emulator, and how it interacts with the alarm rules. */
@LocalStackTest
class IncidentCommandsIntegrationTest {

    private static final Duration LEASE = Duration.ofSeconds(60);

    private final LocalStack local;
    private final LocalResources resources;
    private Instant now = Instant.parse("2026-11-27T09:00:30Z");
    private final InstantSource clock = () -> now;
    private final AtomicInteger published = new AtomicInteger();
    private DynamoIncidentStore store;
    private DynamoPageOutbox outbox;
    private IncidentCommands commands;
    private AlarmService alarms;
    private PageDispatcher dispatcher;

    IncidentCommandsIntegrationTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @BeforeEach
    void wire() {
        String table = resources.tableName("FirebellTable");
        local.emptyTable(table);
        store = new DynamoIncidentStore(local.dynamoDb(), table, clock);
        DynamoConfigStore config = new DynamoConfigStore(local.dynamoDb(), table, clock, Duration.ZERO);
        config.apply(Map.of("services", Map.of("checkout", Map.of("pageTarget", "team-checkout"))), "test");
        Pager sns = new SnsPager(local.sns(), resources.topicArn("PageTopic"));
        Pager counting = message -> {
            published.incrementAndGet();
            return sns.publish(message);
        };
        outbox = new DynamoPageOutbox(local.dynamoDb(), table);
        dispatcher = new PageDispatcher(store, outbox, counting, new PageComposer(), clock, LEASE);
        ServiceTargetResolver targets = new ServiceTargetResolver();
        commands = new IncidentCommands(store, config, targets, dispatcher, clock, LEASE);
        alarms = new AlarmService(config, store, new AlarmTransitions(targets, LEASE), dispatcher, clock);
    }

    @Test
    void acknowledge_shouldRecordWhoAndWhen_andSayWhenItWasAlreadyDone() {
        String id = openIncident("2026-11-27T09:00:00Z");
        now = now.plusSeconds(240);

        IncidentCommands.Outcome first = commands.acknowledge(id, "alice");
        IncidentCommands.Outcome again = commands.acknowledge(id, "bob");

        assertThat(first.changed()).isTrue();
        assertThat(first.incident().status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(first.incident().acknowledgedBy()).isEqualTo("alice");
        assertThat(first.incident().acknowledgedAt()).isEqualTo(now);
        assertThat(again.changed()).isFalse();
        assertThat(again.message()).contains("already acknowledged");
        assertThat(store.timeline(id)).filteredOn(e -> e.type() == TimelineEntryType.ACKNOWLEDGED)
                .singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("alice"));
    }

    @Test
    void acknowledge_shouldCancelAPageThatHadNotGoneOutYet() {
        published.set(0);
        Pager dead = m -> {
            throw new IllegalStateException("process died");
        };
        AlarmService crashing = new AlarmService(
                new DynamoConfigStore(local.dynamoDb(), resources.tableName("FirebellTable"), clock, Duration.ZERO),
                store, new AlarmTransitions(new ServiceTargetResolver(), LEASE),
                new PageDispatcher(store, outbox, dead, new PageComposer(), clock, LEASE), clock);
        assertThatThrownBy(() -> crashing.handle(alarm(AlarmState.ALARM, "2026-11-27T09:00:00Z")))
                .hasMessageContaining("process died");
        String id = store.openIncidents().get(0).id();

        commands.acknowledge(id, "alice");
        now = now.plus(LEASE).plusSeconds(1);
        assertThat(dispatcher.redriveDue(10).cancelled()).isEqualTo(1);

        assertThat(published).hasValue(0);
        assertThat(store.pages(id)).singleElement().satisfies(p -> assertThat(p.status()).isEqualTo(PageStatus.CANCELLED));
        assertThat(store.timeline(id)).extracting(TimelineEntry::type).contains(TimelineEntryType.PAGE_CANCELLED);
    }

    @Test
    void lastPagedIncident_shouldFollowTheNewestPageSentToATarget() {
        assertThat(store.lastPagedIncident("team-checkout")).isEmpty();
        String first = commands.declare("Checkout errors", Severity.SEV2, "checkout", "alice").incident().id();
        assertThat(store.lastPagedIncident("team-checkout")).contains(first);
        String unrelated = openIncident("2026-11-27T09:00:00Z"); // routed to the default service's target
        assertThat(store.lastPagedIncident(store.pages(unrelated).get(0).target())).contains(unrelated);
        assertThat(store.lastPagedIncident("team-checkout")).contains(first);
        now = now.plusSeconds(60);
        String second = commands.declare("Checkout is slow", Severity.SEV3, "checkout", "alice").incident().id();
        assertThat(store.lastPagedIncident("team-checkout")).contains(second);
    }

    @Test
    void commands_shouldRefuseResolvedIncidentsAndUnknownIds() {
        String id = openIncident("2026-11-27T09:00:00Z");
        commands.resolve(id, "alice", "rolled back");
        assertThatThrownBy(() -> commands.acknowledge(id, "bob")).isInstanceOf(IncidentStateException.class)
                .hasMessage("#" + id + " is resolved; reopen it before you acknowledge it");
        assertThatThrownBy(() -> commands.acknowledge("999", "bob")).isInstanceOf(NoSuchIncidentException.class)
                .hasMessage("there is no incident #999");
    }

    @Test
    void resolveByAPerson_shouldCloseTheAlarmsTrack_soTheNextAlarmOpensANewIncidentNotAReopen() {
        String id = openIncident("2026-11-27T09:00:00Z");
        IncidentCommands.Outcome resolved = commands.resolve(id, "alice", "rolled back the deploy");

        assertThat(resolved.incident().status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(resolved.incident().resolution()).isEqualTo("rolled back the deploy");
        assertThat(resolved.incident().resolvedBy()).isEqualTo("alice");

        AlarmOutcome next = alarms.handle(alarm(AlarmState.ALARM, "2026-11-27T09:05:00Z"));
        assertThat(next.kind()).isEqualTo(AlarmOutcome.Kind.OPENED);
        assertThat(next.incidentId()).isNotEqualTo(id);
    }

    @Test
    void reopen_shouldGiveTheIncidentBackToThePersonAndTheAlarmFoldsIntoItAgain() {
        String id = openIncident("2026-11-27T09:00:00Z");
        commands.resolve(id, "alice", null);
        int pagesBefore = published.get();

        IncidentCommands.Outcome reopened = commands.reopen(id, "bob");
        AlarmOutcome next = alarms.handle(alarm(AlarmState.ALARM, "2026-11-27T09:07:00Z"));

        assertThat(reopened.incident().status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(reopened.incident().acknowledgedBy()).isEqualTo("bob");
        assertThat(reopened.incident().reopenCount()).isEqualTo(1);
        assertThat(next.kind()).isEqualTo(AlarmOutcome.Kind.DUPLICATE_SUPPRESSED);
        assertThat(next.incidentId()).isEqualTo(id);
        assertThat(published).hasValue(pagesBefore);
    }

    @Test
    void reopen_shouldBeRefused_whenTheAlarmAlreadyHasANewerOpenIncident() {
        String first = openIncident("2026-11-27T09:00:00Z");
        commands.resolve(first, "alice", null);
        String second = alarms.handle(alarm(AlarmState.ALARM, "2026-11-27T09:05:00Z")).incidentId();

        assertThatThrownBy(() -> commands.reopen(first, "bob")).isInstanceOf(IncidentStateException.class)
                .hasMessageContaining("already has open incident #" + second);
        assertThat(store.incident(first).orElseThrow().status()).isEqualTo(IncidentStatus.RESOLVED);
    }

    @Test
    void severityRolesAndNotes_shouldChangeTheIncidentAndTheTimeline() {
        String id = openIncident("2026-11-27T09:00:00Z");

        commands.changeSeverity(id, Severity.SEV1, "alice");
        commands.assignRole(id, "commander", "alice", "alice");
        commands.assignRole(id, "scribe", "carol", "alice");
        commands.addNote(id, "error rate falling after the rollback", "carol");
        IncidentCommands.Outcome same = commands.changeSeverity(id, Severity.SEV1, "bob");

        Incident incident = store.incident(id).orElseThrow();
        assertThat(incident.severity()).isEqualTo(Severity.SEV1);
        assertThat(incident.commander()).isEqualTo("alice");
        assertThat(incident.roles()).containsEntry("scribe", "carol");
        assertThat(same.changed()).isFalse();
        assertThat(store.timeline(id)).extracting(TimelineEntry::type).containsSubsequence(
                TimelineEntryType.SEVERITY_CHANGED, TimelineEntryType.ROLE_ASSIGNED, TimelineEntryType.ROLE_ASSIGNED,
                TimelineEntryType.NOTE);
        assertThat(store.timeline(id).get(store.timeline(id).size() - 1).actor()).isEqualTo("carol");
    }

    @Test
    void declare_shouldOpenAnIncidentWithTheDeclarerAsCommander_andPageTheService() {
        published.set(0);
        IncidentCommands.Outcome declared = commands.declare("Checkout latency over 2 s", Severity.SEV2, "checkout", "alice");

        Incident incident = declared.incident();
        assertThat(incident.status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(incident.commander()).isEqualTo("alice");
        assertThat(incident.fromAlarm()).isFalse();
        assertThat(published).hasValue(1);
        assertThat(store.pages(incident.id())).singleElement().satisfies(p -> {
            assertThat(p.target()).isEqualTo("team-checkout");
            assertThat(p.status()).isEqualTo(PageStatus.SENT);
        });
        assertThatThrownBy(() -> commands.declare("x", Severity.SEV2, "chekout", "alice"))
                .hasMessageContaining("'chekout' is not a configured service; configured: checkout");
    }

    @Test
    void declaresRacingAnAlarm_takeTheNumbersOneToNWithoutGaps() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> ids = new ArrayList<>();
        try {
            ids.add(pool.submit(() -> {
                start.await();
                return openIncident("2026-11-27T09:00:00Z");
            }));
            for (int i = 0; i < 3; i++) {
                String title = "Checkout errors " + i;
                ids.add(pool.submit(() -> {
                    start.await();
                    return commands.declare(title, Severity.SEV2, "checkout", "alice").incident().id();
                }));
            }
            start.countDown();
            List<String> taken = new ArrayList<>();
            for (Future<String> id : ids) {
                taken.add(id.get());
            }

            assertThat(taken).containsExactlyInAnyOrder("1", "2", "3", "4");
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.openIncidents()).extracting(Incident::id).containsExactlyInAnyOrder("1", "2", "3", "4");
        assertThat(commands.declare("Checkout is slow", Severity.SEV3, "checkout", "bob").incident().id()).isEqualTo("5");
    }

    private String openIncident(String at) {
        return alarms.handle(alarm(AlarmState.ALARM, at)).incidentId();
    }

    private static AlarmStateChange alarm(AlarmState state, String at) {
        return new AlarmStateChange("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:checkout-api-5xx-high",
                "checkout-api-5xx-high", "service=checkout", "123456789012", "eu-west-1", AlarmKind.METRIC, state, null,
                "Threshold Crossed", Instant.parse(at), List.of(), List.of(), DeliveryShape.EVENTBRIDGE);
    }
}
