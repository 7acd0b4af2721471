package dev.firebell.function.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.alarm.MalformedAlarmException;
import dev.firebell.aws.dynamodb.DynamoIncidentStore;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalInvocation;
import dev.firebell.local.LocalLambdaContext;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.paging.Page;
import dev.firebell.paging.PageStatus;
import dev.firebell.testing.MutableClock;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The alarm function through the real SDK against the emulator: what the issue calls "nothing lost,
 * nothing doubled". Every test starts on a freshly provisioned, empty table and topic.
 */
@LocalStackTest
class AlarmIngestIntegrationTest {

    private static final String ARN = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:";

    private final LocalStack local;
    private final LocalResources resources;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T09:00:30Z"));
    private final AtomicBoolean crash = new AtomicBoolean(false);
    private String inbox;
    private int queueSerial;

    AlarmIngestIntegrationTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @BeforeEach
    void emptyTableAndFreshInbox() {
        // One class shares one provisioned stack; each test starts from an empty table and its own inbox.
        String table = table();
        local.emptyTable(table);
        inbox = subscribeInbox();
    }

    // ------------------------------------------------------------------ dedup and redelivery

    @Test
    void theSameStateChange_inAllThreeShapesAndTwiceEach_givesOneIncidentAndOnePage() {
        AlarmIngestHandler handler = handler();
        for (int round = 0; round < 2; round++) {
            invoke(handler, AlarmEvents.fixture("eventbridge/metric-alarm.json"));
            invoke(handler, AlarmEvents.fixture("sns/metric-alarm.json"));
            invoke(handler, AlarmEvents.fixture("alarm-action/metric-alarm.json"));
        }

        List<Incident> open = store().openIncidents();
        assertThat(open).singleElement().satisfies(i -> {
            assertThat(i.alarmCount()).isEqualTo(1);
            assertThat(i.status()).isEqualTo(IncidentStatus.TRIGGERED);
        });
        assertThat(drainInbox()).hasSize(1);
        // No escalation policy is configured here: the timeline says the fixed target was paged instead.
        assertThat(types(open.get(0).id())).containsExactly(TimelineEntryType.OPENED, TimelineEntryType.ESCALATION_NOTE,
                TimelineEntryType.PAGED);
    }

    @Test
    void aRepeatedAlarm_foldsIntoTheOpenIncident_withCountLastSeenAndATimelineEntry() {
        AlarmIngestHandler handler = handler();
        invoke(handler, AlarmEvents.eventBridge("checkout-api-5xx-high", "ALARM", "2026-11-27T09:00:00.000+0000"));
        clock.advance(Duration.ofMinutes(5));
        invoke(handler, AlarmEvents.eventBridge("checkout-api-5xx-high", "ALARM", "2026-11-27T09:05:00.000+0000"));

        Incident incident = store().openIncidents().get(0);
        assertThat(incident.alarmCount()).isEqualTo(2);
        assertThat(incident.lastSeenAt()).isEqualTo(clock.instant());
        assertThat(types(incident.id())).containsExactly(TimelineEntryType.OPENED, TimelineEntryType.ESCALATION_NOTE,
                TimelineEntryType.PAGED,
                TimelineEntryType.DUPLICATE_SUPPRESSED);
        assertThat(drainInbox()).hasSize(1);
    }

    @Test
    void sixteenConcurrentDeliveriesOfOneEvent_giveOneIncidentAndOnePage() throws Exception {
        byte[] event = AlarmEvents.eventBridge("payments-db-cpu", "ALARM", "2026-11-27T09:00:00.000+0000");
        List<String> outcomes = concurrently(16, i -> event);

        assertThat(kinds(outcomes)).containsExactlyInAnyOrderEntriesOf(Map.of("OPENED", 1L, "REDELIVERY", 15L));
        assertThat(store().openIncidents()).singleElement().satisfies(i -> {
            assertThat(i.alarmCount()).isEqualTo(1);
            assertThat(i.id()).as("the deliveries that lost the race took no number").isEqualTo("1");
        });
        assertThat(drainInbox()).hasSize(1);
        assertThat(theNextIncidentsId()).isEqualTo("2");
    }

