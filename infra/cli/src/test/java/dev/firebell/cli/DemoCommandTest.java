package dev.firebell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's demo, as a user runs it (on this test run's emulator instead of a new one), pinned to the night the
 * clocks change in Europe: the sample alarms are re-stamped to start at the next whole minute, 01:00 UTC.
 */
@LocalStackTest
class DemoCommandTest {

    private static final String AT = "2027-03-28T00:59:30Z";

    @Test
    void demo_shouldTellTheWholeStory_inSecondsAndMinutes_asTheAlarmsHappenedOnTheDemosClock(LocalStack local)
            throws Exception {
        // With --serve, as the README shows: the story, then the console on its data until Enter is pressed.
        String out = runServing(local);

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
                "alice answers #1 from the e-mail page in their mailbox: its Acknowledge link",
                "01:08:02  5. a composite payments alarm goes to ALARM",
                "nobody acknowledges #2: the escalation function takes it to the next level",
                "01:13:00  escalation run (every minute)",
                "\"escalationSteps\":1",
                "ESCALATED            escalated to level 2 of 2, pass 1 of 3 of policy 'payments': paging Dave Okafor",
                "PAGED                paged person:dave (incident.escalated)",
                "dave answers #2 by replying to the SMS page on their phone",
                "#2 acknowledged by dave from an SMS reply; escalation stopped",
                "01:14:31  6. checkout returns to OK",
                "01:30:05  8. and OK again: resolved",
                "01:45:05  escalation run, 15 min after the last alarm (acknowledged: nobody else is paged)",
                "-> {\"escalationSteps\":0,\"pagesSent\":0");
        assertThat(out).contains("ESCALATION_NOTE        level 1 of 3, pass 1 of 2 of policy 'checkout': paging ")
                .contains("person:dave: 1 page")
                .contains("attributes: event_type=incident.escalated incident_id=2 service=payments severity=SEV1"
                        + " target=person:dave");

        // #1 answered from the e-mail link: a GET through the web function's URL shows it and changes nothing, the
        // POST of its button acknowledges; #2 by an SMS reply published to the two-way SMS topic, answered by SMS.
        assertThat(out).containsSubsequence(
                "The web function (the links in pages) serves http://127.0.0.1:",
                "01:02:35  alice answers #1 from the e-mail page in their mailbox: its Acknowledge link",
                "            http://127.0.0.1:",
                "GET  -> 200  \"Acknowledge incident #1?\" (nothing changes: mail scanners open links too)",
                "[WebFunction] INFO acknowledge #1 as alice (email-link)",
                "POST -> 200  \"#1 acknowledged by alice from an e-mail link; escalation stopped\"",
                "01:14:02  dave answers #2 by replying to the SMS page on their phone",
                "the page:  Firebell SEV1 #2 payments: payments-platform-health escalated. Reply 2a to ack",
                "the reply: \"2a\", published by End User Messaging to the inbound topic as"
                        + " {\"originationNumber\":\"+12125550143\",\"destinationNumber\":\"+12065550100\"",
                "\"messageBody\":\"2a\",\"inboundMessageId\":\"",
                "-> {\"answered\":1,\"ignored\":0}",
                "the answer, by SMS from +12065550100 to +12125550143: Firebell: #2 acknowledged by dave from an SMS"
                        + " reply; escalation stopped");
        // The timeline says where each acknowledgement came from.
        assertThat(out).contains("ACKNOWLEDGED           acknowledged by alice from an e-mail link; escalation stopped")
                .contains("ACKNOWLEDGED           acknowledged by dave from an SMS reply; escalation stopped");
        assertThat(out.substring(0, out.indexOf("== An alarm from another account")))
                .doesNotContain("IncidentCommands.acknowledge, as chat does");
        // A link's token is a credential: the demo shows its first characters only.
        assertThat(out).doesNotContainPattern("/l/[A-Za-z0-9_-]{12,}");

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

        // Then an alarm of another account and region, forwarded to the central bus: routed by the account's name, and
        // its timeline, page and incident say where it is from; the demo's own alarms (the stack's account and region,
        // 123456789012 in eu-west-1) say nothing of the kind.
        assertThat(out).containsSubsequence(
                "== An alarm from another account and region",
                "01:46:20  1. card-authorizer-latency-p99 goes to ALARM in account payments-prod (210987654321)",
                "-> OPENED incident 3, pages sent 1",
                "acknowledges #3",
                "escalation run, 15 min after the last alarm (acknowledged: nobody else is paged)",
                "#3's OPENED entry: card-authorizer-latency-p99 entered ALARM",
                "routed by rule 'payments' own account'; from account payments-prod (210987654321), us-east-1)",
                "Incident #3  SEV2  card-authorizer-latency-p99  [ACKNOWLEDGED]",
                "(in account payments-prod (210987654321): switch role first)");
        assertThat(out).contains("SEV2 #3 payments (payments-prod us-east-1): card-authorizer-latency-p99")
                .doesNotContain("#1 checkout (", "#2 payments (", "account 123456789012");

