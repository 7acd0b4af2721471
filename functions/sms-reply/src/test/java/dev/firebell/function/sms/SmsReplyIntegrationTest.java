package dev.firebell.function.sms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.escalation.EscalationStatus;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.Published;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replies to SMS pages on the local stack: a real-shaped inbound message (src/test/resources/inbound) is published to
 * the inbound topic, SNS's delivery of it goes through the real handler, and the table and the SMS sent show the rest.
 */
@LocalStackTest
class SmsReplyIntegrationTest {

    private final LocalStack local;
    private final LocalResources defaults;
    private SmsFixture fixture;

    SmsReplyIntegrationTest(LocalStack local, LocalResources defaults) {
        this.local = local;
        this.defaults = defaults;
    }

    @BeforeEach
    void scene() {
        fixture = new SmsFixture(local, defaults);
    }

    @Test
    void theSmsPage_shouldSayHowToReply_andA1aReply_shouldAcknowledgeAsTheSender_answeredBySms() {
        String id = fixture.declare("Checkout 5xx high");
        assertThat(id).isEqualTo("1");
        String page = local.published(fixture.resources.topicArn("PageTopic")).stream()
                .filter(n -> "person:alice".equals(n.attributes().get("target"))).reduce((a, b) -> b).orElseThrow()
                .rendering("sms");
        assertThat(page).contains("Reply 1a to ack, 1e escalate, 1r resolve.");
        int smsBefore = local.smsSent().size();

        String outcome = fixture.handle(fixture.throughTheTopic("ack.json"));

        assertThat(outcome).isEqualTo("{\"answered\":1,\"ignored\":0}");
        var incident = fixture.graph.store().incident(id).orElseThrow();
        assertThat(incident.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(incident.acknowledgedBy()).isEqualTo("alice");
        assertThat(fixture.graph.store().escalation(id)).hasValueSatisfying(e -> assertThat(e.status())
                .isEqualTo(EscalationStatus.PAUSED));
        TimelineEntry ack = entry(id, TimelineEntryType.ACKNOWLEDGED);
        assertThat(ack.summary()).isEqualTo("acknowledged by alice from an SMS reply; escalation stopped");
        assertThat(ack.details()).containsEntry("via", "sms-reply")
                .containsEntry("smsMessageId", "6f2c1e0a-3b7d-5c4e-9a1f-0d8e7b6c5a41");
        List<Published.Sms> sent = local.smsSent().subList(smsBefore, local.smsSent().size());
        assertThat(sent).singleElement().satisfies(sms -> {
            assertThat(sms.phoneNumber()).isEqualTo(SmsFixture.ALICE);
            assertThat(sms.message()).isEqualTo("Firebell: #1 acknowledged by alice from an SMS reply; escalation stopped");
        });
    }

    @Test
    void aLetterAlone_shouldActOnTheLastPageSentToThatNumbersPerson() {
        fixture.declare("Checkout 5xx high");
        String second = fixture.declare("Payments slow");

        fixture.handle(fixture.throughTheTopic("ack-last-page.json"));

        assertThat(fixture.graph.store().incident(second).orElseThrow().status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(fixture.graph.store().incident("1").orElseThrow().status()).isEqualTo(IncidentStatus.TRIGGERED);
    }

    @Test
    void anEscalateReply_shouldPageTheNextLevelOnce_evenWhenSnsDeliversItTwice() {
        String id = fixture.declare("Checkout 5xx high");
        byte[] event = fixture.throughTheTopic("escalate.json");

        fixture.handle(event);
        String again = fixture.handle(event);

        assertThat(again).isEqualTo("{\"answered\":0,\"ignored\":1}");
        assertThat(fixture.graph.store().pages(id)).extracting(p -> p.target())
                .containsExactly("person:alice", "person:bob");
        assertThat(entry(id, TimelineEntryType.ESCALATED).summary()).contains("by alice from an SMS reply");
    }

    @Test
    void aResolveReply_shouldResolve_andTheNextReplySaysItIsResolved() {
        String id = fixture.declare("Checkout 5xx high");
        fixture.handle(fixture.throughTheTopic("resolve.json"));
        assertThat(fixture.graph.store().incident(id).orElseThrow().status()).isEqualTo(IncidentStatus.RESOLVED);

        var before = fixture.incidentItems();
        fixture.handle(fixture.throughTheTopic("ack.json"));
        assertThat(local.smsSent()).last().satisfies(sms -> assertThat(sms.message())
                .startsWith("Firebell: #1 is already resolved by alice"));
        assertThat(fixture.incidentItems()).isEqualTo(before);
    }

    @Test
    void aReplyFromANumberNoOneHas_shouldChangeNothing_andGetNoAnswer() {
        fixture.declare("Checkout 5xx high");
        var before = fixture.items();
        int smsBefore = local.smsSent().size();

        String outcome = fixture.handle(fixture.throughTheTopic("unknown-number.json"));

        assertThat(outcome).isEqualTo("{\"answered\":0,\"ignored\":1}");
        assertThat(fixture.items()).as("not even a counter").isEqualTo(before);
        assertThat(local.smsSent()).hasSize(smsBefore);
    }

    @Test
    void anythingButACode_shouldBeAnsweredWithHelp_andStopIsLeftToAws() {
        fixture.declare("Checkout 5xx high");
        var before = fixture.incidentItems();
        int smsBefore = local.smsSent().size();

        fixture.handle(fixture.throughTheTopic("not-a-code.json"));
        fixture.handle(fixture.throughTheTopic("stop.json"));

        assertThat(local.smsSent().subList(smsBefore, local.smsSent().size())).singleElement()
                .satisfies(sms -> assertThat(sms.message()).startsWith("Firebell: reply with the incident number"));
        assertThat(fixture.incidentItems()).isEqualTo(before);
    }

    @Test
    void messagesFromAnotherTopic_orNotInboundSms_shouldBeIgnored_withoutFailing() {
        fixture.declare("Checkout 5xx high");
        var before = fixture.items();
        String other = new String(fixture.throughTheTopic("ack.json"), java.nio.charset.StandardCharsets.UTF_8)
                .replace(fixture.inboundTopic, fixture.resources.topicArn("PageTopic"));

        assertThat(fixture.handle(other.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo("{\"answered\":0,\"ignored\":1}");
        assertThat(fixture.handle("{\"Records\":[{\"Sns\":{\"TopicArn\":\"x\"}}]}".getBytes(
                java.nio.charset.StandardCharsets.UTF_8))).isEqualTo("{\"answered\":0,\"ignored\":1}");
        assertThat(fixture.handle("not json".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo("{\"answered\":0,\"ignored\":0}");
        assertThat(fixture.items()).isEqualTo(before);
    }

    private TimelineEntry entry(String id, TimelineEntryType type) {
        return fixture.graph.store().timeline(id).stream().filter(e -> e.type() == type).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + type + " entry on #" + id));
    }
}
