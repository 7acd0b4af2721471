package dev.firebell.function.announcer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.incident.Actor;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStateException;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.local.FakeSlack;
import dev.firebell.local.FakeSlack.Fault;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.routing.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The announcer under a Slack that misbehaves at random (errors, 429s short and long, 500s, connections dropped after
 * the work was done) and one long outage, fed by a driver that delivers the stream as Lambda's event source mapping
 * does (batches of ten, retried from the failed record, bounded retries, then the failure queue). Whatever happens:
 * no incident is ever posted twice, and every incident ends with its message showing its final state, or with a
 * record of it in the failure queue, which its runbook's on-demand call then brings up to date.
 */
@LocalStackTest
class AnnouncerRobustnessTest {

    private static final long SEED = 20261210L;
    /** The template's MaximumRetryAttempts. */
    private static final int MAX_RETRIES = 8;
    private static final int BATCH = 10;

    private final LocalStack local;
    private final LocalResources resources;
    private final Random random = new Random(SEED);
    private AnnouncerFixture fixture;
    private AnnouncerHandler handler;
    private final List<Map<String, Object>> pending = new ArrayList<>();
    private final List<Map<String, Object>> failureQueue = new ArrayList<>();
    private int invocations;
    private int faults;
    private int retries;

    AnnouncerRobustnessTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @BeforeEach
    void start() {
        fixture = new AnnouncerFixture(local, resources);
        handler = fixture.handler();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void whateverSlackDoes_noIncidentIsPostedTwice_andNoneIsLost() {
        // GIVEN incidents of three services (two announced, one not) changing for a while, delivered as they change,
        // with a Slack that fails every other invocation in some way
        List<String> incidents = new ArrayList<>();
        for (int round = 0; round < 100; round++) {
            fixture.clock.advance(Duration.ofSeconds(20 + random.nextInt(90)));
            change(incidents);
            pending.addAll(fixture.delivered());
            deliver(true);
        }
        // AND a Slack outage long enough that the stream gives up on a batch
        fixture.declare("During the outage", "checkout");
        incidents.add(lastId());
        pending.addAll(fixture.delivered());
        int outage = 0;
        int failedBefore = failureQueue.size();
        while (!pending.isEmpty() && failureQueue.size() == failedBefore && outage++ < 3 * MAX_RETRIES) {
            fixture.slack.failNext(Fault.serverError(), Fault.serverError());
            invokeOnce();
        }

        // WHEN Slack recovers and the stream drains
        fixture.slack.recover();
        deliver(false);

        // THEN no incident has two messages, and billing's (announced nowhere) none
        Map<String, Integer> messages = new LinkedHashMap<>();
        for (String id : incidents) {
            messages.put(id, fixture.messagesOf(id).size());
        }
        assertThat(messages.values()).as("messages per incident: %s", messages).allSatisfy(n -> assertThat(n)
                .isLessThanOrEqualTo(1));
        for (String id : incidents) {
            if (incident(id).service().equals("billing")) {
                assertThat(messages.get(id)).as("#%s is billing's", id).isZero();
            }
        }
        // AND every announced incident shows its final state, unless one of its records is in the failure queue
        Set<String> failed = incidentsIn(failureQueue);
        assertThat(failed).as("the outage's batch ended in the failure queue").isNotEmpty();
        int current = 0;
        for (String id : incidents) {
            if (!incident(id).service().equals("billing") && !failed.contains(id)) {
                assertCurrent(id);
                current++;
            }
        }
        assertThat(current).as("incidents checked without the runbook's help").isGreaterThanOrEqualTo(5);
        // AND the runbook brings the failed ones up to date, still without a second message
        for (String id : failed) {
            fixture.invoke(handler, ("{\"incidentId\": \"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
            assertCurrent(id);
            assertThat(fixture.messagesOf(id)).hasSize(1);
        }
        System.out.println("announcer robustness: " + incidents.size() + " incidents, " + invocations
                + " invocations, " + faults + " faults injected, " + retries + " batch retries, " + failureQueue.size()
                + " records in the failure queue (incidents " + failed + "), " + fixture.slack.calls().size()
                + " Slack calls");
    }

    /** One random change by a person or the escalation sweep, or a new incident. */
    private void change(List<String> incidents) {
        int what = incidents.isEmpty() ? 0 : random.nextInt(8);
        String id = incidents.isEmpty() ? null : incidents.get(random.nextInt(incidents.size()));
        Incident incident = id == null ? null : incident(id);
        Actor who = random.nextBoolean() ? Actor.of("alice") : AnnouncerFixture.button("bob", "U0BOB");
        try {
            act(what, id, who, incidents);
        } catch (IncidentStateException stale) {
            // What a person acting on an incident in another state gets: refused, nothing written.
        }
        if (incident != null && random.nextInt(4) == 0) {
            fixture.people.escalations().runDue(50);
        }
    }

    private void act(int what, String id, Actor who, List<String> incidents) {
        switch (what) {
            case 0, 1 -> {
                String service = List.of("checkout", "checkout", "search", "billing").get(random.nextInt(4));
                fixture.declare("Incident " + (incidents.size() + 1) + " <!channel>", service);
                incidents.add(lastId());
            }
            case 2 -> fixture.people.commands().acknowledge(id, who);
            case 3 -> fixture.people.commands().resolve(id, who, random.nextBoolean() ? null : "fixed <@U0ALICE>");
            case 4 -> fixture.people.commands().reopen(id, who);
            case 5 -> fixture.people.commands().changeSeverity(id, Severity.values()[random.nextInt(5)], who);
            case 6 -> fixture.people.commands().unacknowledge(id, who);
            default -> fixture.people.escalations().runDue(50);
        }
    }

    /** Delivers what is pending, as the event source mapping does, with random faults or none. */
    private void deliver(boolean withFaults) {
        int guard = 0;
        while (!pending.isEmpty()) {
            if (guard++ > 500) {
                throw new AssertionError("the stream does not drain: " + pending.size() + " records left");
            }
            if (withFaults && fixture.slack.pendingFaults() == 0 && random.nextInt(2) == 0) {
                int n = 1 + random.nextInt(2);
                for (int i = 0; i < n; i++) {
                    fixture.slack.failNext(randomFault());
                    faults++;
                }
            }
            invokeOnce();
        }
    }

    private int attempts;

    /** One invocation with the head of the stream; the checkpoint moves as Lambda moves it. */
    private void invokeOnce() {
        List<Map<String, Object>> batch = new ArrayList<>(pending.subList(0, Math.min(BATCH, pending.size())));
        invocations++;
        Map<String, Object> answer = fixture.invoke(handler, batch);
        fixture.clock.advance(Duration.ofSeconds(5 + random.nextInt(30)));
        List<?> failures = (List<?>) answer.get("batchItemFailures");
        if (failures.isEmpty()) {
            pending.subList(0, batch.size()).clear();
            attempts = 0;
            return;
        }
        Object failedSeq = ((Map<?, ?>) failures.get(0)).get("itemIdentifier");
        int at = 0;
        while (!sequence(batch.get(at)).equals(failedSeq)) {
            at++;
        }
        pending.subList(0, at).clear();
        retries++;
        if (++attempts > MAX_RETRIES) {
            // The batch's rest goes to the on-failure destination; the mapping moves past it.
            int rest = batch.size() - at;
            failureQueue.addAll(pending.subList(0, rest));
            pending.subList(0, rest).clear();
            attempts = 0;
        }
    }

    private Fault randomFault() {
        return switch (random.nextInt(7)) {
            case 0 -> Fault.error("internal_error");
            case 1 -> Fault.error("fatal_error");
            case 2 -> Fault.rateLimited(1 + random.nextInt(4));
            case 3 -> Fault.rateLimited(120 + random.nextInt(600));
            case 4 -> Fault.serverError();
            case 5 -> Fault.dropAfterWork();
            default -> Fault.slow(Duration.ofMillis(50));
        };
    }

    private void assertCurrent(String id) {
        Incident incident = incident(id);
        long escalation = fixture.people.store().escalation(id).map(e -> e.version()).orElse(0L);
        Map<String, AttributeValue> item = fixture.announcementItem(id);
        assertThat(item).as("#%s was announced", id).containsKey("messageTs");
        assertThat(item.get("incidentVersion").n() + "." + item.get("escalationVersion").n())
                .as("#%s shows its final state", id).isEqualTo(incident.version() + "." + escalation);
        FakeSlack.Message message = fixture.messagesOf(id).get(0);
        String status = switch (incident.status()) {
            case TRIGGERED -> "*Triggered*";
            case ACKNOWLEDGED -> "*Acknowledged*";
            case RESOLVED -> "*Resolved*";
        };
        assertThat(message.text()).as("#%s reads as %s", id, incident.status()).contains(status)
                .contains("(" + incident.severity() + ", ").doesNotContain("<!channel>");
        assertThat(message.blocks().toString().contains("firebell.ack"))
                .isEqualTo(incident.status() == IncidentStatus.TRIGGERED);
    }

    private Incident incident(String id) {
        return fixture.people.store().incident(id).orElseThrow();
    }

    private String lastId() {
        return fixture.people.store().nextIncidentId().equals("1") ? "1"
                : Long.toString(Long.parseLong(fixture.people.store().nextIncidentId()) - 1);
    }

    @SuppressWarnings("unchecked")
    private static String sequence(Map<String, Object> record) {
        return String.valueOf(((Map<String, Object>) record.get("dynamodb")).get("SequenceNumber"));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> incidentsIn(List<Map<String, Object>> records) {
        Set<String> ids = new LinkedHashSet<>();
        for (Map<String, Object> r : records) {
            Map<String, Object> image = (Map<String, Object>) ((Map<String, Object>) r.get("dynamodb")).get("NewImage");
            ids.add(String.valueOf(((Map<String, Object>) image.get("incidentId")).get("S")));
        }
        return ids;
    }
}
