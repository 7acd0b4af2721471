package dev.firebell.chat.slack;

import dev.firebell.aws.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Interactivity requests as Slack sends them for a click on an announcement's button: the real-shaped
 * {@code block_actions} fixture ({@code block_actions_ack.json}), changed where a test needs it, form-encoded in the
 * one field {@code payload}.
 */
public final class ButtonClicks {

    /** Slack's trigger ids and action timestamps are unique per click: two identical clicks are still two requests. */
    private static final AtomicLong CLICKS = new AtomicLong(8213496527584L);

    private ButtonClicks() {
    }

    /** The fixture: alice clicks Acknowledge on #7's announcement. */
    public static Map<String, Object> fixture() {
        try (InputStream in = ButtonClicks.class.getResourceAsStream("block_actions_ack.json")) {
            return Json.readObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code userId} clicks the button {@code actionId} (e.g. {@code firebell.ack}) with value {@code value}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> click(String userId, String actionId, String value) {
        Map<String, Object> payload = fixture();
        ((Map<String, Object>) payload.get("user")).put("id", userId);
        ((Map<String, Object>) payload.get("user")).put("username", userId.toLowerCase());
        Map<String, Object> action = new LinkedHashMap<>((Map<String, Object>) ((List<?>) payload.get("actions")).get(0));
        action.put("action_id", actionId);
        action.put("value", value);
        action.put("block_id", "firebell." + value + ".1.0");
        long click = CLICKS.incrementAndGet();
        action.put("action_ts", "1765008187." + click % 1_000_000);
        payload.put("trigger_id", click + ".7384749203.2b1f0d8c6e5a4f3b9e7d1c0a8b6f4e2d");
        List<Object> actions = new ArrayList<>();
        actions.add(action);
        payload.put("actions", actions);
        return payload;
    }

    /** The form body Slack posts: {@code payload=<the JSON, percent-encoded>}. */
    public static byte[] body(Map<String, Object> payload) {
        return body(Json.write(payload));
    }

    public static byte[] body(String payloadJson) {
        return ("payload=" + URLEncoder.encode(payloadJson, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }
}
