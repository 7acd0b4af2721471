package dev.firebell.function.alarm;

import dev.firebell.aws.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Real-shaped alarm payloads from src/test/resources/events, optionally with another state and
 * state timestamp, so tests can build a story (ALARM, duplicate, OK, flap) from recorded shapes.
 */
final class AlarmEvents {

    private AlarmEvents() {
    }

    static byte[] fixture(String path) {
        try (InputStream in = AlarmEvents.class.getResourceAsStream("/events/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture events/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The EventBridge metric-alarm fixture, for alarm {@code name}, in {@code state} at {@code timestamp}. */
    @SuppressWarnings("unchecked")
    static byte[] eventBridge(String name, String state, String timestamp) {
        try {
            Map<String, Object> event = Json.readObject(new String(fixture("eventbridge/metric-alarm.json"),
                    StandardCharsets.UTF_8));
            String arn = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:" + name;
            event.put("resources", List.of(arn));
            Map<String, Object> detail = (Map<String, Object>) event.get("detail");
            detail.put("alarmName", name);
            Map<String, Object> s = (Map<String, Object>) detail.get("state");
            s.put("value", state);
            s.put("timestamp", timestamp);
            return Json.write(event).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
