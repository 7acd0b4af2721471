package dev.firebell.function.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.answer.PageAction;
import dev.firebell.escalation.EscalationStatus;
import dev.firebell.function.web.WebFixture.Response;
import dev.firebell.incident.Channel;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.link.LinkClaim;
import dev.firebell.link.LinkKey;
import dev.firebell.link.LinkTokens;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.Published;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The links in pages, end to end on the local stack: an incident pages alice through SNS, her page's link is opened
 * (GET, nothing changes) and confirmed (POST) through the real web handler as its Function URL invokes it, and the
 * table shows what happened, or that nothing did.
 */
@LocalStackTest
class WebFunctionIntegrationTest {

    private final LocalStack local;
    private final LocalResources resources;
    private WebFixture fixture;

    WebFunctionIntegrationTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @BeforeEach
    void scene() {
        fixture = new WebFixture(local, resources);
    }

    @Test
    void opening_theLinkOfAPage_shouldShowTheIncidentAndOneButton_andChangeNothing() {
        String id = fixture.declare("checkout", "Checkout <b>5xx</b> high");
        String link = fixture.link("person:alice", "acknowledge");
        var before = fixture.items();

        Response page = fixture.request("GET", link);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Acknowledge incident #" + id + "?")
                .contains("<dd>Checkout &lt;b&gt;5xx&lt;/b&gt; high</dd>").contains("<dd>checkout</dd>")
                .contains("<dd>SEV2</dd>").contains("<dd>Triggered</dd>")
                .contains("<button type=\"submit\">Acknowledge #" + id + "</button>")
                .contains("sent to alice in a page");
        assertStrictHeaders(page);
        assertThat(fixture.items()).as("a GET writes nothing").isEqualTo(before);
        assertThat(fixture.request("HEAD", link).body()).isEmpty();
    }

    @Test
    void confirming_anEmailLink_shouldAcknowledgeAsAlice_andStopEscalationAsChatAckDoes() {
        String id = fixture.declare("checkout", "Checkout 5xx high");
        fixture.pages("person:alice");
        String link = emailLink(id, "Acknowledge");
        fixture.clock.advance(Duration.ofMinutes(2));

        Response done = fixture.request("POST", link);

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("#" + id + " acknowledged").contains("escalation stopped");
        assertStrictHeaders(done);
        var incident = fixture.paging.store().incident(id).orElseThrow();
        assertThat(incident.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(incident.acknowledgedBy()).isEqualTo("alice");
        assertThat(fixture.paging.store().escalation(id)).hasValueSatisfying(e -> assertThat(e.status())
                .isEqualTo(EscalationStatus.PAUSED));
        TimelineEntry ack = entry(id, TimelineEntryType.ACKNOWLEDGED);
        assertThat(ack.summary()).isEqualTo("acknowledged by alice from an e-mail link; escalation stopped");
        assertThat(ack.actor()).isEqualTo("alice");
        assertThat(ack.details()).containsEntry("via", "email-link");

        // Escalation stopped: bob's level falls due and nobody is paged.
        fixture.clock.advance(Duration.ofMinutes(10));
        fixture.paging.escalationEngine().runDue(10);
        assertThat(fixture.pages("person:bob")).isEmpty();

        // Confirming again says so and writes nothing.
        var before = fixture.items();
        Response again = fixture.request("POST", link);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("already acknowledged by alice");
        assertThat(fixture.items()).isEqualTo(before);
    }

    @Test
    void anEscalateLink_shouldPageTheNextLevelNow_once_howeverOftenItIsPressed() {
        String id = fixture.declare("checkout", "Checkout 5xx high");
        String link = fixture.link("person:alice", "escalate");

        Response first = fixture.request("POST", link);
        Response second = fixture.request("POST", link);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("#" + id + " escalated").contains("by alice from a page&#39;s link");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).contains("escalated already with this");
        assertThat(fixture.pages("person:bob")).hasSize(1);
        assertThat(entry(id, TimelineEntryType.ESCALATED).details()).containsEntry("via", "page-link");
    }

