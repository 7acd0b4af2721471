package dev.firebell.function.chat;

import static dev.firebell.function.chat.Fakes.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.chat.slack.ButtonClicks;
import dev.firebell.chat.slack.SlackEndpoint.DeferredCommand;
import dev.firebell.chat.slack.SlackSignature;
import dev.firebell.function.chat.ChatFixture.Response;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Clicks on an announcement's buttons through the real handler, as deployed (people, paging and escalation of the
 * configuration), against the emulator: Slack's interactivity request (a signed form whose {@code payload} is a
 * {@code block_actions} JSON) is answered at once with an empty 200, and its deferred half runs the command the
 * button stands for, as the clicker, marked "from a Slack button", and tells the clicker alone what happened.
 */
@LocalStackTest
class ChatButtonsIntegrationTest {

    private static final String CLICK_RESPONSE_URL =
            "https://hooks.slack.com/actions/T0FIREBELL/8213496527001/Qm9xZXNBbmRGaXJlYmVsbA";

    private final ChatFixture fixture;
    private Fakes.Deferred deferred;
    private Fakes.Responses responses;
    private ChatHandler handler;

    ChatButtonsIntegrationTest(LocalStack local, LocalResources resources) {
        this.fixture = new ChatFixture(local, resources);
    }

    @BeforeEach
    void freshTableAndHandler() {
        fixture.reset();
        deferred = new Fakes.Deferred();
        responses = new Fakes.Responses();
        handler = fixture.handler(ChatOverrides.none().deferrals(deferred).responses(responses));
    }

    @Test
    void acknowledge_shouldBeAnsweredAtOnce_thenActAsTheClicker_fromASlackButton_toldOnlyToThem() {
        String id = fixture.declared("Checkout is failing", "checkout");

        // WHEN alice clicks Acknowledge
        Response answer = click("U0ALICE", "firebell.ack", id);

        // THEN Slack gets its 200 at once, and nothing is written before the deferred half runs
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
        assertThat(incident(id).status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(deferred.commands).hasSize(1);

        // WHEN it runs, twice (SNS delivers at least once)
        complete(deferred.commands.get(0));
        complete(deferred.commands.get(0));

        // THEN acknowledged once, by alice, from a Slack button, and she alone is told, beside the announcement
        assertThat(incident(id).status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(incident(id).acknowledgedBy()).isEqualTo("alice");
        List<TimelineEntry> acks = entries(id, TimelineEntryType.ACKNOWLEDGED);
        assertThat(acks).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("alice");
            assertThat(e.summary()).contains("alice from a Slack button");
            assertThat(e.details()).containsEntry("via", "slack-button").containsEntry("slackUserId", "U0ALICE")
                    .containsEntry("slackTeamId", SlackRequests.TEAM);
        });
        assertThat(responses.posts).singleElement().satisfies(post -> {
            assertThat(post.url().toString()).isEqualTo(CLICK_RESPONSE_URL);
            assertThat(post.message()).containsEntry("response_type", "ephemeral")
                    .containsEntry("replace_original", false);
            assertThat(String.valueOf(post.message().get("text"))).contains("<@U0ALICE> acknowledged *#" + id + "*");
        });
    }

    @Test
    void aSecondClick_shouldSayItIsDoneAlready_andChangeNothing() {
        String id = fixture.declared("Checkout is failing", "checkout");
        click("U0ALICE", "firebell.ack", id);
        complete(deferred.commands.get(0));
        List<Map<String, AttributeValue>> before = withoutJobs(fixture.snapshot());

        click("U0BOB", "firebell.ack", id);
        complete(deferred.commands.get(1));

        assertThat(withoutJobs(fixture.snapshot())).isEqualTo(before);
        assertThat(responses.posts).hasSize(2);
        assertThat(responses.posts.get(1).message()).containsEntry("response_type", "ephemeral");
        assertThat(String.valueOf(responses.posts.get(1).message().get("text")))
                .contains("#" + id + " is already acknowledged; nothing changed.");
    }

