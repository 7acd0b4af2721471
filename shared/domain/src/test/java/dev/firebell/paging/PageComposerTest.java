package dev.firebell.paging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.account.Account;
import dev.firebell.account.Accounts;
import dev.firebell.account.Home;
import dev.firebell.account.Origins;
import dev.firebell.alarm.AlarmKind;
import dev.firebell.alarm.Alarms;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.routing.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    private static Incident incident(String name) {
        return new Incident("42", name, "checkout", Severity.SEV2, IncidentStatus.TRIGGERED, Alarms.arn(name),
                Alarms.arn(name), name, Alarms.ACCOUNT, "eu-west-1", AlarmKind.METRIC, null,
                "Threshold Crossed: 1 datapoint [42.0] was greater than the threshold (10.0).", List.of(), T, T, T, 1,
                null, null, null, null, null, 0, null, null, 1);
    }
}
