package dev.firebell.bench.chat;

import dev.firebell.chat.Responder;
import dev.firebell.chat.slack.SlackSignature;
import dev.firebell.local.FunctionUrlEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code /incident} slash commands as Slack sends them to the chat function: the form body, signed with Slack's
 * scheme ({@link SlackSignature}) at the current time, in the Function URL event Lambda hands the handler.
 */
public final class SlackCommands {

    /** The benchmarks' workspace (SLACK_TEAM_IDS) and signing secret. */
    public static final String TEAM = "T0BENCH";
    public static final String SECRET = "bench-signing-secret-0123456789abcdef";
    // People of infra/config/firebell.example.yaml, as Slack would send their ids.
    public static final Responder ALICE = new Responder("alice", "Alice", "U024BE7LH", ZoneId.of("Europe/Paris"));
    public static final Responder BOB = new Responder("bob", "Bob", "U024BE7LJ", ZoneId.of("Europe/Berlin"));

    /** Slack gives every request a unique trigger_id, so no two requests are signed alike. */
    private static final AtomicLong TRIGGERS = new AtomicLong();

    private SlackCommands() {
    }

    /** {@code /incident <text>} typed by {@code who}, signed now. */
    public static byte[] event(Responder who, String text) {
        String body = "team_id=" + TEAM + "&team_domain=bench&channel_id=C0BENCH&channel_name=incidents&user_id="
                + who.chatUserId() + "&user_name=" + who.personId() + "&command=%2Fincident&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&api_app_id=A0BENCH&is_enterprise_install=false"
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0BENCH%2F1%2Fbench&trigger_id="
                + TRIGGERS.incrementAndGet() + ".1.bench";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(Instant.now().getEpochSecond());
        return FunctionUrlEvent.post(
                SlackSignature.signedFormHeaders(SECRET.getBytes(StandardCharsets.UTF_8), ts, bytes), bytes);
    }
}
