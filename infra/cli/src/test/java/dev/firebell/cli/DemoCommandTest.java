package dev.firebell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's demo, as a user runs it (on this test run's emulator instead of a new one). */
@LocalStackTest
class DemoCommandTest {

    @Test
    void demo_shouldTellTheWholeStory(LocalStack local) {
        String out = runCapturing("demo", "--endpoint", local.endpoint().toString());

        assertThat(out).containsSubsequence(
                "-> OPENED incident 1, pages sent 1",
                "-> REDELIVERY incident 1",
                "-> NOTED incident 1",
                "-> DUPLICATE_SUPPRESSED incident 1",
                "-> OPENED incident 2, pages sent 1",
                "-> RESOLVED incident 1",
                "-> REOPENED incident 1",
                "-> RESOLVED incident 1");
        assertThat(out).contains("OUT_OF_ORDER_IGNORED   OK from 2026-11-27T08:41:12.004Z is older than the ALARM")
                .contains("REOPENED               checkout-api-5xx-high returned to ALARM 7 min after it resolved")
                .contains("Incident #1  SEV2  checkout-api-5xx-high  [RESOLVED]")
                .contains("Incident #2  SEV1  payments-platform-health  [ACKNOWLEDGED]")
                .contains("attributes: event_type=incident.triggered incident_id=1 service=checkout severity=SEV2"
                        + " target=person:");
        // On call: who, the page to them, the next level after its delay, and the acknowledgement stopping it.
        assertThat(out).containsSubsequence(
                "== Who is on call now ==",
                "checkout  checkout-primary: ",
                "payments  payments-follow-the-sun: ",
                "== Escalation: nobody acknowledges payments incident #2 ==",
                "\"escalationSteps\":0",
                "ESCALATED            escalated to level 2 of 2, pass 1 of 3 of policy 'payments': paging Dave Okafor",
                "PAGED                paged person:dave (incident.escalated)",
                "dave acknowledges",
                "#2 acknowledged by dave; escalation stopped",
                "escalation run (acknowledged: nobody else is paged)",
                "-> {\"escalationSteps\":0,\"pagesSent\":0");
        assertThat(out).contains("ESCALATION_NOTE        level 1 of 3, pass 1 of 2 of policy 'checkout': paging ")
                .contains("person:dave: 1 page")
                .contains("attributes: event_type=incident.escalated incident_id=2 service=payments severity=SEV1"
                        + " target=person:dave");
    }

    private static String runCapturing(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run(args)).isZero();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