        assertAnnouncement(out);
    }

    /** The Slack part (AnnouncementDemo): the announcement posted, then updated after a button's acknowledgement. */
    private static void assertAnnouncement(String out) {
        assertThat(out).contains("== Slack: one announcement per incident");
        String slack = out.substring(out.indexOf("== Slack: one announcement per incident"));

        // One message per incident of the story, each in its service's channel, showing its final state
        assertThat(slack).contains("catches up with the table's stream: ").contains("-> #1 POSTED, #2 POSTED, #3 POSTED, #4 POSTED")
                .contains("C0CHECKOUT ts ").contains(": :white_check_mark: #1 checkout-api-5xx-high (SEV2, checkout):"
                        + " *Resolved*: its alarm returned to OK after 30m")
                .contains("C0INCIDENTS ts ").contains(": :eyes: #2 payments-platform-health (SEV1, payments):"
                        + " *Acknowledged* by Dave Okafor")
                // the member account's alarm says where it is from, as its page did
                .contains(": :eyes: #3 card-authorizer-latency-p99 (SEV2, payments, payments-prod us-east-1):"
                        + " *Acknowledged* by Frank Ruiz");
        // A new incident posted with its three buttons, acknowledged by a click, the same message updated
        assertThat(slack).containsSubsequence(
                "alice declares #5 on checkout; the announcer: 1 record(s) -> #5 POSTED",
                "> chat.postMessage", "\"channel\" : \"C0CHECKOUT\"",
                "*Triggered*: nobody has acknowledged it yet", "\"action_id\" : \"firebell.ack\"",
                "\"action_id\" : \"firebell.escalate\"", "\"action_id\" : \"firebell.resolve\"",
                "\"incident_id\" : \"5\"",
                "bob (U024BE7LJ) clicks Acknowledge", "-> HTTP 200 (empty) at once",
                "only bob sees (response URL, ephemeral, replace_original=false): :eyes: <@U024BE7LJ> acknowledged *#5*",
                "the timeline says: acknowledged by bob from a Slack button; escalation stopped",
                "the announcer, from the stream: 1 record(s) -> #5 UPDATED",
                "> chat.update", "\"channel\" : \"C0CHECKOUT\"",
                "*Acknowledged* by <@U024BE7LJ>", "\"ts\" : \"",
                "Slack calls in all: [chat.postMessage, chat.postMessage, chat.postMessage, chat.postMessage, chat.postMessage,"
                        + " chat.update]");
        // After the story and the member account's alarm (about 02:00), on the demo's clock: the replay's day, not the
        // machine's
        assertThat(slack).containsPattern("2027-03-28 0[12]:\\d\\d:\\d\\dZ  alice declares #5");
        String updated = slack.substring(slack.indexOf("> chat.update"));
        assertThat(updated).as("acknowledged: no Acknowledge button any more").doesNotContain("firebell.ack")
                .contains("firebell.escalate").contains("firebell.resolve");
    }

    /**
     * Runs {@code demo --serve}; once it prints its sign-in link, signs in with it as a browser would (the GET shows the
     * button, the POST sets the session cookie) and reads the console's incidents and the first postmortem draft, then
     * presses Enter. Returns what the demo printed.
     */
    private static String runServing(LocalStack local) throws Exception {
        PrintStream original = System.out;
        InputStream keyboard = System.in;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PipedOutputStream enter = new PipedOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        System.setIn(new PipedInputStream(enter));
        try {
            CompletableFuture<Integer> demo = CompletableFuture.supplyAsync(
                    () -> Main.run("demo", "--endpoint", local.endpoint().toString(), "--at", AT, "--serve",
                            "--web-port", "0"));
            Matcher link = null;
            for (int waited = 0; waited < 600 && !demo.isDone(); waited++) {
                link = SIGN_IN.matcher(buffer.toString(StandardCharsets.UTF_8));
                if (link.find()) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(link).as("the demo printed a sign-in link: " + buffer).isNotNull();
            assertThat(link.hitEnd()).as("the demo printed a sign-in link: " + buffer).isFalse();
            assertConsoleOnTheDemosData(URI.create(link.group()));
            enter.write('\n');
            enter.flush();
            assertThat(demo.get(60, TimeUnit.SECONDS)).as("the demo's exit status").isZero();
        } finally {
            System.setOut(original);
            System.setIn(keyboard);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static final Pattern SIGN_IN = Pattern.compile(
            "http://127\\.0\\.0\\.1:\\d+/console/sign-in/[A-Za-z0-9_-]+");

    private static void assertConsoleOnTheDemosData(URI link) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> shown = http.send(HttpRequest.newBuilder(link).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("Sign in");
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(link)
                .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(303);
        String cookie = signedIn.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
        assertThat(cookie).startsWith("__Host-firebell=");
        HttpResponse<String> incidents = http.send(HttpRequest.newBuilder(
                link.resolve("/console/incidents")).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(incidents.statusCode()).isEqualTo(200);
        assertThat(incidents.body()).contains("href=\"/console/incidents/1\"", "href=\"/console/incidents/2\"",
                "href=\"/console/incidents/3\"", "checkout-api-5xx-high");
        HttpResponse<String> draft = http.send(HttpRequest.newBuilder(
                link.resolve("/console/incidents/1/postmortem")).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
        assertThat(draft.body()).contains("<svg");
    }
}