    @Test
    void sixteenConcurrentDifferentAlarmsOfOneKey_giveOneIncidentFifteenDuplicatesAndOnePage() throws Exception {
        List<String> outcomes = concurrently(16, i -> AlarmEvents.eventBridge("payments-db-cpu", "ALARM",
                String.format("2026-11-27T09:00:%02d.000+0000", i)));

        // A transaction whose response is lost is retried by the SDK and then reads as a REDELIVERY of its
        // own (already applied) event: the label differs, the effect is the same, so count effects.
        Map<String, Long> kinds = kinds(outcomes);
        assertThat(kinds).containsEntry("OPENED", 1L);
        assertThat(kinds.keySet()).isSubsetOf("OPENED", "DUPLICATE_SUPPRESSED", "REDELIVERY");
        assertThat(kinds.getOrDefault("DUPLICATE_SUPPRESSED", 0L) + kinds.getOrDefault("REDELIVERY", 0L)).isEqualTo(15);
        Incident incident = store().openIncidents().get(0);
        assertThat(store().openIncidents()).hasSize(1);
        assertThat(incident.id()).as("the alarms that lost the race took no number").isEqualTo("1");
        assertThat(incident.alarmCount()).isEqualTo(16);
        assertThat(types(incident.id())).filteredOn(t -> t == TimelineEntryType.DUPLICATE_SUPPRESSED).hasSize(15);
        assertThat(drainInbox()).hasSize(1);
        assertThat(theNextIncidentsId()).isEqualTo("2");
    }

