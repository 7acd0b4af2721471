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
                .contains("Incident #2  SEV1  payments-platform-health  [TRIGGERED]")
                .contains("team-checkout queue: 1 page")
                .contains("team-payments queue: 1 page")
                .contains("attributes: event_type=incident.triggered incident_id=1 service=checkout severity=SEV2"
                        + " target=team-checkout");
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
