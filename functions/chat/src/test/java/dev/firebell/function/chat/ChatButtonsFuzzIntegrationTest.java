package dev.firebell.function.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.firebell.aws.Json;
import dev.firebell.chat.slack.ButtonClicks;
import dev.firebell.chat.slack.SlackEndpoint;
import dev.firebell.chat.slack.SlackSignature;
import dev.firebell.function.chat.ChatFixture.Response;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Thousands of hostile interactivity requests through the real handler, as deployed, against the emulator: payloads
 * that are not JSON, fields of the wrong type, other interactions, unknown actions, values that are not incident
 * numbers (or smuggle a resolution text), clicks by people outside the configuration, from another workspace,
 * unsigned, badly signed or stale, huge values. Every request gets a 4xx or an empty 200; every deferred half that
 * Slack's 200 started is run too (twice) and may only answer its clicker, ephemerally, at a Slack response URL; and
 * no incident, timeline entry, escalation or page is written (the job ledger's run-once keys aside).
 */
@LocalStackTest
class ChatButtonsFuzzIntegrationTest {

    private static final long SEED = 20261206L;
    private static final Set<Integer> STATUSES = Set.of(200, 400, 401, 403, 413);
    private static final List<String> HOSTILE = List.of("<!channel>", "<!here>", "<@U0BOB>", "<https://evil.example|x>",
            "'; DROP TABLE incidents; --", "${jndi:ldap://evil}", "\u0000", "\u202E", "🚒", "火事", "null", "", " ",
            "1 fixed it <!channel>", "7\nresolve 1", "ack 1", "#1", "01", "1.0", "-1", "１", "1e0", "0x1",
            "99999999999999999999");
    private static final List<String> ACTIONS = List.of("firebell.ack", "firebell.escalate", "firebell.resolve");

    private final ChatFixture fixture;
    private final Random random = new Random(SEED);

    ChatButtonsFuzzIntegrationTest(LocalStack local, LocalResources resources) {
        this.fixture = new ChatFixture(local, resources);
    }

    @Test
    void hostileClicks_shouldAllBeRefusedOrAnswered_andWriteNothing() {
        // GIVEN one open incident (#1), and the production wiring with its people (alice, bob) and escalation
        fixture.reset();
        String seeded = fixture.declared("Search is slow", "search");
        Fakes.Deferred deferred = new Fakes.Deferred();
        Fakes.Responses responses = new Fakes.Responses();
        ChatHandler handler = fixture.handler(ChatOverrides.none().deferrals(deferred).responses(responses));
        List<Map<String, AttributeValue>> before = ChatButtonsIntegrationTest.withoutJobs(fixture.snapshot());
        Map<String, Integer> statuses = new TreeMap<>();

        // WHEN
        List<byte[]> events = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            events.add(signed(ButtonClicks.body(notJson())));
        }
        for (int i = 0; i < 800; i++) {
            events.add(signed(ButtonClicks.body(mutated(seeded))));
        }
        for (int i = 0; i < 500; i++) {
            String action = random.nextBoolean() ? pick(HOSTILE) : pick(ACTIONS) + pick(List.of(" ", "x", ".", "\n"));
            String value = random.nextBoolean() ? pick(HOSTILE) : seeded;
            events.add(signed(ButtonClicks.body(ButtonClicks.click(known(), action, value))));
        }
        for (int i = 0; i < 400; i++) {
            // Others: people outside the configuration on the seeded incident; known people on incidents that are not.
            boolean stranger = random.nextBoolean();
            String user = stranger ? pick(List.of("U0STRANGER", "W0GRIDUSER", "U" + random.nextInt(1_000_000)))
                    : known();
            String value = stranger ? seeded : pick(List.of("4242", "999999999999", "2"));
            events.add(signed(ButtonClicks.body(ButtonClicks.click(user, pick(ACTIONS), value))));
        }
        for (int i = 0; i < 400; i++) {
            byte[] body = ButtonClicks.body(ButtonClicks.click(known(), pick(ACTIONS), seeded));
            events.add(badlySigned(body));
        }
        for (int i = 0; i < 200; i++) {
            Map<String, Object> payload = ButtonClicks.click(known(), pick(ACTIONS), seeded);
            payload.put("team", Map.of("id", pick(List.of("T0ELSEWHERE", "E0FIREBELL", "T1"))));
            events.add(signed(ButtonClicks.body(payload)));
        }
        for (int i = 0; i < 100; i++) {
            events.add(signed(ButtonClicks.body(huge(seeded))));
        }
        for (int i = 0; i < 3; i++) {
            events.add(signed(ButtonClicks.body("{\"type\":\"block_actions\",\"x\":" + "[".repeat(20_000) + "]}")));
        }

        int jobs = 0;
        for (int i = 0; i < events.size(); i++) {
            byte[] event = events.get(i);
            int deferredBefore = deferred.commands.size();
            Response r;
            try {
                r = ChatFixture.invoke(handler, event);
            } catch (RuntimeException e) {
                throw new AssertionError("request " + i + " (seed " + SEED + ") threw " + e + "; " + preview(event), e);
            }
            statuses.merge(r.status() + (r.body().isEmpty() ? "" : " " + r.body()), 1, Integer::sum);
            String where = "request " + i + " (seed " + SEED + "): " + preview(event);
            assertThat(STATUSES).as(where).contains(r.status());
            if (r.status() == 200) {
                assertThat(r.body()).as(where + ": a click's 200 says nothing").isEmpty();
            }
            for (SlackEndpoint.DeferredCommand job : deferred.commands.subList(deferredBefore, deferred.commands.size())) {
                runJob(handler, job, where);
                runJob(handler, job, where + " (delivered again)");
                jobs++;
                assertThat(fixture.store.incident(seeded).orElseThrow().version()).as(where + ": #%s's version",
                        seeded).isEqualTo(1);
            }
        }

        // THEN nothing was written, and every answer went to its clicker alone, at a Slack response URL
        assertThat(ChatButtonsIntegrationTest.withoutJobs(fixture.snapshot()))
                .as("the table after %d hostile clicks", events.size()).isEqualTo(before);
        assertThat(jobs).as("clicks that reached ChatService, and were refused there").isGreaterThanOrEqualTo(300);
        assertThat(responses.posts).hasSize(jobs).allSatisfy(post -> {
            assertThat(post.url().getHost()).isEqualTo("hooks.slack.com");
            assertThat(post.message()).containsEntry("response_type", "ephemeral")
                    .containsEntry("replace_original", false);
            String text = Json.write(post.message());
            for (String raw : List.of("<!channel>", "<!here>", "<https://evil")) {
                if (text.contains(raw)) {
                    fail("an answer echoes " + raw + " unescaped: " + text);
                }
            }
        });
        assertThat(statuses.keySet()).as("answers: %s", statuses).contains("200", "400 not a Firebell button click",
                "401 invalid request signature", "403 workspace not allowed");
        System.out.println("chat buttons fuzz: " + events.size() + " requests, answers " + statuses + ", " + jobs
                + " deferred halves run twice each, " + responses.posts.size() + " ephemeral answers");
    }

    private void runJob(ChatHandler handler, SlackEndpoint.DeferredCommand job, String where) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Response r;
        try {
            r = ChatFixture.invoke(handler, fixture.jobEvent(job),
                    ChatFixture.context(new PrintStream(log, true, StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            throw new AssertionError(where + ": its deferred half threw " + e + "; log: " + log, e);
        }
        assertThat(r.body()).as(where + ": its deferred half; log: " + log).isEqualTo("{}");
        assertThat(log.toString(StandardCharsets.UTF_8)).as(where).doesNotContain("ERROR");
    }

    // ------------------------------------------------------------------ generators

    private String notJson() {
        String fixture = Json.write(ButtonClicks.fixture());
        return switch (random.nextInt(5)) {
            case 0 -> fixture.substring(0, random.nextInt(fixture.length()));
            case 1 -> fixture.replace("\"", "'");
            case 2 -> pick(HOSTILE);
            case 3 -> "{\"type\": \"block_actions\", " + pick(HOSTILE) + "}";
            default -> new String(randomBytes(random.nextInt(2000)), StandardCharsets.ISO_8859_1);
        };
    }

    /**
     * A click that may do nothing even when a change leaves it valid (no channel, a long user name): by a stranger on
     * the seeded incident, or by a known person on an incident that does not exist.
     */
    private Map<String, Object> powerlessClick(String seeded) {
        boolean stranger = random.nextBoolean();
        return ButtonClicks.click(stranger ? "U0STRANGER" : known(), pick(ACTIONS), stranger ? seeded : "4242");
    }

    /** A powerless click with one field, somewhere in it, of another type or another value. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> mutated(String seeded) {
        Map<String, Object> payload = powerlessClick(seeded);
        Map<String, Object> target = payload;
        List<String> paths = List.of("type", "user", "user.id", "user.team_id", "user.username", "team", "team.id",
                "enterprise", "channel", "channel.id", "response_url", "actions", "actions.0", "actions.0.type",
                "actions.0.action_id", "actions.0.value");
        String[] path = pick(paths).split("\\.");
        Object parent = payload;
        for (int k = 0; k < path.length - 1; k++) {
            Object next = parent instanceof Map<?, ?> m ? m.get(path[k]) : ((List<?>) parent).get(Integer.parseInt(path[k]));
            if (next instanceof Map<?, ?> m) {
                next = new LinkedHashMap<>((Map<String, Object>) m);
            } else if (next instanceof List<?> l) {
                next = new ArrayList<>(l);
            }
            set(parent, path[k], next);
            parent = next;
        }
        Object value = switch (random.nextInt(9)) {
            case 0 -> null;
            case 1 -> random.nextInt();
            case 2 -> random.nextBoolean();
            case 3 -> List.of(pick(HOSTILE));
            case 4 -> Map.of("id", pick(HOSTILE));
            case 5 -> pick(List.of("view_submission", "shortcut", "message_action", "block_suggestion"));
            case 6 -> "https://evil.example/" + random.nextInt();
            case 7 -> 1.5e300;
            default -> pick(HOSTILE);
        };
        set(parent, path[path.length - 1], value);
        return target;
    }

    @SuppressWarnings("unchecked")
    private static void set(Object parent, String key, Object value) {
        if (parent instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).put(key, value);
        } else {
            ((List<Object>) parent).set(Integer.parseInt(key), value);
        }
    }

    private Map<String, Object> huge(String seeded) {
        Map<String, Object> payload = powerlessClick(seeded);
        String big = "🚒<!channel>".repeat(1 + random.nextInt(4000));
        switch (random.nextInt(4)) {
            case 0 -> ((Map<String, Object>) cast(payload.get("user"))).put("username", big);
            case 1 -> ((Map<String, Object>) cast(((List<?>) payload.get("actions")).get(0))).put("value", big);
            case 2 -> payload.put("response_url", "https://hooks.slack.com/" + big);
            default -> payload.put("message", Map.of("text", big));
        }
        return payload;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }

    private byte[] signed(byte[] body) {
        return SlackRequests.signedEvent(body);
    }

    private byte[] badlySigned(byte[] body) {
        byte[] secret = SlackRequests.SECRET.getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.now();
        Map<String, String> headers = switch (random.nextInt(5)) {
            case 0 -> Map.of();
            case 1 -> SlackSignature.signedFormHeaders(secret, SlackRequests.timestamp(now.minusSeconds(301 + random
                    .nextInt(100_000))), body);
            case 2 -> SlackSignature.signedFormHeaders(secret, SlackRequests.timestamp(now.plusSeconds(301 + random
                    .nextInt(100_000))), body);
            case 3 -> SlackSignature.signedFormHeaders("another-secret".getBytes(StandardCharsets.UTF_8),
                    SlackRequests.timestamp(now), body);
            default -> Map.of("x-slack-request-timestamp", SlackRequests.timestamp(now), "x-slack-signature",
                    "v0=" + "0".repeat(64));
        };
        return SlackRequests.event(body, headers, random.nextBoolean());
    }

    private String known() {
        return random.nextBoolean() ? "U0ALICE" : "U0BOB";
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static String preview(byte[] event) {
        String s = new String(event, StandardCharsets.UTF_8);
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }
}