    @Test
    void aResolveLink_shouldResolve_andEveryLinkOfTheIncidentAfterwardsIsRefused_writingNothing() {
        String id = fixture.declare("checkout", "Checkout 5xx high");
        @SuppressWarnings("unchecked")
        Map<String, Object> links = (Map<String, Object>) fixture.pages("person:alice").get(0).get("links");

        Response resolved = fixture.request("POST", String.valueOf(links.get("resolve")));
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(fixture.paging.store().incident(id).orElseThrow().status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(entry(id, TimelineEntryType.RESOLVED).summary()).isEqualTo("resolved by alice from a page's link");

        var before = fixture.items();
        for (String action : List.of("acknowledge", "escalate", "resolve")) {
            for (String method : List.of("GET", "POST")) {
                Response replay = fixture.request(method, String.valueOf(links.get(action)));
                assertThat(replay.status()).as("%s %s", method, action).isEqualTo(409);
                assertThat(replay.body()).contains("is already resolved by alice").contains("Nothing was changed");
                assertStrictHeaders(replay);
            }
        }
        assertThat(fixture.items()).isEqualTo(before);
    }

    @Test
    void anExpiredLink_shouldSaySo_with410_andChangeNothing() {
        String id = fixture.declare("checkout", "Checkout 5xx high");
        String link = fixture.link("person:alice", "acknowledge");
        fixture.clock.advance(Duration.ofHours(24).plusMinutes(1));
        var before = fixture.items();

        for (String method : List.of("GET", "POST")) {
            Response expired = fixture.request(method, link);
            assertThat(expired.status()).isEqualTo(410);
            assertThat(expired.body()).contains("This link has expired").contains("/incident ack " + id);
            assertStrictHeaders(expired);
        }
        assertThat(fixture.items()).isEqualTo(before);
        assertThat(fixture.paging.store().incident(id).orElseThrow().status()).isEqualTo(IncidentStatus.TRIGGERED);
    }

    @Test
    void aTamperedLink_shouldBeInvalid_with400_andChangeNothing() {
        fixture.declare("checkout", "Checkout 5xx high");
        String link = fixture.link("person:alice", "acknowledge");
        char last = link.charAt(link.length() - 5);
        String tampered = link.substring(0, link.length() - 5) + (last == 'A' ? 'B' : 'A') + link.substring(link.length() - 4);
        var before = fixture.items();

        Response refused = fixture.request("POST", tampered);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("This link is not valid");
        assertThat(fixture.items()).isEqualTo(before);
    }

    @Test
    void aGenuineLinkToAnIncidentThatDoesNotExist_orForSomeoneNoLongerConfigured_shouldActOnNothing() {
        fixture.declare("checkout", "Checkout 5xx high");
        fixture.pages("person:alice");
        var before = fixture.items();
        String base = resources.environmentOf("AlarmIngestFunction").get("PUBLIC_BASE_URL");

        Response missing = fixture.request("POST", base + "l/" + signed(new LinkClaim("999", "alice",
                PageAction.ACKNOWLEDGE, Channel.EMAIL_LINK, WebFixture.T0.plus(Duration.ofHours(1)))));
        Response gone = fixture.request("POST", base + "l/" + signed(new LinkClaim("1", "mallory",
                PageAction.RESOLVE, Channel.EMAIL_LINK, WebFixture.T0.plus(Duration.ofHours(1)))));

        assertThat(missing.status()).isEqualTo(404);
        assertThat(gone.status()).isEqualTo(403);
        assertThat(gone.body()).contains("mallory is not in Firebell&#39;s on-call configuration");
        assertThat(fixture.items()).isEqualTo(before);
    }

    @Test
    void aLinkSentToAlice_shouldActAsAlice_whoeverOpensIt_andOnlyOnItsIncident() {
        String first = fixture.declare("checkout", "Checkout 5xx high");
        String link = fixture.link("person:alice", "acknowledge");
        String second = fixture.declare("checkout", "Payments slow");
        fixture.pages("person:alice");

        fixture.request("POST", link);

        assertThat(fixture.paging.store().incident(first).orElseThrow().acknowledgedBy()).isEqualTo("alice");
        assertThat(fixture.paging.store().incident(second).orElseThrow().status()).isEqualTo(IncidentStatus.TRIGGERED);
    }

    @Test
    void aTeamsPage_shouldCarryNoLinks() {
        fixture.declare("legacy", "Queue depth");
        assertThat(fixture.pages("team-legacy")).singleElement().satisfies(page ->
                assertThat(page).doesNotContainKey("links"));
    }

    @Test
    void linksSignedBeforeARotation_shouldKeepWorking_andNewOnesToo() {
        String id = fixture.declare("checkout", "Checkout 5xx high");
        String old = fixture.link("person:alice", "acknowledge");
        String secret = resources.secretArn("LinkKeySecret");
        local.secretsManager().putSecretValue(r -> r.secretId(secret).secretString("r".repeat(64)));
        fixture.clock.advance(Duration.ofMinutes(6));

        assertThat(fixture.request("GET", old).status()).isEqualTo(200);
        String fresh = fixture.paging.escalationEngine().escalateNow(id, "carol").incident().id();
        assertThat(fresh).isEqualTo(id);
        String newer = fixture.link("person:bob", "acknowledge");
        assertThat(fixture.request("GET", newer).status()).isEqualTo(200);
        assertThat(fixture.request("POST", old).status()).isEqualTo(200);
    }

    @Test
    void otherPathsAndMethods_shouldGetAPage_withTheSameHeaders() {
        Response root = fixture.request("GET", "https://example.lambda-url.us-east-1.on.aws/");
        Response favicon = fixture.request("GET", "https://example.lambda-url.us-east-1.on.aws/favicon.ico");
        Response put = fixture.invoke(dev.firebell.local.FunctionUrlEvent.of("PUT", "/l/abc", "", Map.of(),
                new byte[0], false, "198.51.100.7"));
        Response junk = fixture.invoke("{\"not\":\"an event\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(root.status()).isEqualTo(404);
        assertThat(favicon.status()).isEqualTo(404);
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.headers()).containsEntry("allow", "GET, POST");
        assertThat(junk.status()).isEqualTo(400);
        for (Response r : List.of(root, favicon, put, junk)) {
            assertStrictHeaders(r);
        }
    }

    @Test
    void withoutTheLinkKey_shouldAnswer503_andActOnNothing() {
        fixture.declare("checkout", "Checkout 5xx high");
        String link = fixture.link("person:alice", "acknowledge");
        var before = fixture.items();
        // The secret as it is when it was deleted, or its key policy refuses the function.
        Map<String, String> environment = new java.util.LinkedHashMap<>(resources.environmentOf("WebFunction"));
        environment.put("LINK_KEY_SECRET_ARN", resources.secretArn("LinkKeySecret").replace("link-key", "gone-key"));
        WebHandler withoutKey = new WebHandler(new dev.firebell.aws.runtime.FunctionEnvironment(environment),
                fixture.clock);

        Response unavailable = fixture.invoke(withoutKey, "POST", link);

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.body()).contains("Links cannot be checked right now");
        assertStrictHeaders(unavailable);
        assertThat(fixture.items()).isEqualTo(before);
    }

