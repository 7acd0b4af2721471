package dev.firebell.local;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event SNS hands a Lambda function subscribed to a topic, made from the notification SNS really produced for the
 * topic's subscribers: the envelope an SQS queue subscribed to the same topic receives ({@code Type},
 * {@code MessageId}, {@code TopicArn}, {@code Message}, {@code Timestamp}, {@code MessageAttributes}...), which moto
 * delivers where it cannot invoke Lambda. For tests and the demo: a message goes through the topic, then the handler.
 */
public final class SnsEvent {

    private SnsEvent() {
    }

    /**
     * @param envelope        the body of the SQS message the topic delivered (raw message delivery off)
     * @param subscriptionArn the function's subscription, as the record names it
     */
    public static byte[] delivered(String envelope, String subscriptionArn) {
        Object parsed = Json.read(envelope);
        if (!(parsed instanceof Map<?, ?> notification) || !"Notification".equals(notification.get("Type"))) {
            throw new IllegalArgumentException("not an SNS notification envelope: " + envelope);
        }
        Map<String, Object> sns = new LinkedHashMap<>();
        for (String field : List.of("Type", "MessageId", "TopicArn", "Subject", "Message", "Timestamp",
                "SignatureVersion", "Signature", "SigningCertURL", "UnsubscribeURL", "MessageAttributes")) {
            // Lambda's record spells the two URLs SigningCertUrl and UnsubscribeUrl.
            String name = field.replace("CertURL", "CertUrl").replace("UnsubscribeURL", "UnsubscribeUrl");
            sns.put(name, notification.containsKey(field) ? notification.get(field) : null);
        }
        if (sns.get("MessageAttributes") == null) {
            sns.put("MessageAttributes", Map.of());
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("EventSource", "aws:sns");
        record.put("EventVersion", "1.0");
        record.put("EventSubscriptionArn", subscriptionArn);
        record.put("Sns", sns);
        return Json.write(Map.of("Records", List.of(record))).getBytes(StandardCharsets.UTF_8);
    }
}
