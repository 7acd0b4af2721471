package dev.firebell.function.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.function.chat.ChatFixture.Response;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The endpoint's gate, through the real handler with the signing secret in (emulated) Secrets Manager: what is let
 * in, and that everything refused changes nothing. The signature arithmetic itself, with Slack's documented example,
 * is in {@code SlackSignatureTest}.
 */
@LocalStackTest
class ChatEndpointSecurityIntegrationTest {

    private final ChatFixture fixture;
    private ChatHandler handler;
    private String id;
    private byte[] ackBody;

    ChatEndpointSecurityIntegrationTest(LocalStack local, LocalResources resources) {
        this.fixture = new ChatFixture(local, resources);
    }

    @BeforeEach
    void anOpenIncidentAndAnAckForIt() {
        fixture.reset();
        handler = fixture.handler(ChatOverrides.none().people(Fakes.people(Fakes.ALICE)));
        id = fixture.declared("Checkout is failing", "checkout");
        ackBody = SlackRequests.body(Fakes.ALICE.chatUserId(), "ack " + id);
    }

    @Test
    void aSignedRequest_shouldRun_whetherTheBodyIsBase64OrPlain() {
        String ts = SlackRequests.timestamp(Instant.now());
        Map<String, String> headers = headers(ts, SlackRequests.sign(SlackRequests.SECRET, ts, ackBody));

        Response plain = ChatFixture.invoke(handler, SlackRequests.event(ackBody, headers, false));

        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.inChannel()).isTrue();
        assertThat(acknowledged()).isTrue();
        fixture.commands.unacknowledge(id, "alice");
        Response base64 = ChatFixture.invoke(handler, SlackRequests.event(ackBody, headers, true));
        assertThat(base64.inChannel()).isTrue();
        assertThat(acknowledged()).isTrue();
    }

    @Test
    void headerNames_shouldMatchInAnyCase() {
        String ts = SlackRequests.timestamp(Instant.now());
        Map<String, String> headers = Map.of("Content-Type", "application/x-www-form-urlencoded",
                "X-Slack-Request-Timestamp", ts, "X-SLACK-SIGNATURE", SlackRequests.sign(SlackRequests.SECRET, ts, ackBody));

        Response r = ChatFixture.invoke(handler, SlackRequests.event(ackBody, headers, true));

        assertThat(r.status()).isEqualTo(200);
        assertThat(acknowledged()).isTrue();
    }

    @Test
    void timestamps_shouldBeAcceptedWithinFiveMinutes_inEitherDirection_andRefusedBeyond() {
        assertThat(refusedAt(Instant.now().minusSeconds(301))).as("stale").isTrue();
        assertThat(refusedAt(Instant.now().plusSeconds(301))).as("future").isTrue();
        assertThat(refusedAt(Instant.now().plusSeconds(290))).as("a clock slightly ahead").isFalse();
    }

    @Test
    void commandsOnAClockOfTheirOwn_shouldAnswerAsOfIt_whileSignaturesKeepToTheTimeSlackSignsWith() {
        // GIVEN the commands' clock in a week alice is on call, and in the next, bob's (./firebell serve --at)
        Instant alicesWeek = Instant.parse("2027-03-17T10:00:00Z");
        ChatHandler asOfAlicesWeek = fixture.handler(ChatOverrides.none().clock(() -> alicesWeek));
        ChatHandler asOfBobsWeek = fixture.handler(ChatOverrides.none().clock(() -> alicesWeek.plus(Duration.ofDays(7))));
        byte[] oncall = SlackRequests.body(Fakes.BOB.chatUserId(), "oncall checkout-primary");

        // WHEN asked with requests signed now THEN they are let in, and answered for the commands' time
        Response alices = ChatFixture.invoke(asOfAlicesWeek, signed(oncall));
        Response bobs = ChatFixture.invoke(asOfBobsWeek, signed(oncall));
        assertThat(alices.status()).isEqualTo(200);
        assertThat(alices.text()).contains("*checkout-primary*: now <@U0ALICE");
        assertThat(bobs.text()).contains("*checkout-primary*: now <@U0BOB");

        // AND a request signed at the commands' time, weeks from the real one, is refused as stale
        String ts = SlackRequests.timestamp(alicesWeek);
        Response stale = unchanged(() -> ChatFixture.invoke(asOfAlicesWeek, SlackRequests.event(oncall,
                headers(ts, SlackRequests.sign(SlackRequests.SECRET, ts, oncall)), true)));
        assertThat(stale.status()).isEqualTo(401);
    }

    @Test
    void missingOrMalformedHeaders_shouldBeRefused() {
        String ts = SlackRequests.timestamp(Instant.now());
        String sig = SlackRequests.sign(SlackRequests.SECRET, ts, ackBody);
        assertRefused(Map.of("x-slack-signature", sig));
        assertRefused(Map.of("x-slack-request-timestamp", ts));
        assertRefused(Map.of());
        assertRefused(Map.of("x-slack-request-timestamp", ts + ".5", "x-slack-signature", sig));
        assertRefused(Map.of("x-slack-request-timestamp", "-" + ts, "x-slack-signature", sig));
        assertRefused(Map.of("x-slack-request-timestamp", "", "x-slack-signature", ""));
    }

    @Test
    void aTamperedBodyOrSignature_shouldBeRefused() {
        String ts = SlackRequests.timestamp(Instant.now());
        String sig = SlackRequests.sign(SlackRequests.SECRET, ts, ackBody);
        byte[] otherBody = SlackRequests.body(Fakes.ALICE.chatUserId(), "resolve " + id);

        assertRefused(otherBody, headers(ts, sig));
        assertRefused(ackBody, headers(ts, sig.substring(0, sig.length() - 1) + (sig.endsWith("0") ? "1" : "0")));
        assertRefused(ackBody, headers(ts, sig.toUpperCase()));
        assertRefused(ackBody, headers(ts, sig.substring(3)));
        assertRefused(ackBody, headers(ts, "v1=" + sig.substring(3)));
        assertRefused(ackBody, headers(ts, sig + "00"));
        assertRefused(ackBody, headers(ts, SlackRequests.sign("another-apps-secret", ts, ackBody)));
        assertRefused(ackBody, headers(String.valueOf(Long.parseLong(ts) - 1), sig));
    }

    @Test
    void aMissingOrEmptySigningSecret_shouldRefuseEverything() {
        fixture.deleteSecret();
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        Response missing = ChatFixture.invoke(fixture.handler(ChatOverrides.none()), signed(ackBody),
                ChatFixture.context(new java.io.PrintStream(log, true, StandardCharsets.UTF_8)));
        assertThat(missing.status()).isEqualTo(401);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("ERROR the Slack signing secret is not configured");

        fixture.putSecret("  ");
        Response blank = ChatFixture.invoke(fixture.handler(ChatOverrides.none()), signedWith("", ackBody));
        assertThat(blank.status()).isEqualTo(401);
        assertThat(acknowledged()).isFalse();
    }

    @Test
    void sslCheckProbes_shouldGetAnEmpty200_withoutASignature() {
        byte[] probe = "ssl_check=1&token=gIkuvaNzQIHg97ATvDxqgjtO".getBytes(StandardCharsets.UTF_8);

        Response r = ChatFixture.invoke(handler, SlackRequests.event(probe, Map.of(), true));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void otherWorkspaces_shouldBeToldTheyAreNotAllowed_andChangeNothing() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("team_id", "T0OTHER");
        fields.put("user_id", Fakes.ALICE.chatUserId());
        fields.put("command", "/incident");
        fields.put("text", "ack " + id);
        byte[] body = SlackRequests.form(fields);

        Response r = unchanged(() -> ChatFixture.invoke(handler, signed(body)));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.ephemeral()).isTrue();
        assertThat(r.text()).contains("This Slack workspace (T0OTHER) is not allowed to use this Firebell");
    }

    @Test
    void enterpriseGridWorkspaces_shouldBeAllowedByTheirOrganisationsId() {
        java.util.Map<String, String> env = new java.util.HashMap<>(fixture.resources.environmentOf("ChatFunction"));
        env.put("SLACK_TEAM_IDS", "E0GRID, T0ELSE");
        ChatHandler grid = new ChatHandler(new dev.firebell.aws.runtime.FunctionEnvironment(env),
                ChatOverrides.none().people(Fakes.people(Fakes.ALICE)));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("team_id", "T0WORKSPACE");
        fields.put("enterprise_id", "E0GRID");
        fields.put("user_id", Fakes.ALICE.chatUserId());
        fields.put("command", "/incident");
        fields.put("text", "ack " + id);

        Response r = ChatFixture.invoke(grid, signed(SlackRequests.form(fields)));

        assertThat(r.inChannel()).isTrue();
        assertThat(acknowledged()).isTrue();
    }

    @Test
    void noWorkspaceAllowed_shouldRefuseEveryCommand() {
        java.util.Map<String, String> env = new java.util.HashMap<>(fixture.resources.environmentOf("ChatFunction"));
        assertThat(env).containsEntry("SLACK_TEAM_IDS", "none");   // the template's default: chat is off
        ChatHandler off = new ChatHandler(new dev.firebell.aws.runtime.FunctionEnvironment(env),
                ChatOverrides.none().people(Fakes.people(Fakes.ALICE)));

        Response r = unchanged(() -> ChatFixture.invoke(off, signed(ackBody)));
        env.put("SLACK_TEAM_IDS", "t0firebell, *");   // not ids: no workspace, never every workspace
        ChatHandler garbled = new ChatHandler(new dev.firebell.aws.runtime.FunctionEnvironment(env),
                ChatOverrides.none().people(Fakes.people(Fakes.ALICE)));
        Response g = unchanged(() -> ChatFixture.invoke(garbled, signed(ackBody)));

        assertThat(r.text()).contains("is not allowed to use this Firebell");
        assertThat(g.text()).contains("is not allowed to use this Firebell");
    }

    @Test
    void slackRetries_shouldBeAcknowledged_withoutRunningTheCommandAgain() {
        String ts = SlackRequests.timestamp(Instant.now());
        Map<String, String> headers = new LinkedHashMap<>(headers(ts, SlackRequests.sign(SlackRequests.SECRET, ts, ackBody)));
        headers.put("x-slack-retry-num", "1");
        headers.put("x-slack-retry-reason", "http_timeout");

        Response r = unchanged(() -> ChatFixture.invoke(handler, SlackRequests.event(ackBody, headers, true)));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void otherMethodsOversizedBodiesAndBrokenEvents_shouldGetHttpErrors() {
        String ts = SlackRequests.timestamp(Instant.now());
        Map<String, String> headers = headers(ts, SlackRequests.sign(SlackRequests.SECRET, ts, ackBody));
        byte[] huge = SlackRequests.body(Fakes.ALICE.chatUserId(), "note " + id + " " + "x".repeat(40_000));
        byte[] hugeEvent = new byte[200_000];
        java.util.Arrays.fill(hugeEvent, (byte) ' ');

        assertThat(unchanged(() -> ChatFixture.invoke(handler, SlackRequests.event("GET", ackBody, headers, true))).status())
                .isEqualTo(405);
        assertThat(unchanged(() -> ChatFixture.invoke(handler, signed(huge))).status()).isEqualTo(413);
        assertThat(ChatFixture.invoke(handler, hugeEvent).status()).isEqualTo(413);
        assertThat(ChatFixture.invoke(handler, "[1,2]".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        assertThat(ChatFixture.invoke(handler, "{\"body\":\"%%%\",\"isBase64Encoded\":true}".getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(400);
        assertThat(ChatFixture.invoke(handler, signed("payload=%7B%22type%22%3A%22block_actions%22%7D"
                .getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(400);
        assertThat(acknowledged()).isFalse();
    }

    // ------------------------------------------------------------------ helpers

    private boolean acknowledged() {
        return fixture.store.incident(id).orElseThrow().status() == IncidentStatus.ACKNOWLEDGED;
    }

    private boolean refusedAt(Instant when) {
        String ts = SlackRequests.timestamp(when);
        Response r = ChatFixture.invoke(handler, SlackRequests.event(ackBody,
                headers(ts, SlackRequests.sign(SlackRequests.SECRET, ts, ackBody)), true));
        boolean refused = r.status() == 401;
        if (!refused) {
            fixture.commands.unacknowledge(id, "alice");
        }
        return refused;
    }

    private void assertRefused(Map<String, String> headers) {
        assertRefused(ackBody, headers);
    }

    private void assertRefused(byte[] body, Map<String, String> headers) {
        Response r = unchanged(() -> ChatFixture.invoke(handler, SlackRequests.event(body, headers, true)));
        assertThat(r.status()).as("status for %s", headers).isEqualTo(401);
        assertThat(r.body()).isEqualTo("invalid request signature");
    }

    private static Map<String, String> headers(String ts, String signature) {
        return Map.of("content-type", "application/x-www-form-urlencoded", "x-slack-request-timestamp", ts,
                "x-slack-signature", signature);
    }

    private static byte[] signed(byte[] body) {
        return SlackRequests.signedEvent(body);
    }

    private static byte[] signedWith(String secret, byte[] body) {
        String ts = SlackRequests.timestamp(Instant.now());
        return SlackRequests.event(body, headers(ts, secret.isEmpty() ? "v0=" : SlackRequests.sign(secret, ts, body)), true);
    }

    private <T> T unchanged(java.util.function.Supplier<T> action) {
        List<Map<String, AttributeValue>> before = fixture.snapshot();
        T result = action.get();
        assertThat(fixture.snapshot()).isEqualTo(before);
        return result;
    }
}
