package dev.firebell.function.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.aws.dynamodb.DynamoIncidentStore;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.incident.AlarmGroup;
import dev.firebell.incident.AlarmTrack;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.local.LocalInvocation;
import dev.firebell.local.LocalLambdaContext;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.testing.MutableClock;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Grouping (ADR 0040) through the real handler and the real SDK against the emulator: a storm of different alarms of
 * one service is one incident and one page, however they race; each alarm's own OK, duplicates and flaps still count
 * per alarm. No configuration is applied unless a test says so: every alarm routes to service {@code default}, which
 * groups within the default 5 minutes.
 */
@LocalStackTest
class AlarmGroupingIntegrationTest {

    private static final String ARN = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:";

    private final LocalStack local;
    private final LocalResources resources;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T09:00:30Z"));
    private String inbox;
    private int queueSerial;

    AlarmGroupingIntegrationTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @BeforeEach
    void emptyTableAndFreshInbox() {
        local.emptyTable(table());
        inbox = subscribeInbox();
    }

    @Test
    void twelveDifferentAlarmsOfOneService_arrivingAtOnce_giveOneIncidentAndOnePage() throws Exception {
        List<String> outcomes = concurrently(12, i -> event("orders-alarm-" + i, "ALARM",
                String.format("2026-11-27T09:00:%02d.000+0000", i)));

        // A transaction whose response is lost is retried by the SDK and reads as a REDELIVERY of its own event.
        Map<String, Long> kinds = kinds(outcomes);
        assertThat(kinds).containsEntry("OPENED", 1L);
        assertThat(kinds.keySet()).isSubsetOf("OPENED", "GROUPED", "REDELIVERY");
        List<Incident> open = store().openIncidents();
        assertThat(open).singleElement().satisfies(i -> {
            assertThat(i.id()).as("the alarms that lost the race to open it took no number").isEqualTo("1");
            assertThat(i.alarmCount()).isEqualTo(12);
            assertThat(i.group().inAlarm()).isEqualTo(12);
            assertThat(i.group().members()).isEqualTo(12);
            assertThat(i.group().memberNames()).hasSize(12).doesNotHaveDuplicates();
        });
        assertThat(types(open.get(0).id())).filteredOn(t -> t == TimelineEntryType.GROUPED).hasSize(11);
        assertThat(drainInbox()).hasSize(1);
        for (int i = 0; i < 12; i++) {
            AlarmTrack track = store().track(ARN + "orders-alarm-" + i);
            assertThat(track.incidentId()).isEqualTo(open.get(0).id());
            assertThat(track.open()).isTrue();
        }
    }

    @Test
    void anAlarmThatFiresWhenTheWindowHasEnded_opensAndPagesANewIncident_whichLaterAlarmsJoin() {
        AlarmIngestHandler handler = handler();
        String first = incidentOf(invoke(handler, event("orders-api-5xx", "ALARM", "2026-11-27T09:00:00.000+0000")));
        String joined = incidentOf(invoke(handler, event("orders-api-latency", "ALARM", "2026-11-27T09:04:59.999+0000")));
        String second = incidentOf(invoke(handler, event("orders-db-cpu", "ALARM", "2026-11-27T09:05:00.000+0000")));
        String third = incidentOf(invoke(handler, event("orders-queue-age", "ALARM", "2026-11-27T09:06:00.000+0000")));

        assertThat(joined).isEqualTo(first);
        assertThat(second).isNotEqualTo(first);
        assertThat(third).isEqualTo(second);
        assertThat(store().openIncidents()).hasSize(2);
        assertThat(drainInbox()).hasSize(2);
        // The first incident's alarms are still its own: a duplicate of one folds there, not into the new one.
        assertThat(kinds(List.of(invoke(handler, event("orders-api-latency", "ALARM",
                "2026-11-27T09:07:00.000+0000"))))).containsOnlyKeys("DUPLICATE_SUPPRESSED");
        assertThat(store().incident(first).orElseThrow().alarmCount()).isEqualTo(3);
    }

