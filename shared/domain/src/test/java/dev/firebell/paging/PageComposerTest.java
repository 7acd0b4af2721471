package dev.firebell.paging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.account.Account;
import dev.firebell.account.Accounts;
import dev.firebell.account.Home;
import dev.firebell.account.Origins;
import dev.firebell.alarm.AlarmKind;
import dev.firebell.alarm.Alarms;
import dev.firebell.answer.PageAction;
import dev.firebell.incident.Channel;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.link.ActionLinks;
import dev.firebell.link.LinkClaim;
import dev.firebell.link.LinkTokens;
import dev.firebell.link.TestLinks;
import dev.firebell.routing.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PageComposerTest {

    private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    @SuppressWarnings("unchecked")
    void compose_shouldRenderEveryProtocolAndTheFilterAttributes() {
        Incident incident = incident("checkout-api-5xx-high");
        Page page = Page.pending("42", 1, "team-checkout", PageReason.TRIGGERED, T, T.plusSeconds(60), "t");

        PageMessage m = new PageComposer().compose(incident, page);

        assertThat(m.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("service", "checkout", "severity", "SEV2",
                "incident_id", "42", "event_type", "incident.triggered", "target", "team-checkout"));
        assertThat(m.sms()).hasSizeLessThanOrEqualTo(160).contains("SEV2 #42").contains("/incident ack 42");
        assertThat(m.subject()).startsWith("[Firebell] SEV2 #42 checkout").hasSizeLessThan(100);
        assertThat(m.emailBody()).contains("Reason:").contains(
                "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:alarm/checkout-api-5xx-high");
        assertThat(m.document()).containsEntry("eventType", "incident.triggered").containsEntry("pageId", "42-1");
        assertThat((Map<String, Object>) m.document().get("incident")).containsEntry("severity", "SEV2")
                .containsEntry("alarmArn", Alarms.arn("checkout-api-5xx-high"));
    }

    @Test
    void compose_shouldKeepSubjectAsciiAndShort_andSmsShort_whenTheTitleIsLong() {
        Incident incident = incident("ünïcode-" + "x".repeat(300) + "\nnewline");
        PageMessage m = new PageComposer().compose(incident,
                Page.pending("42", 1, "team", PageReason.ESCALATED, T, T, "t"));
        assertThat(m.subject()).hasSizeLessThan(100).matches("[\\x20-\\x7E]*").endsWith("...");
        assertThat(m.sms()).hasSizeLessThanOrEqualTo(160);
        assertThat(m.attributes()).containsEntry("event_type", "incident.escalated");
    }

    @Test
    @SuppressWarnings("unchecked")
    void compose_shouldSayWhichAccountAndRegion_andThatTheConsoleNeedsARoleSwitch_forAMemberAccountsAlarm() {
        // GIVEN Firebell in 123456789012/eu-west-1, and an incident of an alarm of shop-prod in us-east-1
        Origins origins = new Origins(new Home(Alarms.ACCOUNT, "eu-west-1"), () -> new Accounts(Map.of(
                "111122223333", new Account("111122223333", "shop-prod"))));
        String arn = "arn:aws:cloudwatch:us-east-1:111122223333:alarm:orders-5xx";
        Incident incident = incident("orders-5xx").toBuilder().alarmArn(arn).dedupKey(arn).accountId("111122223333")
                .region("us-east-1").build();

        // WHEN its page is composed
        PageMessage m = new PageComposer(origins).compose(incident,
                Page.pending("42", 1, "team-checkout", PageReason.TRIGGERED, T, T.plusSeconds(60), "t"));

        // THEN every rendering says where the alarm is, and the link opens its region with a note for the reader
        assertThat(m.sms()).startsWith("Firebell SEV2 #42 checkout (shop-prod us-east-1): orders-5xx triggered.")
                .hasSizeLessThanOrEqualTo(160);
        assertThat(m.subject()).isEqualTo("[Firebell] SEV2 #42 checkout (shop-prod us-east-1): orders-5xx");
        assertThat(m.emailBody()).contains("Account:   shop-prod (111122223333), not Firebell's own\n"
                + "Region:    us-east-1\n"
                + "Console:   https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/orders-5xx\n"
                + "           (in account shop-prod (111122223333): switch role first)\n");
        assertThat((Map<String, Object>) m.document().get("incident")).containsEntry("accountId", "111122223333")
                .containsEntry("accountName", "shop-prod").containsEntry("region", "us-east-1")
                .containsEntry("consoleNote", "in account shop-prod (111122223333): switch role first");
    }

    @Test
    @SuppressWarnings("unchecked")
    void compose_shouldReadAsBefore_forAnAlarmOfFirebellsOwnAccountAndRegion() {
        Origins origins = new Origins(new Home(Alarms.ACCOUNT, "eu-west-1"), () -> Accounts.NONE);
        Incident incident = incident("checkout-api-5xx-high");
        Page page = Page.pending("42", 1, "team-checkout", PageReason.TRIGGERED, T, T.plusSeconds(60), "t");

        PageMessage withHome = new PageComposer(origins).compose(incident, page);

        assertThat(withHome).isEqualTo(new PageComposer().compose(incident, page));
        assertThat(withHome.emailBody()).doesNotContain("Account:", "Region:", "switch role");
        assertThat((Map<String, Object>) withHome.document().get("incident")).doesNotContainKeys("accountName",
                "consoleNote");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPersonsPage_shouldCarryTheirSignedLinks_inEveryRendering_andTheReplyCodes() {
        PageComposer composer = new PageComposer(Origins.NONE, links(), true);
        Incident incident = incident("checkout-api-5xx-high");

        PageMessage m = composer.compose(incident, Page.pending("42", 1, "person:alice", PageReason.TRIGGERED, T,
                T.plusSeconds(60), "t"));

        String prefix = TestLinks.FUNCTION_URL + "l/";
        assertThat(m.emailBody()).contains("Acknowledge: " + prefix).contains("Escalate:    " + prefix)
                .contains("Resolve:     " + prefix).contains("work until 2026-11-28T10:00:00Z UTC")
                .contains("/incident ack 42");
        assertThat(claims(m.emailBody())).extracting(LinkClaim::channel).containsOnly(Channel.EMAIL_LINK);
        assertThat(claims(m.emailBody())).extracting(LinkClaim::action).containsExactlyInAnyOrder(PageAction.values());
        assertThat(m.sms()).startsWith("Firebell SEV2 #42 checkout: checkout-api-5xx-high triggered. Reply 42a to ack,"
                + " 42e escalate, 42r resolve. Ack: " + prefix);
        assertThat(claims(m.sms())).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(PageAction.ACKNOWLEDGE);
            assertThat(c.channel()).isEqualTo(Channel.SMS_LINK);
            assertThat(c.personId()).isEqualTo("alice");
            assertThat(c.incidentId()).isEqualTo("42");
        });
        Map<String, Object> links = (Map<String, Object>) m.document().get("links");
        assertThat(links).containsOnlyKeys("acknowledge", "escalate", "resolve", "expiresAt")
                .containsEntry("expiresAt", "2026-11-28T10:00:00Z");
        assertThat(claims(String.valueOf(links))).extracting(LinkClaim::channel).containsOnly(Channel.PAGE_LINK);
        // The rest of the contract is as it was.
        assertThat(m.attributes()).containsEntry("target", "person:alice");
        assertThat(m.document()).containsKeys("version", "type", "eventType", "pageId", "target", "incident");
    }

    @Test
    void aPersonsSms_withItsLink_shouldFitInTwoGsmSegments_whateverTheTitle() {
        PageComposer composer = new PageComposer(Origins.NONE, links(), true);
        for (String title : List.of("checkout-api-5xx-high", "x".repeat(400), "[{~}]".repeat(80),
                "Zahlungen schlagen fehl – “Checkout” 🔥 " + "ü".repeat(200))) {
            Incident incident = incident(title);
            for (PageReason reason : PageReason.values()) {
                PageMessage m = composer.compose(incident.toBuilder().id("12345").build(),
                        Page.pending("12345", 1, "person:carol.o-brien", reason, T, T, "t"));
                assertThat(SmsText.segments(m.sms())).as("%s / %s: %s", title, reason, m.sms()).isLessThanOrEqualTo(2);
                assertThat(m.sms()).as("GSM-7 only").matches(s -> s.chars().allMatch(c -> SmsText.isGsm((char) c)));
                assertThat(m.sms()).contains(TestLinks.FUNCTION_URL + "l/").contains("Reply 12345a to ack");
            }
        }
    }

    @Test
    void aTeamsPage_shouldCarryNoPersonalLinks_andStayOneSms() {
        PageComposer composer = new PageComposer(Origins.NONE, links(), true);
        PageMessage m = composer.compose(incident("checkout-api-5xx-high"),
                Page.pending("42", 1, "team-checkout", PageReason.TRIGGERED, T, T, "t"));

        assertThat(m.document()).doesNotContainKey("links");
        assertThat(m.emailBody()).doesNotContain("/l/");
        assertThat(m.sms()).doesNotContain("/l/").doesNotContain("Reply").endsWith("Ack: /incident ack 42");
        assertThat(SmsText.segments(m.sms())).isEqualTo(1);
    }

    @Test
    void aPersonsPage_shouldStillGoOut_withoutLinks_whenNoneCanBeMade() {
        PageComposer composer = new PageComposer(Origins.NONE, ActionLinks.none(), false);
        PageMessage m = composer.compose(incident("checkout-api-5xx-high"),
                Page.pending("42", 1, "person:alice", PageReason.TRIGGERED, T, T, "t"));

        assertThat(m.document()).doesNotContainKey("links");
        assertThat(m.sms()).endsWith("triggered. Ack: /incident ack 42").doesNotContain("Reply");
        assertThat(m.emailBody()).contains("/incident ack 42").doesNotContain("Acknowledge: ");
    }

    private static ActionLinks links() {
        return TestLinks.links(() -> T);
    }

    /** The claims of every link in a text, verified. */
    private static List<LinkClaim> claims(String text) {
        Matcher m = Pattern.compile("/l/([A-Za-z0-9_-]+)").matcher(text);
        List<LinkClaim> claims = new java.util.ArrayList<>();
        while (m.find()) {
            LinkTokens.Verification v = LinkTokens.verify(m.group(1), List.of(TestLinks.KEY), T);
            assertThat(v).isInstanceOf(LinkTokens.Verification.Valid.class);
            claims.add(((LinkTokens.Verification.Valid) v).claim());
        }
        return claims;
    }

    private static Incident incident(String name) {
        return new Incident("42", name, "checkout", Severity.SEV2, IncidentStatus.TRIGGERED, Alarms.arn(name),
                Alarms.arn(name), name, Alarms.ACCOUNT, "eu-west-1", AlarmKind.METRIC, null,
                "Threshold Crossed: 1 datapoint [42.0] was greater than the threshold (10.0).", List.of(), T, T, T, 1,
                null, null, null, null, null, 0, null, null, 1);
    }
}
