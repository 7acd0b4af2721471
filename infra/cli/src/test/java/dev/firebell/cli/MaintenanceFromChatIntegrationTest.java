package dev.firebell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.Json;
import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.aws.dynamodb.DynamoIncidentStore;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.chat.slack.SlackSignature;
import dev.firebell.function.chat.ChatHandler;
import dev.firebell.function.chat.ChatOverrides;
import dev.firebell.function.escalation.EscalationHandler;
import dev.firebell.incident.Incident;
import dev.firebell.local.FunctionUrlEvent;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.ShiftedClock;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.paging.Page;
import dev.firebell.paging.PageStatus;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * {@code /incident maintenance checkout 1h deploying}, end to end on the emulator: a signed request through the real
 * chat handler, then CloudWatch alarms through the real alarm handler, and the escalation sweep (the real handler,
 * on a clock moved ahead). Alarms of checkout still open incidents but page nobody, escalations already running for
 * checkout are held until the window ends, and other services page as before.
 */
@LocalStackTest
class MaintenanceFromChatIntegrationTest {

    private static final String SECRET = "e2e-signing-secret-0123456789abcdef";
    private static final String TEAM = "T0FIREBELL";
    private static final String ALICE = "U0ALICE";
    private static final String STRANGER = "U0STRANGER";
    private static final DateTimeFormatter ALARM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /** checkout escalates (alice, then bob 5 minutes later), one incident per alarm; payments pages its team. */
    private static final Map<String, Object> CONFIGURATION = Map.of(
            "routing", Map.of("default", Map.of("service", "payments"), "rules", List.of(
                    Map.of("name", "checkout", "match", Map.of("alarmNamePrefix", "checkout-"), "service", "checkout",
                            "severity", "SEV2"),
                    Map.of("name", "payments", "match", Map.of("alarmNamePrefix", "payments-"), "service", "payments",
                            "severity", "SEV2"))),
            "services", Map.of(
                    "checkout", Map.of("escalationPolicy", "checkout", "groupingWindow", "0s"),
                    "payments", Map.of("pageTarget", "team-payments")),
            "people", Map.of(
                    "alice", Map.of("name", "Alice Smith", "timeZone", "Europe/Berlin", "chatUserId", ALICE),
                    "bob", Map.of("name", "Bob Jones", "timeZone", "America/New_York", "chatUserId", "U0BOB")),
            "escalationPolicies", Map.of("checkout", Map.of("levels", List.of(
                    Map.of("escalateAfter", "5m", "targets", List.of(Map.of("person", "alice"))),
                    Map.of("escalateAfter", "5m", "targets", List.of(Map.of("person", "bob")))))));

    private final LocalStack local;
    private final LocalResources resources;
    private final AtomicLong triggers = new AtomicLong(4242);
    /** The escalation function's clock: the wall clock the other functions run on, moved ahead by the test. */
    private final ShiftedClock sweepClock = ShiftedClock.real();
    private FunctionRunner runner;
    private DynamoIncidentStore store;
    private EscalationHandler sweep;

    MaintenanceFromChatIntegrationTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @BeforeEach
    void stackWithConfigurationAndSecret() {
        String table = resources.tableName("FirebellTable");
        local.emptyTable(table);
        new DynamoConfigStore(local.dynamoDb(), table, InstantSource.system(), Duration.ZERO)
                .apply(CONFIGURATION, "maintenance e2e");
        String secretName = resources.environmentOf("ChatFunction").get("SLACK_SIGNING_SECRET_NAME");
        try {
            local.secretsManager().putSecretValue(r -> r.secretId(secretName).secretString(SECRET));
        } catch (ResourceNotFoundException notYet) {
            local.secretsManager().createSecret(r -> r.name(secretName).secretString(SECRET));
        }
        runner = new FunctionRunner(resources, QUIET).handler("ChatFunction", template -> {
            // As deployed with SlackTeamIds=T0FIREBELL.
            Map<String, String> env = new HashMap<>(resources.environmentOf("ChatFunction"));
            env.put("SLACK_TEAM_IDS", TEAM);
            return new ChatHandler(new FunctionEnvironment(env), ChatOverrides.none());
        });
        LocalComponent paging = DaggerLocalComponent.builder().environment(runner.environmentOf("EscalationFunction"))
                .clock(sweepClock).build();
        store = paging.store();
        sweep = new EscalationHandler(paging.escalationEngine(), paging.pageDispatcher(), sweepClock,
                sweepClock::advance);
    }

