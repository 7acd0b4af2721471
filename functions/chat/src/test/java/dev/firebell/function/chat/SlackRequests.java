package dev.firebell.function.chat;

import dev.firebell.chat.slack.SlackSignature;
import dev.firebell.local.FunctionUrlEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Slash command requests as Slack sends them, wrapped in the Function URL event Lambda hands the handler. */
final class SlackRequests {

    static final String SECRET = "test-signing-secret-0123456789abcdef";
    static final String TEAM = "T0FIREBELL";
    private static final java.util.concurrent.atomic.AtomicLong TRIGGERS = new java.util.concurrent.atomic.AtomicLong(13345224609L);
    static final String RESPONSE_URL = "https://hooks.slack.com/commands/T0FIREBELL/1234567890/abcdefABCDEF";

    private SlackRequests() {
    }

    /** The form body of {@code /incident <text>} typed by {@code userId}, as Slack encodes it. */
    static byte[] body(String userId, String text) {
        return body(userId, text, RESPONSE_URL);
    }

    static byte[] body(String userId, String text, String responseUrl) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", "gIkuvaNzQIHg97ATvDxqgjtO");
        fields.put("team_id", TEAM);
        fields.put("team_domain", "firebell-test");
        fields.put("channel_id", "C0INCIDENTS");
        fields.put("channel_name", "incidents");
        fields.put("user_id", userId);
        fields.put("user_name", userId.toLowerCase());
        fields.put("command", "/incident");
        fields.put("text", text);
        fields.put("api_app_id", "A0FIREBELL");
        fields.put("is_enterprise_install", "false");
        fields.put("response_url", responseUrl);
        // Unique per request, as Slack's: two identical commands in one second are still two requests.
        fields.put("trigger_id", TRIGGERS.incrementAndGet() + ".738474920.8088930838d88f008e0");
        return form(fields);
    }

    static byte[] form(Map<String, String> fields) {
        StringJoiner joined = new StringJoiner("&");
        fields.forEach((k, v) -> joined.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return joined.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String timestamp(Instant at) {
        return Long.toString(at.getEpochSecond());
    }

    static String sign(String secret, String timestamp, byte[] body) {
        return SlackSignature.sign(secret.getBytes(StandardCharsets.UTF_8), timestamp, body);
    }

    /** A signed request sent now, base64-encoded as Function URLs deliver form posts. */
    static byte[] signedEvent(byte[] body) {
        return event(body, SlackSignature.signedFormHeaders(SECRET.getBytes(StandardCharsets.UTF_8),
                timestamp(Instant.now()), body), true);
    }

    /** A Function URL (payload format 2.0) event for a POST with these headers and body. */
    static byte[] event(byte[] body, Map<String, String> headers, boolean base64) {
        return event("POST", body, headers, base64);
    }

    /** The request as Slack's servers send it (their host and user agent), with these headers. */
    static byte[] event(String method, byte[] body, Map<String, String> headers, boolean base64) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("host", "abcdefghij.lambda-url.us-east-1.on.aws");
        all.put("user-agent", "Slackbot 1.0 (+https://api.slack.com/robots)");
        all.putAll(headers);
        return FunctionUrlEvent.of(method, "/", "", all, body, base64, "192.0.2.1");
    }
}
