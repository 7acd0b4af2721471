package dev.firebell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The README's demo, as a user runs it (on this test run's emulator instead of a new one), pinned to the night the
 * clocks change in Europe: the sample alarms are re-stamped to start at the next whole minute, 01:00 UTC.
 */
@LocalStackTest
class DemoCommandTest {

    private static final String AT = "2027-03-28T00:59:30Z";

    @Test
    void demo_shouldTellTheWholeStory_inSecondsAndMinutes_asTheAlarmsHappenedOnTheDemosClock(LocalStack local) {
        String out = runCapturing("demo", "--endpoint", local.endpoint().toString(), "--at", AT);

        // A heartbeat monitor pinged, silent past its deadline (an incident through the alarm path), pinged again.
        assertThat(out).containsSubsequence(
                "== A heartbeat monitor that stops pinging ==",
                "payments-reconciliation (service payments) must ping every 15m, at most 5m late",
                "-> 200 OK  (the job's `curl -fsS <url>` at the end of its run)",
                "-> 200 OK  (pinged again within the same slice: nothing written)",
                "Then silence.",
                "\"heartbeatMisses\":1}",
                "-> 200 OK  (the job runs again)",
                "SEV3  heartbeat/payments-reconciliation  [RESOLVED]",
                "service payments, dedup key firebell:heartbeat:payments-reconciliation",
                "OPENED                 heartbeat/payments-reconciliation entered ALARM: no ping since",
                "RESOLVED               heartbeat/payments-reconciliation returned to OK: pinged at");

        assertThat(out).containsSubsequence(
                "-> OPENED incident 1, pages sent 1",
                "-> REDELIVERY incident 1",
                "-> NOTED incident 1",
                "-> DUPLICATE_SUPPRESSED incident 1",
                "-> OPENED incident 2, pages sent 1",
                "-> RESOLVED incident 1",
                "-> REOPENED incident 1",
                "-> RESOLVED incident 1");
        assertThat(out).contains("OUT_OF_ORDER_IGNORED   OK from 2027-03-28T00:41:12.004Z is older than the ALARM")
                .contains("REOPENED               checkout-api-5xx-high returned to ALARM 7 min after it resolved")
                .contains("Incident #1  SEV2  checkout-api-5xx-high  [RESOLVED]")
                .contains("Incident #2  SEV1  payments-platform-health  [ACKNOWLEDGED]")
                .contains("attributes: event_type=incident.triggered incident_id=1 service=checkout severity=SEV2"
                        + " target=person:");
        // On call: who, the page to them, the next level after its delay, and the acknowledgement stopping it.
        assertThat(out).containsSubsequence(
                "== Who is on call now (2027-03-28 00:59:",
                "checkout  checkout-primary: ",
                "payments  payments-follow-the-sun: ",
                "01:00:05  1. checkout-api-5xx-high goes to ALARM",
                "acknowledges #1 (IncidentCommands.acknowledge, as chat does): #1 acknowledged by",
                "01:08:02  5. a composite payments alarm goes to ALARM",
                "nobody acknowledges #2: the escalation function takes it to the next level",
                "01:13:00  escalation run (every minute)",
                "\"escalationSteps\":1",
                "ESCALATED            escalated to level 2 of 2, pass 1 of 3 of policy 'payments': paging Dave Okafor",
                "PAGED                paged person:dave (incident.escalated)",
                "dave acknowledges #2",
                "#2 acknowledged by dave; escalation stopped",
                "01:14:31  6. checkout returns to OK",
                "01:30:05  8. and OK again: resolved",
                "01:45:05  escalation run, 15 min after the last alarm (acknowledged: nobody else is paged)",
                "-> {\"escalationSteps\":0,\"pagesSent\":0");
        assertThat(out).contains("ESCALATION_NOTE        level 1 of 3, pass 1 of 2 of policy 'checkout': paging ")
                .contains("person:dave: 1 page")
                .contains("attributes: event_type=incident.escalated incident_id=2 service=payments severity=SEV1"
                        + " target=person:dave");

        // Recorded on 2026-11-27 from 09:00 UTC, replayed from 01:00 UTC: the recording's day is only in the header.
        assertThat(out).contains("The sample alarms were recorded from 2026-11-27 09:00 UTC; every time in them is"
                + " moved to start at 2027-03-28 01:00 UTC");
        assertThat(out.split("2026-11-27", -1)).hasSize(2);
        // The incident opens within seconds of its alarm, is acknowledged minutes later, resolves after 30 minutes.
        assertThat(out).containsPattern("alarm fired 2027-03-28 01:00:04Z, opened 2027-03-28 01:00:0[5-9]Z")
                .contains("resolved 2027-03-28 01:30:05Z by alarm after 30 min")
                .containsPattern("alarm fired 2027-03-28 01:08:02Z, opened 2027-03-28 01:08:0[2-9]Z");
        // The postmortem: an alerting delay of seconds, and a chart of minutes on the replay's day.
        assertThat(out).containsPattern("\\*\\*Alerting delay:\\*\\* Firebell opened the incident at 2027-03-28"
                        + " 01:00:0[5-9] UTC, (under 1 s|[1-4] s) after the alarm fired")
                .contains("axisFormat %H:%M")
                .containsPattern("Detected :milestone, detected, 2027-03-28 01:00:04")
                .containsPattern("Acknowledged :milestone, acknowledged, 2027-03-28 01:02:(3[5-9]|4\\d)")
                .contains("Resolved :milestone, resolved, 2027-03-28 01:30:05")
                .doesNotContain("axisFormat %m-%d");
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
