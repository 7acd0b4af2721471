package dev.firebell.cli;

import dev.firebell.aws.Json;
import dev.firebell.local.LocalStack;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;

/** An SQS queue subscribed to the page topic for one target, the way a team's pager tool would be. */
final class PageInbox {

    private PageInbox() {
    }

    /** Creates the queue and subscribes it with a filter policy on the {@code target} attribute. */
    static String subscribe(LocalStack local, String topicArn, String target) {
        return subscribe(local, topicArn, Map.of("target", target),
                "pages-" + target.replaceAll("[^A-Za-z0-9_-]", "-"));
    }

    /** Creates the queue and subscribes it with a filter policy of one attribute and one accepted value. */
    static String subscribe(LocalStack local, String topicArn, Map<String, String> filter, String queueName) {
        Map.Entry<String, String> only = filter.entrySet().iterator().next();
        return local.subscribeQueue(topicArn, queueName, "{\"" + only.getKey() + "\":[\"" + only.getValue() + "\"]}");
    }

    static List<Message> drain(LocalStack local, String queueUrl) {
        return local.drainQueue(queueUrl, 1);
    }

    /** The SNS envelope's attributes and the page document, as a subscriber sees them. */
    @SuppressWarnings("unchecked")
    static String describe(Message message) {
        try {
            Map<String, Object> envelope = Json.readObject(message.body());
            StringBuilder b = new StringBuilder();
            b.append("  subject: ").append(envelope.get("Subject")).append('\n');
            Object attributes = envelope.get("MessageAttributes");
            if (attributes instanceof Map<?, ?> attrs) {
                b.append("  attributes:");
                ((Map<String, Object>) attrs).forEach((k, v) ->
                        b.append(' ').append(k).append('=').append(((Map<String, Object>) v).get("Value")));
                b.append('\n');
            }
            Object document = Json.read(String.valueOf(envelope.get("Message")));
            b.append("  message (the 'sqs' rendering):\n    ")
                    .append(Json.writePretty(document).replace("\n", "\n    "));
            return DemoAnswers.withTokensShortened(b.toString());
        } catch (IOException e) {
            return "  (not an SNS envelope) " + message.body();
        }
    }
}