    @Test
    void anAlarmOfAServiceInMaintenance_opensAnIncidentAndPagesNobody_whileAnotherServiceStillPages() {
        // WHEN alice puts checkout in maintenance from chat
        Map<String, Object> answer = chat(ALICE, "maintenance checkout 1h deploying");

        // THEN the channel is told which service, until when, why, and what it means
        assertThat(answer).containsEntry("response_type", "in_channel");
        assertThat(String.valueOf(answer.get("text"))).contains(":construction: <@U0ALICE> put *checkout* in"
                + " maintenance until <!date^").contains("UTC), for 1h: its alarms still open incidents, but nobody is"
                + " paged").endsWith("\n>deploying");
        String window = windowName();

        // WHEN checkout and payments alarms fire
        String checkout = alarm("checkout-api-5xx-high");
        String payments = alarm("payments-db-cpu");

        // THEN checkout's incident is open, nobody paged, and its timeline says which maintenance held it
        Incident held = store.incident(checkout).orElseThrow();
        assertThat(held.isOpen()).isTrue();
        assertThat(held.service()).isEqualTo("checkout");
        assertThat(store.pages(checkout)).isEmpty();
        assertThat(entries(checkout, TimelineEntryType.MAINTENANCE)).singleElement().satisfies(e -> assertThat(e.summary())
                .contains("service checkout is in maintenance '" + window + "' (deploying) until")
                .contains("nobody paged"));
        assertThat(store.escalation(checkout).orElseThrow().nextAt()).as("its first step waits for the window's end")
                .isEqualTo(windowEnd());
        // AND payments pages its team as before
        assertThat(store.pages(payments)).singleElement().satisfies(p -> {
            assertThat(p.target()).isEqualTo("team-payments");
            assertThat(p.status()).isEqualTo(PageStatus.SENT);
        });
        assertThat(entries(payments, TimelineEntryType.MAINTENANCE)).isEmpty();
    }

    @Test
    void anEscalationAlreadyRunning_isHeldByTheSweep_untilTheWindowEnds() throws IOException {
        // GIVEN a checkout incident that paged alice before the maintenance started
        String id = alarm("checkout-latency-p99");
        assertThat(store.pages(id)).extracting(Page::target, Page::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("person:alice", PageStatus.SENT));

        // WHEN alice starts maintenance, and the sweep runs when level 2 (bob) is due
        chat(ALICE, "maintenance checkout 1h deploying");
        String window = windowName();
        sweepClock.advance(Duration.ofMinutes(6));
        runner.invokeHandler("EscalationFunction", sweep);

        // THEN bob is not paged: the step is held until the window ends, and the timeline says why
        assertThat(store.pages(id)).extracting(Page::target).containsExactly("person:alice");
        assertThat(entries(id, TimelineEntryType.MAINTENANCE)).singleElement().satisfies(e -> assertThat(e.summary())
                .contains("maintenance '" + window + "' (deploying)"));
        assertThat(store.escalation(id).orElseThrow().nextAt()).isEqualTo(windowEnd());

        // WHEN the window has ended and the sweep runs again
        sweepClock.advanceTo(windowEnd().plusSeconds(30));
        runner.invokeHandler("EscalationFunction", sweep);

        // THEN the held step pages bob: maintenance holds pages, it does not drop them
        assertThat(store.pages(id)).extracting(Page::target, Page::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("person:alice", PageStatus.SENT),
                org.assertj.core.groups.Tuple.tuple("person:bob", PageStatus.SENT));
    }