    @Test
    void theGroupedIncident_staysOpenUntilItsLastAlarmReturnsToOk_andResolvesThen() {
        AlarmIngestHandler handler = handler();
        String id = incidentOf(invoke(handler, event("orders-api-5xx", "ALARM", "2026-11-27T09:00:00.000+0000")));
        invoke(handler, event("orders-api-latency", "ALARM", "2026-11-27T09:01:00.000+0000"));
        invoke(handler, event("orders-db-cpu", "ALARM", "2026-11-27T09:02:00.000+0000"));

        assertThat(kinds(List.of(invoke(handler, event("orders-api-5xx", "OK", "2026-11-27T09:05:00.000+0000")))))
                .containsOnlyKeys("GROUPED_OK");
        invoke(handler, event("orders-db-cpu", "OK", "2026-11-27T09:06:00.000+0000"));
        Incident stillOpen = store().incident(id).orElseThrow();
        assertThat(stillOpen.status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(stillOpen.group().inAlarm()).isEqualTo(1);

        assertThat(kinds(List.of(invoke(handler, event("orders-api-latency", "OK", "2026-11-27T09:07:00.000+0000")))))
                .containsOnlyKeys("RESOLVED");
        Incident resolved = store().incident(id).orElseThrow();
        assertThat(resolved.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(resolved.resolvedBy()).isEqualTo("alarm");
        assertThat(resolved.resolvedAt()).isEqualTo(Instant.parse("2026-11-27T09:07:00Z"));
        assertThat(resolved.group()).isEqualTo(new AlarmGroup(0, 3,
                List.of("orders-api-5xx", "orders-api-latency", "orders-db-cpu")));
        assertThat(types(id)).containsSubsequence(TimelineEntryType.OPENED, TimelineEntryType.GROUPED,
                TimelineEntryType.GROUPED, TimelineEntryType.GROUPED_OK, TimelineEntryType.GROUPED_OK,
                TimelineEntryType.RESOLVED);
        assertThat(lastEntry(id).summary()).contains("all 3 grouped alarms are OK; resolved automatically");

        // The storm is over: a new alarm within the old window opens (and pages) a new incident.
        String next = incidentOf(invoke(handler, event("orders-queue-age", "ALARM", "2026-11-27T09:03:00.000+0000")));
        assertThat(next).isNotEqualTo(id);
        assertThat(drainInbox()).hasSize(2);
    }

    @Test
    void insideAGroup_eachAlarmKeepsItsOwnDedupOrderAndFlapRules() {
        AlarmIngestHandler handler = handler();
        String id = incidentOf(invoke(handler, event("orders-api-5xx", "ALARM", "2026-11-27T09:00:00.000+0000")));
        byte[] latency = event("orders-api-latency", "ALARM", "2026-11-27T09:01:00.000+0000");

        assertThat(kinds(List.of(invoke(handler, latency), invoke(handler, latency), invoke(handler, latency))))
                .isEqualTo(Map.of("GROUPED", 1L, "REDELIVERY", 2L));
        assertThat(kinds(List.of(invoke(handler, event("orders-api-latency", "ALARM", "2026-11-27T09:01:30.000+0000")))))
                .containsOnlyKeys("DUPLICATE_SUPPRESSED");
        // An OK older than that member's last ALARM does not count it out.
        assertThat(kinds(List.of(invoke(handler, event("orders-api-latency", "OK", "2026-11-27T09:01:10.000+0000")))))
                .containsOnlyKeys("NOTED");
        assertThat(store().incident(id).orElseThrow().group().inAlarm()).isEqualTo(2);
        // Its own OK, then back in ALARM while the incident is open: counted again, nobody paged.
        invoke(handler, event("orders-api-latency", "OK", "2026-11-27T09:02:00.000+0000"));
        assertThat(store().incident(id).orElseThrow().group().inAlarm()).isEqualTo(1);
        assertThat(kinds(List.of(invoke(handler, event("orders-api-latency", "ALARM", "2026-11-27T09:03:00.000+0000")))))
                .containsOnlyKeys("GROUPED");
        assertThat(store().incident(id).orElseThrow().group()).isEqualTo(new AlarmGroup(2, 2,
                List.of("orders-api-5xx", "orders-api-latency")));

        // Both return to OK (resolved), then one flaps within the reopen window: reopened, nobody paged.
        invoke(handler, event("orders-api-5xx", "OK", "2026-11-27T09:04:00.000+0000"));
        invoke(handler, event("orders-api-latency", "OK", "2026-11-27T09:05:00.000+0000"));
        assertThat(store().incident(id).orElseThrow().status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(kinds(List.of(invoke(handler, event("orders-api-5xx", "ALARM", "2026-11-27T09:10:00.000+0000")))))
                .containsOnlyKeys("REOPENED");
        Incident reopened = store().incident(id).orElseThrow();
        assertThat(reopened.status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(reopened.group().inAlarm()).isEqualTo(1);
        assertThat(drainInbox()).hasSize(1);
    }

    @Test
    void anAlarmWhoseOkArrivedFirst_isRecordedInTheOpenGroup_withoutHoldingItOpen() {
        AlarmIngestHandler handler = handler();
        String id = incidentOf(invoke(handler, event("orders-api-5xx", "ALARM", "2026-11-27T09:00:00.000+0000")));
        invoke(handler, event("orders-db-cpu", "OK", "2026-11-27T09:02:00.000+0000"));

        assertThat(kinds(List.of(invoke(handler, event("orders-db-cpu", "ALARM", "2026-11-27T09:01:00.000+0000")))))
                .containsOnlyKeys("GROUPED");
        assertThat(store().incident(id).orElseThrow().group()).isEqualTo(new AlarmGroup(1, 2,
                List.of("orders-api-5xx", "orders-db-cpu")));
        assertThat(lastEntry(id).details()).containsEntry("grouping", "recorded recovered");

        invoke(handler, event("orders-api-5xx", "OK", "2026-11-27T09:03:00.000+0000"));
        assertThat(store().incident(id).orElseThrow().status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(drainInbox()).hasSize(1);
    }

    @Test
    void theLastTwoAlarmsReturningToOkAtOnce_resolveTheIncidentExactlyOnce() throws Exception {
        for (int round = 0; round < 4; round++) {
            String a = "round" + round + "-api";
            String b = "round" + round + "-db";
            String minute = String.format("2026-11-27T1%d:00", round);
            AlarmIngestHandler handler = handler();
            String id = incidentOf(invoke(handler, event(a, "ALARM", minute + ":00.000+0000")));
            invoke(handler, event(b, "ALARM", minute + ":10.000+0000"));

            List<String> outcomes = concurrently(2, i -> event(i == 0 ? a : b, "OK", minute + ":50.000+0000"));

            Map<String, Long> kinds = kinds(outcomes);
            assertThat(kinds.keySet()).isSubsetOf("GROUPED_OK", "RESOLVED", "REDELIVERY");
            Incident incident = store().incident(id).orElseThrow();
            assertThat(incident.status()).isEqualTo(IncidentStatus.RESOLVED);
            assertThat(incident.group().inAlarm()).isZero();
            assertThat(types(id)).filteredOn(t -> t == TimelineEntryType.RESOLVED).hasSize(1);
            assertThat(types(id)).filteredOn(t -> t == TimelineEntryType.GROUPED_OK).hasSize(1);
        }
    }

    @Test
    void withTheWindowAtZero_eachAlarmOpensAndPagesItsOwnIncident() {
        configure(Map.of("services", Map.of("default", Map.of("groupingWindow", "0s"))));
        AlarmIngestHandler handler = handler();

        String a = incidentOf(invoke(handler, event("orders-api-5xx", "ALARM", "2026-11-27T09:00:00.000+0000")));
        String b = incidentOf(invoke(handler, event("orders-api-latency", "ALARM", "2026-11-27T09:00:10.000+0000")));

        assertThat(a).isNotEqualTo(b);
        assertThat(store().incident(a).orElseThrow().group()).isNull();
        assertThat(drainInbox()).hasSize(2);
        invoke(handler, event("orders-api-5xx", "OK", "2026-11-27T09:01:00.000+0000"));
        assertThat(store().incident(a).orElseThrow().status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(store().incident(b).orElseThrow().status()).isEqualTo(IncidentStatus.TRIGGERED);
    }

    @Test
    void differentAlarmsOpeningIncidentsAtOnce_takeTheNumbersOneToNWithoutGaps() throws Exception {
        configure(Map.of("services", Map.of("default", Map.of("groupingWindow", "0s"))));

        List<String> outcomes = concurrently(4, i -> event("orders-alarm-" + i, "ALARM",
                String.format("2026-11-27T09:00:%02d.000+0000", i)));

        assertThat(kinds(outcomes).keySet()).isSubsetOf("OPENED", "REDELIVERY");
        assertThat(outcomes.stream().map(AlarmGroupingIntegrationTest::incidentOf))
                .containsExactlyInAnyOrder("1", "2", "3", "4");
        assertThat(store().openIncidents()).extracting(Incident::id).containsExactlyInAnyOrder("1", "2", "3", "4");
        assertThat(drainInbox()).hasSize(4);
        assertThat(incidentOf(invoke(handler(), event("orders-alarm-4", "ALARM", "2026-11-27T09:01:00.000+0000"))))
                .isEqualTo("5");
    }

    @Test
    void aConfiguredWindow_isTheOneUsed() {
        configure(Map.of("services", Map.of("default", Map.of("groupingWindow", "30s"))));
        AlarmIngestHandler handler = handler();

        String a = incidentOf(invoke(handler, event("orders-api-5xx", "ALARM", "2026-11-27T09:00:00.000+0000")));
        String b = incidentOf(invoke(handler, event("orders-api-latency", "ALARM", "2026-11-27T09:00:29.000+0000")));
        String c = incidentOf(invoke(handler, event("orders-db-cpu", "ALARM", "2026-11-27T09:00:31.000+0000")));

        assertThat(b).isEqualTo(a);
        assertThat(c).isNotEqualTo(a);
    }

    // ------------------------------------------------------------------ helpers

    private void configure(Map<String, Object> document) {
        new DynamoConfigStore(local.dynamoDb(), table(), clock, Duration.ZERO).apply(document, "test");
    }

    private static byte[] event(String name, String state, String timestamp) {
        return AlarmEvents.eventBridge(name, state, timestamp);
    }

    private AlarmIngestHandler handler() {
        return new AlarmIngestHandler(component().alarmService());
    }

    private TestAlarmComponent component() {
        return DaggerTestAlarmComponent.builder()
                .environment(new FunctionEnvironment(resources.environmentOf("AlarmIngestFunction")))
                .clock(clock).crash(new AtomicBoolean(false)).build();
    }

    private DynamoIncidentStore store() {
        return component().store();
    }

    private String table() {
        return resources.tableName("FirebellTable");
    }

    private static String invoke(AlarmIngestHandler handler, byte[] event) {
        return LocalInvocation.invoke(handler, event, new LocalLambdaContext("AlarmIngestFunction", 30, System.err));
    }

    private static String incidentOf(String output) {
        Matcher m = Pattern.compile("\"incidentId\":\"([^\"]+)\"").matcher(output);
        assertThat(m.find()).as("an incident in " + output).isTrue();
        return m.group(1);
    }

    /** Separate handler instances (as separate Lambda environments), released at the same instant. */
    private List<String> concurrently(int n, IntFunction<byte[]> events) throws Exception {
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
                futures.add(pool.submit(() -> {
                    start.await();
                    return invoke(h, event);
                }));
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
        Map<String, Long> kinds = new TreeMap<>();
        for (String o : outcomes) {
            Matcher m = Pattern.compile("\"outcome\":\"([A-Z_]+)\"").matcher(o);
            while (m.find()) {
                kinds.merge(m.group(1), 1L, Long::sum);
            }
        }
        return kinds;
    }

    private List<TimelineEntryType> types(String incidentId) {
        return store().timeline(incidentId).stream().map(TimelineEntry::type).toList();
    }

    private TimelineEntry lastEntry(String incidentId) {
        List<TimelineEntry> timeline = store().timeline(incidentId);
        return timeline.get(timeline.size() - 1);
    }

    private String subscribeInbox() {
        return local.subscribeQueue(resources.topicArn("PageTopic"), "grouping-" + System.nanoTime() + "-" + queueSerial++,
                null);
    }

    private List<Message> drainInbox() {
        return local.drainQueue(inbox, 1);
    }
}
