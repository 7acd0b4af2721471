package dev.firebell.function.escalation;

import static dev.firebell.function.escalation.OnCallFixture.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.alarm.AlarmKind;
import dev.firebell.alarm.AlarmState;
import dev.firebell.alarm.AlarmStateChange;
import dev.firebell.alarm.DeliveryShape;
import dev.firebell.aws.Json;
import dev.firebell.aws.dynamodb.DynamoIncidentStore;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.escalation.EscalationState;
import dev.firebell.escalation.EscalationStore;
import dev.firebell.escalation.EscalationStatus;
import dev.firebell.incident.AlarmOutcome;
import dev.firebell.incident.ConcurrentChangeException;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.local.LocalInvocation;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.paging.Page;
import dev.firebell.paging.PageReason;
import dev.firebell.paging.PageStatus;
import dev.firebell.testing.MutableClock;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The escalation function through the real SDK against the emulator, driven the way EventBridge Scheduler
 * drives it: one invocation a minute, each free to wait for work due before the next. Pages are read from
 * SQS queues subscribed to the page topic with each person's filter policy, as their phones would be.
 */
@LocalStackTest
class EscalationIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-11-27T09:00:30Z");
    /** When the scheduled invocations start, each minute: an arbitrary second, like EventBridge's. */
    private static final Duration SWEEP_OFFSET = Duration.ofSeconds(47);

    private final LocalStack local;
    private final LocalResources resources;
    private final MutableClock clock = new MutableClock(T0);
    private final AtomicBoolean crash = new AtomicBoolean(false);
    private final AtomicInteger published = new AtomicInteger();
    private final Map<String, String> inboxes = new LinkedHashMap<>();
    private TestEscalationComponent component;
    private int serial;

    EscalationIntegrationTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @BeforeEach
    void emptyTableFreshInboxesAndTheOnCallConfiguration() {
        String table = resources.tableName("FirebellTable");
        local.dynamoDb().scanPaginator(r -> r.tableName(table)).items().forEach(item ->
                local.dynamoDb().deleteItem(r -> r.tableName(table).key(Map.of("PK", item.get("PK"), "SK", item.get("SK")))));
        for (String target : List.of("person:alice", "person:bob", "person:carol", "person:dave", "person:erin",
                "team-legacy")) {
            inboxes.put(target, subscribe(target));
        }
        component = component();
        component.configStore().apply(OnCallFixture.config(), "test");
    }

    // ------------------------------------------------------------------ levels, repeat, exhaustion, timing

    @Test
    void anUnacknowledgedIncident_escalatesLevelByLevel_repeats_thenIsExhaustedAndTellsTheFallback_eachOnTime() {
        String id = open("checkout-api-5xx-high");
        assertThat(received("person:alice")).as("level 1: alice is on call").hasSize(1);

        sweepEveryMinuteUntil(T0.plus(Duration.ofHours(2)));

        List<Page> pages = component.store().pages(id);
        assertThat(pages).extracting(Page::target).containsExactly(
                "person:alice", "person:dave", "person:alice", "person:dave", "person:erin");
        assertThat(pages).extracting(Page::reason).containsExactly(PageReason.TRIGGERED, PageReason.ESCALATED,
                PageReason.ESCALATED, PageReason.ESCALATED, PageReason.ESCALATION_EXHAUSTED);
        assertThat(pages).allSatisfy(p -> assertThat(p.status()).isEqualTo(PageStatus.SENT));
        // Due: +5 min (level 2), +15 (level 1, pass 2), +20 (level 2, pass 2), +30 (exhausted).
        List<Duration> due = List.of(Duration.ZERO, Duration.ofMinutes(5), Duration.ofMinutes(15),
                Duration.ofMinutes(20), Duration.ofMinutes(30));
        for (int i = 0; i < pages.size(); i++) {
            Duration late = Duration.between(T0.plus(due.get(i)), pages.get(i).sentAt());
            assertThat(late).as("page %d fires within 60 s of its due time", i + 1)
                    .isBetween(Duration.ZERO, Duration.ofSeconds(60));
        }
        assertThat(received("person:alice")).as("level 1, in both passes").hasSize(2);
        assertThat(received("person:dave")).hasSize(2);
        List<Message> fallback = received("person:erin");
        assertThat(fallback).singleElement().satisfies(m ->
                assertThat(m.body()).contains("incident.escalation_exhausted"));
        assertThat(types(id)).containsSubsequence(TimelineEntryType.ESCALATION_NOTE, TimelineEntryType.ESCALATED,
                TimelineEntryType.ESCALATED, TimelineEntryType.ESCALATED, TimelineEntryType.ESCALATION_EXHAUSTED);
        assertThat(component.store().escalation(id)).hasValueSatisfying(e ->
                assertThat(e.status()).isEqualTo(EscalationStatus.EXHAUSTED));
        assertThat(component.escalations().dueEscalations(T0.plus(Duration.ofDays(1)), 10)).as("left the due index").isEmpty();
    }

    // ------------------------------------------------------------------ acknowledgement

    @Test
    void acknowledgement_stopsEscalationAtOnce_andUnacknowledging_repagesTheCurrentLevelThenCarriesOn() {
        String id = open("checkout-api-5xx-high");
        clock.set(T0.plus(Duration.ofMinutes(3)));
        component.incidentCommands().acknowledge(id, "alice");
        assertThat(component.store().escalation(id)).hasValueSatisfying(e ->
                assertThat(e.status()).isEqualTo(EscalationStatus.PAUSED));

        sweepEveryMinuteUntil(T0.plus(Duration.ofHours(1)));
        assertThat(component.store().pages(id)).as("nothing after the ack, ever").hasSize(1);
        assertThat(received("person:dave")).isEmpty();

        clock.set(T0.plus(Duration.ofHours(1)).plusSeconds(5));
        component.incidentCommands().unacknowledge(id, "alice");
        sweepEveryMinuteUntil(T0.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(7)));

        assertThat(component.store().pages(id)).extracting(Page::target)
                .containsExactly("person:alice", "person:alice", "person:dave");
        assertThat(component.store().timeline(id)).filteredOn(e -> e.type() == TimelineEntryType.ESCALATED)
                .first().satisfies(e -> assertThat(e.summary()).contains("again (un-acknowledged)"));
    }

    @Test
    void aStepDecidedBeforeAnAck_andWrittenAfterIt_isRefused_soNoPageIsEverQueuedForAnAcknowledgedIncident() {
        String id = open("checkout-api-5xx-high");
        DynamoIncidentStore store = component.store();
        EscalationStore escalations = component.escalations();
        EscalationState before = store.escalation(id).orElseThrow();
        component.incidentCommands().acknowledge(id, "alice");

        // A sweep that read the escalation before the ack tries to write its step: the write must fail whole.
        EscalationState stale = before.paged(1, T0.plus(Duration.ofMinutes(15)), Duration.ofMinutes(10), 1);
        Page page = Page.pending(id, before.nextPageSequence(), "person:dave", PageReason.ESCALATED, clock.instant(),
                clock.instant().plusSeconds(60), "token");
        assertThatThrownBy(() -> escalations.save(stale, List.of(page), List.of(), null, true))
                .isInstanceOf(ConcurrentChangeException.class);
        // Even with the escalation's version right, the incident's status check refuses it.
        EscalationState current = store.escalation(id).orElseThrow();
        EscalationState fresh = new EscalationState(id, current.policy(), EscalationStatus.ACTIVE, 1, 0,
                clock.instant(), Duration.ofMinutes(5), current.nextPageSequence(), current.version());
        assertThatThrownBy(() -> escalations.save(fresh, List.of(page), List.of(), null, true))
                .isInstanceOf(ConcurrentChangeException.class);

        assertThat(store.pages(id)).hasSize(1);
    }

    @Test
    void resolvingTheIncident_stopsItsEscalation() {
        String id = open("checkout-api-5xx-high");
        clock.set(T0.plus(Duration.ofMinutes(2)));
        component.incidentCommands().resolve(id, "alice", "rolled back");
        sweepEveryMinuteUntil(T0.plus(Duration.ofMinutes(40)));
        assertThat(component.store().pages(id)).hasSize(1);
        assertThat(component.store().escalation(id)).hasValueSatisfying(e ->
                assertThat(e.status()).isEqualTo(EscalationStatus.STOPPED));
    }

    // ------------------------------------------------------------------ idempotency

    @Test
    void eightSweepsRunningAtOnce_takeTheDueStepOnce_andARerunDoesNothing() throws Exception {
        String id = open("checkout-api-5xx-high");
        clock.set(T0.plus(Duration.ofMinutes(5)).plusSeconds(1));
        published.set(0);

        List<Integer> steps = concurrently(8, () -> component().escalationEngine().runDue(100).stepsTaken());

        assertThat(steps.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
        assertThat(component.escalationEngine().runDue(100).stepsTaken()).isZero();
        assertThat(published).hasValue(1);
        assertThat(received("person:dave")).hasSize(1);
        assertThat(types(id)).filteredOn(t -> t == TimelineEntryType.ESCALATED).hasSize(1);
    }

    @Test
    void aCrashAfterTheEscalationWriteAndBeforeThePublish_isPagedOnceByALaterSweep() {
        String id = open("checkout-api-5xx-high");
        clock.set(T0.plus(Duration.ofMinutes(5)).plusSeconds(1));
        crash.set(true);
        assertThatThrownBy(() -> component.escalationEngine().runDue(100))
                .isInstanceOf(TestEscalationComponent.SimulatedCrash.class);
        crash.set(false);
        assertThat(component.store().pages(id)).last().satisfies(p -> assertThat(p.status()).isEqualTo(PageStatus.PENDING));

        sweepEveryMinuteUntil(T0.plus(Duration.ofMinutes(9)));
        assertThat(received("person:dave")).hasSize(1);
        assertThat(component.store().pages(id)).extracting(Page::target).containsExactly("person:alice", "person:dave");
    }

    @Test
    void anEscalationThatFails_doesNotHoldUpTheOthersDueInTheSameRun() {
        String broken = open("checkout-api-5xx-high");
        String healthy = open("checkout-db-cpu");
        // The broken incident's item is unreadable (as if written by hand): its step throws every time.
        local.dynamoDb().updateItem(r -> r.tableName(resources.tableName("FirebellTable"))
                .key(Map.of("PK", AttributeValue.fromS("INCIDENT#" + broken), "SK", AttributeValue.fromS("INCIDENT")))
                .updateExpression("SET severity = :bad")
                .expressionAttributeValues(Map.of(":bad", AttributeValue.fromS("SEV9"))));
        clock.set(T0.plus(Duration.ofMinutes(5)).plusSeconds(1));

        assertThatThrownBy(() -> component.escalationEngine().runDue(100)).isInstanceOf(IllegalArgumentException.class);

        assertThat(component.store().pages(healthy)).extracting(Page::target)
                .containsExactly("person:alice", "person:dave");
    }

    // ------------------------------------------------------------------ quiet hours

    @Test
    void aLowSeverityIncidentAtNight_waitsForThePersonsDaytime_andItsEscalationClockStartsThen() {
        Instant night = Instant.parse("2026-11-27T01:00:00Z"); // 02:00 in Paris; bob's turn from the 26th
        clock.set(night);
        component.configStore().apply(OnCallFixture.config(map(), "2026-11-26"), "test");
        String id = open("lowsev-disk-space-warning");

        assertThat(received("person:alice")).isEmpty();
        assertThat(component.store().pages(id)).singleElement().satisfies(p -> {
            assertThat(p.target()).isEqualTo("person:alice");
            assertThat(p.status()).isEqualTo(PageStatus.PENDING);
            assertThat(p.dueAt()).as("08:00 Paris").isEqualTo(Instant.parse("2026-11-27T07:00:00Z"));
        });
        assertThat(component.store().timeline(id)).filteredOn(e -> e.type() == TimelineEntryType.PAGE_DEFERRED)
                .singleElement().satisfies(e -> assertThat(e.summary()).contains("08:00 Europe/Paris"));

        sweepEveryMinuteUntil(Instant.parse("2026-11-27T06:58:00Z"));
        assertThat(received("person:alice")).isEmpty();
        sweepEveryMinuteUntil(Instant.parse("2026-11-27T07:01:00Z"));
        assertThat(received("person:alice")).hasSize(1);

        // Level 2 is due 5 min after alice's page was delivered; dave is in New York, where it is 02:05.
        sweepEveryMinuteUntil(Instant.parse("2026-11-27T07:07:00Z"));
        assertThat(component.store().pages(id)).last().satisfies(p -> {
            assertThat(p.target()).isEqualTo("person:dave");
            assertThat(p.dueAt()).as("08:00 New York").isEqualTo(Instant.parse("2026-11-27T13:00:00Z"));
        });
        assertThat(received("person:dave")).isEmpty();
    }

    // ------------------------------------------------------------------ maintenance

    @Test
    void aPageHeldForDaytime_thatComesDueInsideAMaintenanceWindow_waitsForTheWindowToEnd() {
        clock.set(Instant.parse("2026-11-27T01:00:00Z"));
        component.configStore().apply(OnCallFixture.config(map("morning", map("services", List.of("checkout"),
                "start", "2026-11-27T06:30", "end", "2026-11-27T07:30")), "2026-11-26"), "test");
        String id = open("lowsev-disk-space-warning");

        sweepEveryMinuteUntil(Instant.parse("2026-11-27T07:29:00Z"));
        assertThat(received("person:alice")).isEmpty();
        assertThat(component.store().timeline(id)).filteredOn(e -> e.type() == TimelineEntryType.MAINTENANCE)
                .anySatisfy(e -> assertThat(e.summary()).contains("held until 2026-11-27T07:30:00Z"));
        sweepEveryMinuteUntil(Instant.parse("2026-11-27T07:31:00Z"));
        assertThat(received("person:alice")).hasSize(1);
    }

    @Test
    void anIncidentOpenedInMaintenance_pagesNobodyAndSaysWhy_thenPagesWhenTheWindowEnds() {
        component.configStore().apply(OnCallFixture.config(map("deploy", map("services", List.of("checkout"),
                "reason", "release 42", "start", "2026-11-27T08:50", "end", "2026-11-27T09:30")), "2026-11-27"), "test");
        String id = open("checkout-api-5xx-high");

        assertThat(received("person:alice")).isEmpty();
        assertThat(component.store().pages(id)).isEmpty();
        assertThat(component.store().timeline(id)).filteredOn(e -> e.type() == TimelineEntryType.MAINTENANCE)
                .singleElement().satisfies(e -> assertThat(e.summary()).contains("maintenance 'deploy'")
                        .contains("release 42").contains("nobody paged"));

        sweepEveryMinuteUntil(Instant.parse("2026-11-27T09:29:00Z"));
        assertThat(received("person:alice")).isEmpty();
        sweepEveryMinuteUntil(Instant.parse("2026-11-27T09:31:00Z"));
        assertThat(received("person:alice")).as("still unacknowledged when the window ended").hasSize(1);
    }

    @Test
    void aRecurringWindowThatStartsDuringAnEscalation_holdsItUntilTheWindowEnds() {
        // Every day 09:03-09:23 UTC.
        component.configStore().apply(OnCallFixture.config(map("nightly", map("services", "all", "cron", "3 9 * * *",
                "duration", "20m")), "2026-11-27"), "test");
        String id = open("checkout-api-5xx-high");
        assertThat(received("person:alice")).hasSize(1);

        sweepEveryMinuteUntil(Instant.parse("2026-11-27T09:22:00Z"));
        assertThat(received("person:dave")).as("level 2 was due at 09:05:30, inside the window").isEmpty();
        sweepEveryMinuteUntil(Instant.parse("2026-11-27T09:24:00Z"));
        assertThat(component.store().pages(id)).extracting(Page::target).containsExactly("person:alice", "person:dave");
        assertThat(component.store().pages(id).get(1).sentAt()).isBetween(Instant.parse("2026-11-27T09:23:00Z"),
                Instant.parse("2026-11-27T09:24:00Z"));
    }

    // ------------------------------------------------------------------ by hand, fallbacks, overrides, gaps

    @Test
    void escalateNow_pagesTheNextLevelAtOnce_andRetriggersAnAcknowledgedIncident() {
        String id = open("checkout-api-5xx-high");
        clock.set(T0.plusSeconds(60));
        component.incidentCommands().acknowledge(id, "alice");

        var outcome = component.escalationEngine().escalateNow(id, "alice");

        assertThat(outcome.incident().status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(outcome.message()).contains("by alice").contains("Dave");
        assertThat(received("person:dave")).hasSize(1);
        assertThat(component.store().escalation(id)).hasValueSatisfying(e -> {
            assertThat(e.status()).isEqualTo(EscalationStatus.ACTIVE);
            assertThat(e.nextAt()).isEqualTo(T0.plusSeconds(60).plus(Duration.ofMinutes(10)));
        });
    }

    @Test
    void aServiceWithoutAPolicy_pagesItsFixedTargetOnce_andTheTimelineSaysSo() {
        String id = open("legacy-queue-depth");
        sweepEveryMinuteUntil(T0.plus(Duration.ofMinutes(30)));
        assertThat(received("team-legacy")).hasSize(1);
        assertThat(component.store().escalation(id)).isEmpty();
        assertThat(component.store().timeline(id)).filteredOn(e -> e.type() == TimelineEntryType.ESCALATION_NOTE)
                .singleElement().satisfies(e -> assertThat(e.summary()).contains("has no escalation policy")
                        .contains("'team-legacy'"));
    }

    @Test
    void whoeverTookTheShiftByOverride_isPaged() {
        component.onCall().override("primary", "bob", T0.minusSeconds(600), Duration.ofHours(2), "alice", "dentist");
        String id = open("checkout-api-5xx-high");
        assertThat(received("person:bob")).hasSize(1);
        assertThat(received("person:alice")).isEmpty();
        assertThat(component.store().timeline(id)).filteredOn(e -> e.type() == TimelineEntryType.ESCALATION_NOTE)
                .singleElement().satisfies(e -> assertThat(e.summary()).contains("Bob").contains("override"));
    }

    @Test
    void aLevelWithNobodyOnCall_isSkippedAtOnce() {
        component.configStore().apply(OnCallFixture.config(map(), "2026-12-25"), "test"); // rotation not started yet
        String id = open("checkout-api-5xx-high");
        assertThat(received("person:dave")).hasSize(1);
        assertThat(types(id)).contains(TimelineEntryType.NOBODY_ON_CALL);
    }

    // ------------------------------------------------------------------ helpers

    private TestEscalationComponent component() {
        return DaggerTestEscalationComponent.builder()
                .environment(new FunctionEnvironment(resources.environmentOf("EscalationFunction")))
                .clock(clock).crash(crash).published(published).build();
    }

    private String open(String alarmName) {
        AlarmOutcome outcome = component.alarmService().handle(new AlarmStateChange(
                "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:" + alarmName, alarmName, null, "123456789012",
                "eu-west-1", AlarmKind.METRIC, AlarmState.ALARM, AlarmState.OK, "Threshold Crossed",
                clock.instant().minusSeconds(30), List.of(), List.of(), DeliveryShape.EVENTBRIDGE));
        assertThat(outcome.kind()).isEqualTo(AlarmOutcome.Kind.OPENED);
        return outcome.incidentId();
    }

    /** One handler invocation per minute (at second 47), as the schedule would, until {@code until}. */
    private void sweepEveryMinuteUntil(Instant until) {
        EscalationHandler handler = new EscalationHandler(component.escalationEngine(), component.pageDispatcher(),
                clock, d -> clock.advance(d));
        Instant next = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plus(SWEEP_OFFSET);
        while (!next.isAfter(until)) {
            if (next.isAfter(clock.instant())) {
                clock.set(next);
            }
            if (!clock.instant().isAfter(next.plusSeconds(59))) {
                invoke(handler);
            }
            next = next.plusSeconds(60);
        }
        if (clock.instant().isBefore(until)) {
            clock.set(until);
        }
    }

    private String invoke(EscalationHandler handler) {
        String result = LocalInvocation.invoke(handler, "{}".getBytes(StandardCharsets.UTF_8),
                new ClockContext(clock, Duration.ofSeconds(70)));
        try {
            Json.readObject(result);
        } catch (IOException e) {
            throw new AssertionError("handler wrote no JSON: " + result, e);
        }
        return result;
    }

    private <T> List<T> concurrently(int n, Callable<T> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<TimelineEntryType> types(String id) {
        return component.store().timeline(id).stream().map(TimelineEntry::type).toList();
    }

    private String subscribe(String target) {
        return local.subscribeQueue(resources.topicArn("PageTopic"), "esc-" + System.nanoTime() + "-" + serial++,
                "{\"target\":[\"" + target + "\"]}");
    }

    /** Every page the target's queue has received so far (kept, so later calls see them again). */
    private List<Message> received(String target) {
        String url = inboxes.get(target);
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = local.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                    .visibilityTimeout(0).waitTimeSeconds(0)).messages();
            if (batch.isEmpty() || all.size() > 50) {
                return all;
            }
            for (Message m : batch) {
                if (all.stream().noneMatch(a -> a.messageId().equals(m.messageId()))) {
                    all.add(m);
                }
            }
            if (batch.size() < 10) {
                return all;
            }
        }
    }
}