    @Test
    void escalateAndResolve_shouldRunTheirCommands_asTheClicker() {
        String id = fixture.declared("Payments are failing", "payments");

        click("U0BOB", "firebell.escalate", id);
        click("U0BOB", "firebell.resolve", id);
        deferred.commands.forEach(this::complete);

        assertThat(fixture.store.pages(id)).extracting(dev.firebell.paging.Page::target)
                .containsExactly("person:alice", "person:bob");
        assertThat(entries(id, TimelineEntryType.ESCALATED)).isNotEmpty().last()
                .satisfies(e -> assertThat(e.summary()).contains(" by bob from a Slack button: paging Bob Jones"));
        assertThat(incident(id).status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(incident(id).resolution()).as("a button gives no resolution text").isNull();
        assertThat(entries(id, TimelineEntryType.RESOLVED)).singleElement()
                .satisfies(e -> assertThat(e.summary()).contains("bob from a Slack button"));
        assertThat(responses.posts).extracting(p -> String.valueOf(p.message().get("text")))
                .satisfiesExactly(t -> assertThat(t).contains("<@U0BOB> escalated *#" + id + "*"),
                        t -> assertThat(t).contains("<@U0BOB> resolved *#" + id + "*"));
    }

    @Test
    void aClickByAPersonOutsideTheConfiguration_shouldBeRefused_withWhatToAsk_andChangeNothing() {
        String id = fixture.declared("Checkout is failing", "checkout");
        List<Map<String, AttributeValue>> before = withoutJobs(fixture.snapshot());

        for (String action : List.of("firebell.ack", "firebell.escalate", "firebell.resolve")) {
            click(STRANGER, action, id);
        }
        deferred.commands.forEach(this::complete);

        assertThat(withoutJobs(fixture.snapshot())).isEqualTo(before);
        assertThat(responses.posts).hasSize(3).allSatisfy(post -> {
            assertThat(post.message()).containsEntry("response_type", "ephemeral");
            assertThat(String.valueOf(post.message().get("text"))).contains("You are not in Firebell's on-call"
                    + " configuration").contains("U0STRANGER");
        });
    }

    @Test
    void aClickOnAnIncidentThatIsGoneOrResolved_shouldSaySo() {
        String id = fixture.declared("Checkout is failing", "checkout");
        click("U0ALICE", "firebell.resolve", id);
        click("U0ALICE", "firebell.escalate", id);
        click("U0ALICE", "firebell.ack", "4242");
        deferred.commands.forEach(this::complete);

        assertThat(responses.posts).extracting(p -> String.valueOf(p.message().get("text"))).satisfiesExactly(
                t -> assertThat(t).contains("resolved *#" + id + "*"),
                t -> assertThat(t).contains("#" + id + " is resolved; reopen it before you escalate it"),
                t -> assertThat(t).contains("There is no incident #4242"));
    }

    @Test
    void requestsThatAreNotClicksOnFirebellsButtons_shouldBeRefusedAt4xx_andNothingDeferred() {
        String id = fixture.declared("Checkout is failing", "checkout");
        Map<String, Object> otherTeam = ButtonClicks.click("U0ALICE", "firebell.ack", id);
        otherTeam.put("team", Map.of("id", "T0ELSEWHERE", "domain", "elsewhere"));
        Map<String, Object> foreignUrl = ButtonClicks.click("U0ALICE", "firebell.ack", id);
        foreignUrl.put("response_url", "https://evil.example/actions/1");
        byte[] body = ButtonClicks.body(ButtonClicks.click("U0ALICE", "firebell.ack", id));
        String stale = SlackRequests.timestamp(Instant.now().minusSeconds(301));

        assertThat(invoke(ButtonClicks.body(otherTeam)).status()).isEqualTo(403);
        assertThat(invoke(ButtonClicks.body(foreignUrl)).status()).isEqualTo(400);
        assertThat(invoke(ButtonClicks.body(ButtonClicks.click("U0ALICE", "firebell.approve", id))))
                .satisfies(r -> assertThat(r.status()).isEqualTo(400))
                .satisfies(r -> assertThat(r.body()).isEqualTo("not a Firebell button click"));
        assertThat(invoke(ButtonClicks.body("{\"type\": \"block_actions\""))).satisfies(r ->
                assertThat(r.status()).isEqualTo(400));
        assertThat(ChatFixture.invoke(handler, SlackRequests.event(body, Map.of(), true)).status()).isEqualTo(401);
        assertThat(ChatFixture.invoke(handler, SlackRequests.event(body, SlackSignature.signedFormHeaders(
                SlackRequests.SECRET.getBytes(StandardCharsets.UTF_8), stale, body), true)).status()).isEqualTo(401);
        assertThat(deferred.commands).isEmpty();
        assertThat(incident(id).status()).isEqualTo(IncidentStatus.TRIGGERED);
    }

    private Response click(String userId, String actionId, String incidentId) {
        Response r = invoke(ButtonClicks.body(ButtonClicks.click(userId, actionId, incidentId)));
        assertThat(r.status()).as("a well-formed click is answered 200").isEqualTo(200);
        return r;
    }

    private Response invoke(byte[] body) {
        return ChatFixture.invoke(handler, SlackRequests.signedEvent(body));
    }

    private void complete(DeferredCommand command) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Response r = ChatFixture.invoke(handler, fixture.jobEvent(command),
                ChatFixture.context(new java.io.PrintStream(log, true, StandardCharsets.UTF_8)));
        assertThat(r.body()).as("job log: %s", log).isEqualTo("{}");
    }

    private Incident incident(String id) {
        return fixture.store.incident(id).orElseThrow();
    }

    private List<TimelineEntry> entries(String id, TimelineEntryType type) {
        return fixture.store.timeline(id).stream().filter(e -> e.type() == type).toList();
    }

    /** The table without the job ledger's run-once keys, which every deferred half writes before it runs. */
    static List<Map<String, AttributeValue>> withoutJobs(List<Map<String, AttributeValue>> items) {
        return items.stream().filter(i -> !i.get("PK").s().startsWith("CHATJOB#")).toList();
    }
}
