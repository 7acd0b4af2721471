package dev.firebell.cli;

import dev.firebell.aws.Json;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.chat.slack.SlackEndpoint.DeferredCommand;
import dev.firebell.chat.slack.SlackSignature;
import dev.firebell.function.announcer.AnnouncerHandler;
import dev.firebell.function.chat.ChatHandler;
import dev.firebell.function.chat.ChatJobs;
import dev.firebell.function.chat.ChatOverrides;
import dev.firebell.incident.Actor;
import dev.firebell.local.EventFilter;
import dev.firebell.local.FakeSlack;
import dev.firebell.local.FunctionUrlEvent;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.ShiftedClock;
import dev.firebell.local.TableStream;
import dev.firebell.routing.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's Slack part, on a fake Slack Web API on 127.0.0.1: the real announcer function reads the table's stream
 * (filtered with the template's criteria) and posts one message per incident to its service's channel; then a new
 * incident is posted, Bob clicks its Acknowledge button (a signed {@code block_actions} request through the real chat
 * function, finished by its deferred half), and the announcer updates the same message. Each message is printed as
 * the fake Slack received it.
 */
final class AnnouncementDemo {

    static final String ANNOUNCER = "AnnouncerFunction";
    static final String CHAT = "ChatFunction";
    private static final String TEAM = "T0DEMO";
    private static final String SIGNING_SECRET = "demo-signing-secret-0123456789abcdef";
    private static final String RESPONSE_URL = "https://hooks.slack.com/actions/T0DEMO/1/demo";

    private final LocalStack local;
    private final LocalResources resources;
    private final ShiftedClock clock;
    private final LocalComponent paging;
    private final PrintStream out;
    private final FunctionRunner runner;
    private final TableStream stream;
    private final EventFilter filter;

    private AnnouncementDemo(LocalStack local, LocalResources resources, ShiftedClock clock, LocalComponent paging,
                             PrintStream out) {
        this.local = local;
        this.resources = resources;
        this.clock = clock;
        this.paging = paging;
        this.out = out;
        // The functions' own log lines stay out of the story.
        this.runner = new FunctionRunner(resources, new PrintStream(OutputStream.nullOutputStream()));
        this.stream = new TableStream(local, resources.tableStreamArn("FirebellTable"));
        this.filter = EventFilter.forEvent(resources.template().function(ANNOUNCER), "IncidentChanged");
    }

    static void run(LocalStack local, LocalResources resources, ShiftedClock clock, LocalComponent paging,
                    PrintStream out) throws IOException {
        out.println();
        out.println("== Slack: one announcement per incident, kept current (a fake Slack Web API on 127.0.0.1) ==");
        try (FakeSlack slack = FakeSlack.start(clock)) {
            new AnnouncementDemo(local, resources, clock, paging, out).tell(slack);
        }
    }

    private void tell(FakeSlack slack) throws IOException {
        local.putSecret(resources.environmentOf(ANNOUNCER).get("SLACK_BOT_TOKEN_SECRET_NAME"), FakeSlack.TOKEN);
        local.putSecret(resources.environmentOf(CHAT).get("SLACK_SIGNING_SECRET_NAME"), SIGNING_SECRET);
        runner.handler(ANNOUNCER, template -> new AnnouncerHandler(environment(ANNOUNCER, "SLACK_API_URL",
                slack.apiUrl().toString()), clock, clock::advance));
        List<DeferredCommand> deferred = new ArrayList<>();
        List<Map<String, Object>> answers = new ArrayList<>();
        runner.handler(CHAT, template -> new ChatHandler(environment(CHAT, "SLACK_TEAM_IDS", TEAM),
                ChatOverrides.none().clock(clock).deferrals(deferred::add).responses((url, m) -> answers.add(m))));

        out.println("The announcer (" + ANNOUNCER + ", SLACK_API_URL=" + slack.apiUrl() + ") catches up with the"
                + " table's stream: " + pump() + ". Slack now holds:");
        for (FakeSlack.Message m : slack.messages()) {
            out.println("  " + m.channel() + " ts " + m.ts() + ": " + m.text());
        }

        clock.advance(Duration.ofMinutes(1));
        String id = paging.incidentCommands().declare("Checkout latency is high", Severity.SEV2, "checkout",
                Actor.of("alice")).incident().id();
        out.println();
        out.println(IncidentPrinter.time(clock.instant()) + "  alice declares #" + id + " on checkout; the announcer: "
                + pump());
        FakeSlack.Call posted = slack.calls("chat.postMessage").get(slack.calls("chat.postMessage").size() - 1);
        print(posted);

        clock.advance(Duration.ofSeconds(40));
        byte[] click = clickBody(posted, slack, "firebell.ack");
        out.println();
        out.println(IncidentPrinter.time(clock.instant()) + "  bob (U024BE7LJ) clicks Acknowledge: Slack posts a signed"
                + " block_actions payload to the chat function -> HTTP " + status(runner.invoke(CHAT, signed(click)))
                + " at once; its deferred half runs the command -> "
                + runner.invoke(CHAT, ChatJobs.snsEvent(resources.environmentOf(CHAT).get("CHAT_JOB_TOPIC_ARN"),
                deferred.get(0))));
        for (Map<String, Object> answer : answers) {
            out.println("  only bob sees (response URL, " + answer.get("response_type") + ", replace_original="
                    + answer.get("replace_original") + "): " + answer.get("text"));
        }
        out.println("  the timeline says: " + paging.store().timeline(id).stream()
                .filter(e -> e.summary().contains("from a Slack button")).map(e -> e.summary()).findFirst()
                .orElse("(nothing from a button)"));
        out.println(IncidentPrinter.time(clock.instant()) + "  the announcer, from the stream: " + pump());
        List<FakeSlack.Call> updates = slack.calls("chat.update");
        print(updates.get(updates.size() - 1));
        out.println("Slack calls in all: " + slack.calls().stream().map(FakeSlack.Call::method).toList());
    }

    /** Hands what the stream holds now, filtered as Lambda would, to the announcer as one batch; its outcomes. */
    @SuppressWarnings("unchecked")
    private String pump() throws IOException {
        List<Map<String, Object>> records = filter.select(stream.read());
        if (records.isEmpty()) {
            return "no records";
        }
        Map<String, Object> result = Json.readObject(runner.invoke(ANNOUNCER, TableStream.event(records)));
        List<String> outcomes = new ArrayList<>();
        for (Object o : (List<Object>) result.get("outcomes")) {
            Map<String, Object> outcome = (Map<String, Object>) o;
            outcomes.add("#" + outcome.get("incidentId") + " " + outcome.get("outcome"));
        }
        return records.size() + " record(s) -> " + String.join(", ", outcomes)
                + (((List<?>) result.get("batchItemFailures")).isEmpty() ? "" : "; failures " + result.get(
                "batchItemFailures"));
    }

    /** A Web API call as the fake Slack received it. */
    private void print(FakeSlack.Call call) {
        out.println("  > " + call.method() + " (Authorization: Bearer xoxb-…)");
        out.println("    " + Json.writePretty(call.arguments()).replace("\n", "\n    "));
    }

    /** Slack's interactivity request for a click on {@code actionId} in the message {@code posted} sent. */
    @SuppressWarnings("unchecked")
    private static byte[] clickBody(FakeSlack.Call posted, FakeSlack slack, String actionId) {
        Map<String, Object> message = posted.arguments();
        String channel = String.valueOf(message.get("channel"));
        List<FakeSlack.Message> held = slack.messages(channel);
        String ts = held.get(held.size() - 1).ts();
        Map<String, Object> button = null;
        String blockId = null;
        for (Object b : (List<Object>) message.get("blocks")) {
            Map<String, Object> block = (Map<String, Object>) b;
            for (Object e : (List<Object>) block.getOrDefault("elements", List.of())) {
                if (actionId.equals(((Map<String, Object>) e).get("action_id"))) {
                    button = (Map<String, Object>) e;
                    blockId = String.valueOf(block.get("block_id"));
                }
            }
        }
        if (button == null) {
            throw new IllegalStateException("the announcement has no " + actionId + " button");
        }
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("action_id", actionId);
        action.put("block_id", blockId);
        action.put("text", button.get("text"));
        action.put("value", button.get("value"));
        action.put("type", "button");
        action.put("action_ts", ts);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "block_actions");
        payload.put("user", Map.of("id", "U024BE7LJ", "username", "bob", "name", "bob", "team_id", TEAM));
        payload.put("api_app_id", "A0DEMO");
        payload.put("container", Map.of("type", "message", "message_ts", ts, "channel_id", channel,
                "is_ephemeral", false));
        payload.put("trigger_id", "1.2.demo");
        payload.put("team", Map.of("id", TEAM, "domain", "firebell-demo"));
        payload.put("channel", Map.of("id", channel, "name", "checkout-incidents"));
        payload.put("message", Map.of("type", "message", "ts", ts, "text", message.get("text"), "blocks",
                message.get("blocks")));
        payload.put("response_url", RESPONSE_URL);
        payload.put("actions", List.of(action));
        return ("payload=" + URLEncoder.encode(Json.write(payload), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The request as Slack sends it: signed with the signing secret at the moment it is sent. */
    private static byte[] signed(byte[] body) {
        Map<String, String> headers = new HashMap<>(SlackSignature.signedFormHeaders(
                SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), Long.toString(Instant.now().getEpochSecond()), body));
        headers.put("user-agent", "Slackbot 1.0 (+https://api.slack.com/robots)");
        return FunctionUrlEvent.post(headers, body);
    }

    private static String status(String functionUrlResponse) throws IOException {
        Map<String, Object> response = Json.readObject(functionUrlResponse);
        String body = String.valueOf(response.getOrDefault("body", ""));
        return response.get("statusCode") + (body.isEmpty() ? " (empty)" : " " + body);
    }

    /** The function's environment as the template gives it, with one variable set for the local run. */
    private FunctionEnvironment environment(String function, String name, String value) {
        Map<String, String> variables = new HashMap<>(resources.environmentOf(function));
        variables.put(name, value);
        return new FunctionEnvironment(variables);
    }
}
