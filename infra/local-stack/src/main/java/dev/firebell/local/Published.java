package dev.firebell.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What SNS was asked to send, as the emulator recorded it: SMS published straight to phone numbers, and every message
 * published to a topic with all its renderings. moto delivers to SQS and HTTP subscribers only, so this is how a test
 * or the demo reads what an e-mail or SMS subscriber would have received.
 */
public final class Published {

    private Published() {
    }

    /** An SMS published to a phone number ({@code Publish} with {@code PhoneNumber}). */
    public record Sms(String messageId, String phoneNumber, String message) {
    }

    /**
     * A message published to a topic.
     *
     * @param message    as published: with {@code MessageStructure=json}, a JSON object of one rendering per protocol
     * @param attributes the message attributes' string values
     */
    public record Notification(String messageId, String topicArn, String message, String subject,
                               Map<String, String> attributes) {

        /** What a subscriber of {@code protocol} receives: its rendering, else the default one, else the message. */
        public String rendering(String protocol) {
            try {
                if (Json.read(message) instanceof Map<?, ?> perProtocol) {
                    Object text = perProtocol.containsKey(protocol) ? perProtocol.get(protocol) : perProtocol.get("default");
                    return text == null ? message : String.valueOf(text);
                }
            } catch (RuntimeException notJson) {
                // A plain message: the same for every protocol.
            }
            return message;
        }
    }

    /** Every SMS sent straight to a phone number, oldest first. */
    public static List<Sms> sms(URI endpoint) {
        List<Sms> out = new ArrayList<>();
        for (Map<String, Object> sms : models(endpoint, "SMS")) {
            out.add(new Sms(String.valueOf(sms.get("message_id")), String.valueOf(sms.get("phone_number")),
                    String.valueOf(sms.get("message"))));
        }
        return out;
    }

    /** Every message published to the topic, oldest first. */
    public static List<Notification> notifications(URI endpoint, String topicArn) {
        List<Notification> out = new ArrayList<>();
        for (Map<String, Object> topic : models(endpoint, "Topic")) {
            if (!topicArn.equals(topic.get("arn")) || !(topic.get("sent_notifications") instanceof List<?> sent)) {
                continue;
            }
            for (Object item : sent) {
                List<?> n = (List<?>) item;
                Map<String, String> attributes = new LinkedHashMap<>();
                if (n.get(3) instanceof Map<?, ?> given) {
                    given.forEach((name, value) -> {
                        if (value instanceof Map<?, ?> typed) {
                            attributes.put(String.valueOf(name), String.valueOf(typed.get("Value")));
                        }
                    });
                }
                out.add(new Notification(String.valueOf(n.get(0)), topicArn, String.valueOf(n.get(1)),
                        n.get(2) == null ? null : String.valueOf(n.get(2)), attributes));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> models(URI endpoint, String model) {
        Object data;
        try {
            data = Json.read(MotoApi.modelData(endpoint));
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("moto's model data is not JSON: " + e.getMessage(), e));
        }
        if (data instanceof Map<?, ?> services && services.get("sns") instanceof Map<?, ?> sns
                && sns.get(model) instanceof List<?> list) {
            return (List<Map<String, Object>>) list;
        }
        return List.of();
    }
}
