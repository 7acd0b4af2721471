package dev.firebell.function.announcer;

import static dev.firebell.function.announcer.AnnouncerFixture.CHECKOUT;
import static dev.firebell.function.announcer.AnnouncerFixture.DEFAULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.aws.dynamodb.DynamoAnnouncementStore;
import dev.firebell.incident.Actor;
import dev.firebell.local.FakeSlack;
import dev.firebell.local.FakeSlack.Fault;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.routing.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The announcer end to end: incidents changed by the real incident commands and escalation engine on the emulator,
 * the table's stream filtered by the template's own filter, the real handler, and the fake Slack Web API on 127.0.0.1.
 */
@LocalStackTest
class AnnouncerIntegrationTest {

    private final LocalStack local;
    private final LocalResources resources;
    private AnnouncerFixture fixture;
    private AnnouncerHandler handler;

    AnnouncerIntegrationTest(LocalStack local, LocalResources resources) {
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
    void anIncident_shouldBePostedOnce_thenUpdatedAsItIsEscalatedAcknowledgedAndResolved() {
        String id = fixture.declare("Checkout is failing", "checkout");
        assertThat(outcomes(fixture.pump(handler))).containsExactly(id + " POSTED");

        fixture.clock.advance(Duration.ofMinutes(5));
        fixture.people.escalations().runDue(10);
        assertThat(outcomes(fixture.pump(handler))).containsExactly(id + " UPDATED");

        fixture.clock.advance(Duration.ofMinutes(1));
        fixture.people.commands().acknowledge(id, AnnouncerFixture.button("bob", "U0BOB"));
        assertThat(outcomes(fixture.pump(handler))).containsExactly(id + " UPDATED");

        fixture.clock.advance(Duration.ofMinutes(9));
        fixture.people.commands().resolve(id, Actor.of("bob"), "restarted the pods");
        assertThat(outcomes(fixture.pump(handler))).containsExactly(id + " UPDATED");

        assertThat(fixture.slack.calls()).extracting(FakeSlack.Call::method).containsExactly("chat.postMessage",
                "chat.update", "chat.update", "chat.update");
        assertThat(fixture.slack.calls()).allSatisfy(c -> assertThat(c.token()).isEqualTo(FakeSlack.TOKEN));
        List<Map<String, Object>> sent = fixture.slack.calls().stream().map(FakeSlack.Call::arguments).toList();
        assertThat(text(sent.get(0))).contains(":rotating_light: #" + id + " Checkout is failing (SEV2, checkout):"
                + " *Triggered*");
        assertThat(json(sent.get(0))).contains("\"action_id\":\"firebell.ack\"", "\"action_id\":\"firebell.escalate\"",
                "\"action_id\":\"firebell.resolve\"", "paged level 1 of 2 (checkout)");
        assertThat(json(sent.get(1))).contains("paged level 2 of 2 (checkout)");
        assertThat(text(sent.get(2))).contains("*Acknowledged* by <@U0BOB>");
        assertThat(json(sent.get(2))).doesNotContain("firebell.ack").contains("firebell.escalate", "firebell.resolve");
        assertThat(text(sent.get(3))).contains("*Resolved* by <@U0BOB> after 15m");
        assertThat(json(sent.get(3))).doesNotContain("\"type\":\"actions\"").contains("restarted the pods");

        assertThat(fixture.messagesOf(id)).as("one message for the incident").singleElement().satisfies(m -> {
            assertThat(m.channel()).isEqualTo(CHECKOUT);
            assertThat(m.edits()).isEqualTo(3);
            assertThat(m.metadata()).isEqualTo(Map.of("event_type", "firebell_incident", "event_payload",
                    Map.of("incident_id", id, "source", fixture.table)));
        });
        Map<String, AttributeValue> item = fixture.announcementItem(id);
        assertThat(item.get("messageTs").s()).isEqualTo(fixture.messagesOf(id).get(0).ts());
        assertThat(fixture.people.store().timeline(id)).anySatisfy(e -> {
            assertThat(e.summary()).startsWith("acknowledged by bob from a Slack button");
            assertThat(e.details()).containsEntry("via", "slack-button");
        });
    }

    @Test
    void redeliveredAndLateRecords_shouldChangeNothing() {
        String id = fixture.declare("Checkout is failing", "checkout");
        List<Map<String, Object>> opened = fixture.delivered();
        fixture.invoke(handler, opened);
        fixture.people.commands().acknowledge(id, Actor.of("alice"));
        List<Map<String, Object>> acknowledged = fixture.delivered();
        fixture.invoke(handler, acknowledged);
        int calls = fixture.slack.calls().size();

        assertThat(outcomes(fixture.invoke(handler, acknowledged))).as("redelivered").containsExactly(id + " UNCHANGED");
        assertThat(outcomes(fixture.invoke(handler, opened))).as("late: older than what Slack shows")
                .containsExactly(id + " UNCHANGED");
        assertThat(fixture.slack.calls()).hasSize(calls);
        assertThat(fixture.messagesOf(id)).hasSize(1);
    }

    @Test
    void channels_shouldComeFromTheService_elseTheDefault_andNoneMeansNothingIsPosted_orRead() {
        String search = fixture.declare("Search is slow", "search");
        fixture.pump(handler);
        fixture.deleteToken();
        String billing = fixture.declare("Invoices are late", "billing");

        assertThat(outcomes(fixture.pump(handler))).containsExactly(billing + " NOT_ANNOUNCED");
        assertThat(fixture.slack.messages(DEFAULT)).singleElement().satisfies(m -> {
            assertThat(m.text()).contains("#" + search + " Search is slow");
            assertThat(m.blocks().toString()).as("no escalation policy: no Escalate button")
                    .contains("firebell.ack").doesNotContain("firebell.escalate");
        });
        assertThat(fixture.messagesOf(billing)).isEmpty();
        assertThat(fixture.announcementItem(billing)).isEmpty();
    }

    @Test
    void aRefusal_shouldFailTheRecordWithSlacksErrorName_andTheRetryShouldPostOnce() {
        String id = fixture.declare("Checkout is failing", "checkout");
        List<Map<String, Object>> records = fixture.delivered();
        fixture.slack.failNext(Fault.error("not_in_channel"));

        Map<String, Object> refused = fixture.invoke(handler, records);
        fixture.clock.advance(Duration.ofMinutes(1));
        Map<String, Object> retried = fixture.invoke(handler, records);

        assertThat(failures(refused)).containsExactly(records.get(0).get("dynamodb") instanceof Map<?, ?> d
                ? d.get("SequenceNumber") : null);
        assertThat(fixture.logged.toString(StandardCharsets.UTF_8)).contains("Slack refused chat.postMessage:"
                + " not_in_channel (invite the app to the channel: /invite @Firebell)");
        assertThat(failures(retried)).isEmpty();
        assertThat(outcomes(retried)).containsExactly(id + " POSTED");
        assertThat(fixture.messagesOf(id)).hasSize(1);
    }

    @Test
    void aPostWhoseAnswerWasLost_shouldBeFoundAgainInTheChannel_notPostedTwice() {
        String id = fixture.declare("Checkout is failing", "checkout");
        List<Map<String, Object>> records = fixture.delivered();
        fixture.slack.failNext(Fault.dropAfterWork());

        assertThat(failures(fixture.invoke(handler, records))).hasSize(1);
        assertThat(fixture.announcementItem(id)).as("claimed, not posted").doesNotContainKey("messageTs");
        fixture.clock.advance(Duration.ofMinutes(2));
        fixture.people.commands().acknowledge(id, Actor.of("alice"));
        records.addAll(fixture.delivered());
        Map<String, Object> retried = fixture.invoke(handler, records);

        assertThat(outcomes(retried)).containsExactly(id + " RECOVERED");
        assertThat(fixture.messagesOf(id)).singleElement().satisfies(m -> assertThat(m.text())
                .contains("*Acknowledged* by <@U0ALICE>"));
        assertThat(fixture.slack.calls()).extracting(FakeSlack.Call::method).containsExactly("chat.postMessage",
                "conversations.history", "chat.update");
    }

    @Test
    void rateLimits_shouldBeWaitedOutWithinTheInvocation_orLeftToTheStreamsRetries() {
        String id = fixture.declare("Checkout is failing", "checkout");
        List<Map<String, Object>> records = fixture.delivered();
        fixture.slack.failNext(Fault.rateLimited(3));
        assertThat(outcomes(fixture.invoke(handler, records))).containsExactly(id + " POSTED");
        assertThat(fixture.waits).containsExactly(Duration.ofSeconds(3));

        fixture.clock.advance(Duration.ofMinutes(1));
        fixture.people.commands().changeSeverity(id, Severity.SEV1, Actor.of("alice"));
        List<Map<String, Object>> severity = fixture.delivered();
        fixture.slack.failNext(Fault.rateLimited(600));
        Map<String, Object> limited = fixture.invoke(handler, severity);

        assertThat(failures(limited)).hasSize(1);
        assertThat(fixture.logged.toString(StandardCharsets.UTF_8)).contains("Slack rate-limited chat.update and asked to"
                + " wait 600 s (Retry-After)");
        assertThat(fixture.waits).containsExactly(Duration.ofSeconds(3));
        assertThat(outcomes(fixture.invoke(handler, severity))).containsExactly(id + " UPDATED");
    }

    @Test
    void aClaimAnotherInvocationHolds_shouldBeWaitedOut_whenItLapsesInTime_elseLeftToTheRetries() {
        String id = fixture.declare("Checkout is failing", "checkout");
        List<Map<String, Object>> records = fixture.delivered();
        DynamoAnnouncementStore store = new DynamoAnnouncementStore(local.dynamoDb(), fixture.table);
        store.claim(id, CHECKOUT, fixture.clock.instant(), fixture.clock.instant().plusSeconds(100), "on demand");

        assertThat(failures(fixture.invoke(handler, records))).as("lapses after this invocation").hasSize(1);
        assertThat(fixture.logged.toString(StandardCharsets.UTF_8)).contains("is being posted by another invocation");
        fixture.clock.advance(Duration.ofSeconds(80));
        Map<String, Object> waited = fixture.invoke(handler, records);

        assertThat(outcomes(waited)).containsExactly(id + " POSTED");
        assertThat(fixture.waits).as("waited for the other claim to lapse").containsExactly(Duration.ofSeconds(20));
        assertThat(fixture.slack.calls()).extracting(FakeSlack.Call::method).as("found nothing the other had posted")
                .containsExactly("conversations.history", "chat.postMessage");
    }

    @Test
    void withoutABotToken_everyAnnouncementFails_sayingWhereTheTokenBelongs() {
        fixture.deleteToken();
        fixture.declare("Checkout is failing", "checkout");

        assertThat(failures(fixture.pump(handler))).hasSize(1);
        assertThat(fixture.logged.toString(StandardCharsets.UTF_8)).contains("the Slack bot token is not configured:"
                + " store the app's Bot User OAuth Token (xoxb-...) in the Secrets Manager secret "
                + resources.environmentOf("AnnouncerFunction").get("SLACK_BOT_TOKEN_SECRET_NAME"));
        assertThat(fixture.slack.calls()).isEmpty();
    }

    @Test
    void onDemand_shouldBringOneIncidentUpToDate_andRefuseAnythingElse() {
        String id = fixture.declare("Checkout is failing", "checkout");

        Map<String, Object> answer = fixture.invoke(handler, ("{\"incidentId\": \"" + id + "\"}")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(answer).containsEntry("incidentId", id).containsEntry("outcome", "POSTED");
        assertThatThrownBy(() -> fixture.invoke(handler, "{\"incidentId\": \"../1\"}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("\"incidentId\" must be an incident number, e.g. {\"incidentId\": \"42\"}");
        assertThatThrownBy(() -> fixture.invoke(handler, "[1]".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("expected a JSON object");
        assertThatThrownBy(() -> fixture.invoke(handler, "{\"Records\": [{}]}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("has no dynamodb.SequenceNumber");
        assertThat(fixture.messagesOf(id)).hasSize(1);
    }

    private static List<String> outcomes(Map<String, Object> answer) {
        assertThat(answer).as("the handler was invoked").isNotNull();
        return ((List<?>) answer.get("outcomes")).stream().map(o -> (Map<?, ?>) o)
                .map(o -> o.get("incidentId") + " " + o.get("outcome")).toList();
    }

    private static List<Object> failures(Map<String, Object> answer) {
        return ((List<?>) answer.get("batchItemFailures")).stream().map(f -> ((Map<?, ?>) f).get("itemIdentifier"))
                .map(o -> (Object) o).toList();
    }

    private static String text(Map<String, Object> arguments) {
        return String.valueOf(arguments.get("text"));
    }

    private static String json(Map<String, Object> arguments) {
        return dev.firebell.aws.Json.write(arguments);
    }
}
