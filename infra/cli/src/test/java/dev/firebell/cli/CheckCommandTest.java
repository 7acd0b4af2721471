package dev.firebell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.local.FakeAccountEndpoint;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./firebell check} through the real SDK calls, against a 127.0.0.1 endpoint answering Lambda's account settings
 * and the SNS SMS sandbox as a real account would (moto serves neither); the SDK finds it through the standard
 * {@code aws.endpointUrl} setting, as it would find a real region.
 */
class CheckCommandTest {

    private static final String EXAMPLE = "../config/firebell.example.yaml";
    private static final String[] SDK_SETTINGS = {"aws.endpointUrl", "aws.region", "aws.accessKeyId",
            "aws.secretAccessKey"};

    private final FakeAccountEndpoint account = FakeAccountEndpoint.start();
    private final Map<String, String> settingsBefore = new LinkedHashMap<>();

    @BeforeEach
    void pointTheSdkAtTheFakeAccount() {
        for (String name : SDK_SETTINGS) {
            settingsBefore.put(name, System.getProperty(name));
        }
        System.setProperty("aws.endpointUrl", account.endpoint().toString());
        System.setProperty("aws.region", "eu-west-1");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }

    @AfterEach
    void restore() {
        settingsBefore.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
        account.close();
    }

    @Test
    void check_shouldSayTheStackFits_andWhichSmsPagesWouldNotArrive_inASandboxedAccount() {
        // GIVEN an account with the default quota, in the SMS sandbox, where only alice's number is verified
        account.concurrency(1000, 1000).smsSandbox(true, Map.of("+33612345678", "Verified"));

        // WHEN
        CliRun run = run("check", "--config", EXAMPLE);

        // THEN the reservations fit, and the example's other SMS numbers are named with their people
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.out()).contains("Lambda concurrency: the account runs at most 1000 executions at once, 1000 of"
                        + " them unreserved; this stack reserves 12 (AlarmIngestFunction 10, EscalationFunction 2): fits"
                        + " (988 stay unreserved")
                .contains("warning: this account is in the SNS SMS sandbox of its region")
                .contains("  +4915112345678 (bob)")
                .doesNotContain("+33612345678")
                .contains("docs/deploy.md#sms-sandbox");
        assertThat(account.requests()).containsExactly("lambda:GetAccountSettings", "sns:GetSMSSandboxAccountStatus",
                "sns:ListSMSSandboxPhoneNumbers");
    }

    @Test
    void check_shouldSayTheDeployWouldFail_onANewAccountsQuotaOfTen_andPassWithoutReservations() {
        account.concurrency(10, 10);

        CliRun reserving = run("check");
        CliRun notReserving = run("check", "-p", "ReserveConcurrency=false");

        assertThat(reserving.exit()).isEqualTo(2);
        assertThat(reserving.out()).contains("problem: Lambda concurrency: the account runs at most 10 executions at once,"
                        + " 10 of them unreserved; this stack reserves 12")
                .contains("would leave -2 unreserved where Lambda keeps at least 100")
                .contains("deploy with ReserveConcurrency=false and ChatReservedConcurrency=none, or ask for a higher"
                        + " quota")
                .contains("at least 112");
        assertThat(notReserving.exit()).as(notReserving.out()).isZero();
        assertThat(notReserving.out()).contains("this stack reserves nothing: fits");
    }

    @Test
    void check_shouldCountTheChatCap_andReadAPipelineStageFile() {
        account.concurrency(1000, 150);

        CliRun run = run("check", "--stage-file", "../pipeline/stage-prod.json", "-p", "ChatReservedConcurrency=50");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("this stack reserves 62 (AlarmIngestFunction 10, EscalationFunction 2,"
                + " ChatFunction 50), which would leave 88 unreserved");
    }

    @Test
    void check_shouldPass_whenTheAccountIsOutOfTheSandbox() {
        account.concurrency(1000, 1000).smsSandbox(false, Map.of());

        CliRun run = run("check", "--config", EXAMPLE);

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("SMS: the account is out of the SNS SMS sandbox: texts reach any number");
    }

    @Test
    void check_shouldRefuseAParameterThatIsNotKeyValue() {
        CliRun run = run("check", "-p", "ReserveConcurrency");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("--parameter 'ReserveConcurrency' is not Key=Value");
        assertThat(account.requests()).isEmpty();
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }
}
