package dev.firebell.aws.sns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.sns.SmsSandbox.Report;
import dev.firebell.local.FakeAccountEndpoint;
import dev.firebell.person.Contact;
import dev.firebell.person.Person;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The SMS sandbox check through the real SDK, against a 127.0.0.1 endpoint answering as SNS does (moto serves neither
 * GetSMSSandboxAccountStatus nor ListSMSSandboxPhoneNumbers).
 */
class SmsSandboxTest {

    private static final Person ALICE = person("alice", new Contact(Contact.Protocol.SMS, "+33612345678"),
            new Contact(Contact.Protocol.EMAIL, "alice@example.com"));
    private static final Person BOB = person("bob", new Contact(Contact.Protocol.SMS, "+4915112345678"));
    private static final Person CAROL = person("carol", new Contact(Contact.Protocol.SMS, "+4915112345678"));
    private static final Person DAVE = person("dave", new Contact(Contact.Protocol.EMAIL, "dave@example.com"));

    private final FakeAccountEndpoint account = FakeAccountEndpoint.start();
    private final SnsClient sns = SnsClient.builder().endpointOverride(account.endpoint()).region(Region.EU_WEST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create()).build();

    @AfterEach
    void stop() {
        sns.close();
        account.close();
    }

    @Test
    void check_shouldListTheNumbersNotVerified_whenTheAccountIsInTheSandbox() {
        // GIVEN a sandboxed account where alice's number is verified and bob's waits for its code (on a second page)
        account.smsSandbox(true, Map.of("+33612345678", "Verified", "+15550100", "Verified", "+4915112345678", "Pending"));

        // WHEN
        Report report = new SmsSandbox(sns).check(List.of(ALICE, BOB, CAROL, DAVE));

        // THEN
        assertThat(report.state()).isEqualTo(Report.State.IN_SANDBOX);
        assertThat(report.unverified()).containsExactly(
                Map.entry("+4915112345678", List.of("bob", "carol", "verification pending")));
        assertThat(report.needsAttention()).isTrue();
        assertThat(report.lines()).first().asString().startsWith("warning: this account is in the SNS SMS sandbox");
        assertThat(report.lines()).contains("  +4915112345678 (bob, carol, verification pending)");
        assertThat(account.requests()).containsExactly("sns:GetSMSSandboxAccountStatus",
                "sns:ListSMSSandboxPhoneNumbers", "sns:ListSMSSandboxPhoneNumbers");
    }

    @Test
    void check_shouldListANumberTheSandboxHasNeverSeen() {
        account.smsSandbox(true, Map.of());

        Report report = new SmsSandbox(sns).check(List.of(ALICE));

        assertThat(report.unverified()).containsExactly(Map.entry("+33612345678", List.of("alice")));
    }

    @Test
    void check_shouldOnlyNote_whenEveryNumberIsVerified() {
        account.smsSandbox(true, Map.of("+33612345678", "Verified"));

        Report report = new SmsSandbox(sns).check(List.of(ALICE));

        assertThat(report.needsAttention()).isFalse();
        assertThat(report.lines()).singleElement().asString().startsWith("note: this account is in the SNS SMS sandbox")
                .contains("docs/deploy.md#sms-sandbox");
    }

    @Test
    void check_shouldSayNothing_whenTheAccountHasLeftTheSandbox() {
        account.smsSandbox(false, Map.of());

        Report report = new SmsSandbox(sns).check(List.of(ALICE, BOB));

        assertThat(report.state()).isEqualTo(Report.State.OUT_OF_SANDBOX);
        assertThat(report.lines()).isEmpty();
        assertThat(account.requests()).containsExactly("sns:GetSMSSandboxAccountStatus");
    }

    @Test
    void check_shouldNotAskSns_whenNobodyHasAnSmsContact() {
        Report report = new SmsSandbox(sns).check(List.of(DAVE));

        assertThat(report.state()).isEqualTo(Report.State.NO_SMS_CONTACTS);
        assertThat(account.requests()).isEmpty();
    }

    @Test
    void check_shouldSayItCouldNotTell_whenSnsRefusesTheQuestion() {
        account.denySns("User: arn:aws:sts::123456789012:assumed-role/config/x is not authorized to perform:"
                + " SNS:GetSMSSandboxAccountStatus");

        Report report = new SmsSandbox(sns).check(List.of(ALICE));

        assertThat(report.state()).isEqualTo(Report.State.UNKNOWN);
        assertThat(report.needsAttention()).isTrue();
        assertThat(report.lines()).singleElement().asString()
                .startsWith("warning: could not tell whether this account is in the SNS SMS sandbox (")
                .contains("not authorized to perform: SNS:GetSMSSandboxAccountStatus");
    }

    private static Person person(String id, Contact... contacts) {
        return new Person(id, id, ZoneId.of("UTC"), null, List.of(contacts), null);
    }
}