    // ---- helpers

    private void assertStrictHeaders(Response response) {
        assertThat(response.headers()).containsEntry("content-type", "text/html; charset=utf-8")
                .containsEntry("referrer-policy", "no-referrer").containsEntry("cache-control", "no-store")
                .containsEntry("x-content-type-options", "nosniff").containsKey("strict-transport-security");
        assertThat(response.headers().get("content-security-policy")).startsWith("default-src 'none'")
                .contains("form-action 'self'").contains("frame-ancestors 'none'");
    }

    /** The link of an action in the e-mail rendering of the incident's page, as alice's mailbox gets it. */
    private String emailLink(String id, String label) {
        List<Published.Notification> sent = local.published(resources.topicArn("PageTopic")).stream()
                .filter(n -> "person:alice".equals(n.attributes().get("target")) && id.equals(n.attributes()
                        .get("incident_id"))).toList();
        assertThat(sent).isNotEmpty();
        Matcher m = Pattern.compile(label + ": *(\\S+)").matcher(sent.get(sent.size() - 1).rendering("email"));
        assertThat(m.find()).as("a %s link in the e-mail", label).isTrue();
        return m.group(1);
    }

    private String signed(LinkClaim claim) {
        String value = local.secretsManager().getSecretValue(r -> r.secretId(resources.secretArn("LinkKeySecret")))
                .secretString();
        return LinkTokens.sign(claim, LinkKey.of(value));
    }

    private TimelineEntry entry(String id, TimelineEntryType type) {
        return fixture.paging.store().timeline(id).stream().filter(e -> e.type() == type).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + type + " entry on #" + id));
    }
}