    @Test
    void maintenanceCommandsThatAreWrong_changeNothing_andTheServiceStillPages() {
        List<Map<String, AttributeValue>> before = snapshot();

        Map<String, Object> unknown = chat(ALICE, "maintenance chekout 1h deploying");
        Map<String, Object> tooLong = chat(ALICE, "maintenance checkout 8d deploying");
        Map<String, Object> stranger = chat(STRANGER, "maintenance checkout 1h deploying");

        assertThat(List.of(unknown, tooLong, stranger)).allSatisfy(a -> assertThat(a)
                .containsEntry("response_type", "ephemeral"));
        assertThat(String.valueOf(unknown.get("text"))).contains("'chekout' is not a configured service, so it cannot"
                + " be put in maintenance. Did you mean checkout? Services: checkout, payments");
        assertThat(String.valueOf(tooLong.get("text"))).contains("'8d' is longer than the 7 days maintenance allows");
        assertThat(String.valueOf(stranger.get("text"))).contains("You are not in Firebell's on-call configuration");
        assertThat(snapshot()).as("the table after three refused commands").isEqualTo(before);

        String id = alarm("checkout-api-5xx-high");
        assertThat(store.pages(id)).extracting(Page::target).containsExactly("person:alice");
        assertThat(entries(id, TimelineEntryType.MAINTENANCE)).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    /** {@code /incident <text>} typed by {@code user}, signed as Slack signs it, through the Function URL; the answer. */
    private Map<String, Object> chat(String user, String text) {
        byte[] body = ("team_id=" + TEAM + "&team_domain=e2e&channel_id=C0INCIDENTS&channel_name=incidents&user_id=" + user
                + "&user_name=" + user.toLowerCase() + "&command=%2Fincident&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&response_url="
                + URLEncoder.encode("https://hooks.slack.com/commands/" + TEAM + "/1/e2e", StandardCharsets.UTF_8)
                + "&trigger_id=" + triggers.incrementAndGet() + ".1.e2e").getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        byte[] event = FunctionUrlEvent.post(SlackSignature.signedFormHeaders(SECRET.getBytes(StandardCharsets.UTF_8),
                timestamp, body), body);
        try {
            Map<String, Object> response = Json.readObject(runner.invoke("ChatFunction", event));
            assertThat(response).as("HTTP answer to '%s'", text).containsEntry("statusCode", 200);
            return Json.readObject(String.valueOf(response.get("body")));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** An ALARM of {@code name} now, as EventBridge delivers it to the alarm function; the incident it is on. */
    @SuppressWarnings("unchecked")
    private String alarm(String name) {
        try {
            Map<String, Object> event = Json.readObject(Files.readString(
                    Path.of("../demo/events/01-checkout-alarm.eventbridge.json")));
            event.put("resources", List.of("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:" + name));
            Map<String, Object> detail = (Map<String, Object>) event.get("detail");
            detail.put("alarmName", name);
            ((Map<String, Object>) detail.get("state")).put("timestamp", ALARM_TIME.format(Instant.now()));
            Map<String, Object> out = Json.readObject(runner.invoke("AlarmIngestFunction",
                    Json.write(event).getBytes(StandardCharsets.UTF_8)));
            Map<String, Object> outcome = ((List<Map<String, Object>>) out.get("outcomes")).get(0);
            assertThat(outcome).as("outcome of %s", name).containsEntry("outcome", "OPENED");
            return String.valueOf(outcome.get("incidentId"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The one maintenance window stored for checkout: its item. */
    private Map<String, AttributeValue> window() {
        List<Map<String, AttributeValue>> windows = new ArrayList<>(snapshot().stream()
                .filter(item -> item.get("PK").s().equals("ONCALL") && item.get("SK").s().contains("#maintenance#checkout#")).toList());
        assertThat(windows).as("maintenance windows of checkout").hasSize(1);
        assertThat(windows.get(0).get("startedBy").s()).isEqualTo("alice");
        return windows.get(0);
    }

    private String windowName() {
        return window().get("name").s();
    }

    private Instant windowEnd() {
        return Instant.parse(window().get("end").s());
    }

    private List<TimelineEntry> entries(String id, TimelineEntryType type) {
        return store.timeline(id).stream().filter(e -> e.type() == type).toList();
    }

    private List<Map<String, AttributeValue>> snapshot() {
        return local.dynamoDb().scanPaginator(r -> r.tableName(resources.tableName("FirebellTable")).consistentRead(true))
                .items().stream().sorted(java.util.Comparator.comparing((Map<String, AttributeValue> i) -> i.get("PK").s())
                        .thenComparing(i -> i.get("SK").s())).toList();
    }
}