    /** Another alarm, after the first one's grouping window: it opens the next incident. */
    private String theNextIncidentsId() {
        String out = invoke(handler(), AlarmEvents.eventBridge("orders-queue-depth", "ALARM",
                "2026-11-27T09:10:00.000+0000"));
        assertThat(out).contains("\"OPENED\"");
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"incidentId\":\"([^\"]+)\"").matcher(out);
        assertThat(id.find()).as("an incident in " + out).isTrue();
        return id.group(1);
    }

    // ------------------------------------------------------------------ resolve, order, flapping

    @Test
    void anOkOlderThanTheAlarm_doesNotCloseIt_andANewerOneDoes() {
        AlarmIngestHandler handler = handler();
        invoke(handler, AlarmEvents.eventBridge("checkout-api-5xx-high", "ALARM", "2026-11-27T09:00:00.000+0000"));
        invoke(handler, AlarmEvents.eventBridge("checkout-api-5xx-high", "OK", "2026-11-27T08:59:59.999+0000"));

        Incident incident = store().openIncidents().get(0);
        assertThat(incident.status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(types(incident.id())).contains(TimelineEntryType.OUT_OF_ORDER_IGNORED);

        invoke(handler, AlarmEvents.eventBridge("checkout-api-5xx-high", "OK", "2026-11-27T09:12:00.000+0000"));
        Incident resolved = store().incident(incident.id()).orElseThrow();
        assertThat(resolved.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(resolved.resolvedAt()).isEqualTo(Instant.parse("2026-11-27T09:12:00Z"));
        assertThat(resolved.resolvedBy()).isEqualTo("alarm");
        assertThat(store().openIncidents()).isEmpty();
    }

    @Test
    void anAlarmWhoseOkArrivedFirst_isRecordedResolvedAndPagesNobody() {
        AlarmIngestHandler handler = handler();
        invoke(handler, AlarmEvents.eventBridge("checkout-api-5xx-high", "OK", "2026-11-27T09:12:00.000+0000"));
        String out = invoke(handler, AlarmEvents.eventBridge("checkout-api-5xx-high", "ALARM", "2026-11-27T09:00:00.000+0000"));

        assertThat(out).contains("OPENED_RECOVERED");
        assertThat(store().openIncidents()).isEmpty();
        assertThat(drainInbox()).isEmpty();
    }

    @Test
    void aFlapWithinTheReopenWindow_reopensTheIncident_andAfterTheWindowOpensANewOne() {
        AlarmIngestHandler handler = handler();
        invoke(handler, AlarmEvents.eventBridge("checkout-api-5xx-high", "ALARM", "2026-11-27T09:00:00.000+0000"));
        invoke(handler, AlarmEvents.eventBridge("checkout-api-5xx-high", "OK", "2026-11-27T09:10:00.000+0000"));
        invoke(handler, AlarmEvents.eventBridge("checkout-api-5xx-high", "ALARM", "2026-11-27T09:14:00.000+0000"));

        List<Incident> open = store().openIncidents();
        assertThat(open).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo("1");
            assertThat(i.reopenCount()).isEqualTo(1);
            assertThat(i.status()).isEqualTo(IncidentStatus.TRIGGERED);
        });
        assertThat(types("1")).containsSubsequence(TimelineEntryType.RESOLVED, TimelineEntryType.REOPENED);
        assertThat(drainInbox()).as("a flap pages nobody again").hasSize(1);

        invoke(handler, AlarmEvents.eventBridge("checkout-api-5xx-high", "OK", "2026-11-27T09:20:00.000+0000"));
        invoke(handler, AlarmEvents.eventBridge("checkout-api-5xx-high", "ALARM", "2026-11-27T09:40:00.000+0000"));
        assertThat(store().openIncidents()).singleElement().satisfies(i -> assertThat(i.id()).isEqualTo("2"));
        assertThat(drainInbox()).as("outside the 15 min window a new incident is paged").hasSize(1);
    }

    // ------------------------------------------------------------------ pages survive crashes and SNS failures

    @Test
    void aCrashAfterTheWriteAndBeforeThePublish_isPagedByTheSweepOnceTheLeaseRunsOut() {
        TestAlarmComponent component = component(environment());
        crash.set(true);
        assertThatThrownBy(() -> invoke(new AlarmIngestHandler(component.alarmService()),
                AlarmEvents.eventBridge("payments-db-cpu", "ALARM", "2026-11-27T09:00:00.000+0000")))
                .isInstanceOf(TestAlarmComponent.SimulatedCrash.class);
        crash.set(false);

        Incident incident = store().openIncidents().get(0);
        assertThat(store().pages(incident.id())).singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo(PageStatus.PENDING));
        assertThat(component.pageDispatcher().redriveDue(100).sent()).as("the lease still holds").isZero();

        clock.advance(Duration.ofSeconds(61));
        assertThat(component.pageDispatcher().redriveDue(100).sent()).isEqualTo(1);
        assertThat(component.pageDispatcher().redriveDue(100).sent()).as("and never again").isZero();

        assertThat(drainInbox()).hasSize(1);
        assertThat(store().pages(incident.id())).singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo(PageStatus.SENT));
    }

    @Test
    void aCrashAfterTheWrite_isPagedByLambdasRetryOfTheSameEvent() {
        byte[] event = AlarmEvents.eventBridge("payments-db-cpu", "ALARM", "2026-11-27T09:00:00.000+0000");
        TestAlarmComponent component = component(environment());
        AlarmIngestHandler handler = new AlarmIngestHandler(component.alarmService());
        crash.set(true);
        assertThatThrownBy(() -> invoke(handler, event)).isInstanceOf(TestAlarmComponent.SimulatedCrash.class);
        crash.set(false);

        clock.advance(Duration.ofMinutes(1).plusSeconds(1)); // Lambda's first async retry
        String out = invoke(handler, event);
        assertThat(out).contains("REDELIVERY").contains("\"pagesSent\":1");
        invoke(handler, event);

        assertThat(drainInbox()).hasSize(1);
        assertThat(store().openIncidents()).singleElement().satisfies(i -> assertThat(i.alarmCount()).isEqualTo(1));
    }

    @Test
    void anSnsFailure_leavesThePagePendingAndRecorded_andTheSweepSendsItLater() {
        Map<String, String> broken = new HashMap<>(resources.environmentOf("AlarmIngestFunction"));
        broken.put("PAGE_TOPIC_ARN", resources.topicArn("PageTopic") + "-deleted");
        String out = invoke(new AlarmIngestHandler(component(new FunctionEnvironment(broken)).alarmService()),
                AlarmEvents.eventBridge("payments-db-cpu", "ALARM", "2026-11-27T09:00:00.000+0000"));

        assertThat(out).contains("\"OPENED\"").contains("\"pagesFailed\":1");
        Incident incident = store().openIncidents().get(0);
        Page page = store().pages(incident.id()).get(0);
        assertThat(page.status()).isEqualTo(PageStatus.PENDING);
        assertThat(page.attempts()).isEqualTo(1);
        assertThat(store().timeline(incident.id())).extracting(TimelineEntry::type).contains(TimelineEntryType.PAGE_FAILED);

        clock.advance(Duration.ofSeconds(61));
        assertThat(component(environment()).pageDispatcher().redriveDue(100).sent()).isEqualTo(1);
        assertThat(drainInbox()).hasSize(1);
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void everyMalformedFixture_failsWithAClearErrorAndWritesNothing() throws IOException {
        AlarmIngestHandler handler = handler();
        List<Path> fixtures;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/events/malformed"))) {
            fixtures = files.sorted().toList();
        }
        assertThat(fixtures).hasSizeGreaterThan(5);
        for (Path fixture : fixtures) {
            assertThatThrownBy(() -> invoke(handler, Files.readAllBytes(fixture)))
                    .as(fixture.getFileName().toString())
                    .isInstanceOf(MalformedAlarmException.class)
                    .hasMessageFindingMatch("[A-Za-z]");
        }
        assertThat(local.dynamoDb().scan(r -> r.tableName(table())).count()).isZero();
        assertThat(drainInbox()).isEmpty();
    }

    @Test
    void aBatchWithOneBadRecord_isRejectedWhole() {
        assertThatThrownBy(() -> invoke(handler(), AlarmEvents.fixture("malformed/sns-second-record-bad-state.json")))
                .isInstanceOf(MalformedAlarmException.class).hasMessageContaining("Records[1]");
        assertThat(local.dynamoDb().scan(r -> r.tableName(table())).count()).isZero();
    }

    // ------------------------------------------------------------------ helpers

    private AlarmIngestHandler handler() {
        return new AlarmIngestHandler(component(environment()).alarmService());
    }

    private FunctionEnvironment environment() {
        return new FunctionEnvironment(resources.environmentOf("AlarmIngestFunction"));
    }

    private TestAlarmComponent component(FunctionEnvironment environment) {
        return DaggerTestAlarmComponent.builder().environment(environment).clock(clock).crash(crash).build();
    }

    private DynamoIncidentStore store() {
        return component(environment()).store();
    }

    private String table() {
        return resources.tableName("FirebellTable");
    }

    private static String invoke(AlarmIngestHandler handler, byte[] event) {
        return LocalInvocation.invoke(handler, event, new LocalLambdaContext("AlarmIngestFunction", 30, System.err));
    }

    /** Separate handler instances (as separate Lambda environments), released at the same instant. */
    private List<String> concurrently(int n, java.util.function.IntFunction<byte[]> events) throws Exception {
        List<AlarmIngestHandler> handlers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            handlers.add(handler());
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                AlarmIngestHandler h = handlers.get(i);
                byte[] event = events.apply(i);
                Callable<String> task = () -> {
                    start.await();
                    return invoke(h, event);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Long> kinds(List<String> outcomes) {
        Map<String, Long> kinds = new java.util.TreeMap<>();
        for (String o : outcomes) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"outcome\":\"([A-Z_]+)\"").matcher(o);
            while (m.find()) {
                kinds.merge(m.group(1), 1L, Long::sum);
            }
        }
        return kinds;
    }

    private List<TimelineEntryType> types(String incidentId) {
        return store().timeline(incidentId).stream().map(TimelineEntry::type).toList();
    }

    private String subscribeInbox() {
        return local.subscribeQueue(resources.topicArn("PageTopic"), "inbox-" + System.nanoTime() + "-" + queueSerial++,
                null);
    }

    private List<Message> drainInbox() {
        return local.drainQueue(inbox, 1);
    }
}
