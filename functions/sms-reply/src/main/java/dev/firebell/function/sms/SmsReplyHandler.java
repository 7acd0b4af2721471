package dev.firebell.function.sms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.firebell.answer.SmsReplies;
import dev.firebell.aws.Json;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.wiring.ClockModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SmsReplyFunction: the SNS event of the topic AWS End User Messaging SMS publishes inbound messages to (two-way SMS,
 * docs/paging.md). Each record's message is the inbound SMS as JSON ({@code originationNumber},
 * {@code destinationNumber}, {@code messageKeyword}, {@code messageBody}, {@code inboundMessageId},
 * {@code previousPublishedMessageId}); {@link SmsReplies} decides and answers. Records from another topic and messages
 * that are not inbound SMS are logged and skipped: retrying them would never help. A failure to act (the table, SNS)
 * fails the invocation, so that Lambda retries it and then keeps it in the failure queue.
 */
public final class SmsReplyHandler implements RequestStreamHandler {

    /** SNS messages are at most 256 KB; an inbound SMS is well under 2 KB. */
    static final int MAX_EVENT = 256 * 1024;

    private final SmsReplies replies;
    private final String topicArn;

    /** Lambda's constructor: the object graph is built once per execution environment, at init. */
    public SmsReplyHandler() {
        this(FunctionEnvironment.system());
    }

    /** For the local runner and tests: the production graph, configured by the given environment. */
    public SmsReplyHandler(FunctionEnvironment environment) {
        this(environment, ClockModule.clock());
    }

    /** The production graph on another clock (the demo's). */
    public SmsReplyHandler(FunctionEnvironment environment, InstantSource clock) {
        this(DaggerSmsReplyComponent.builder().environment(environment).clock(clock).build());
    }

    private SmsReplyHandler(SmsReplyComponent component) {
        this(component.replies(), component.inboundTopic());
    }

    SmsReplyHandler(SmsReplies replies, String topicArn) {
        this.replies = replies;
        this.topicArn = topicArn;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] raw = input.readNBytes(MAX_EVENT + 1);
        int answered = 0;
        int ignored = 0;
        if (raw.length > MAX_EVENT) {
            log(context, LogLevel.WARN, "ignored: an event larger than " + MAX_EVENT + " bytes");
            ignored++;
        } else {
            for (Object record : records(raw, context)) {
                SmsReplies.Inbound sms = inbound(record, context);
                if (sms == null) {
                    ignored++;
                    continue;
                }
                SmsReplies.Outcome outcome = replies.handle(sms);
                log(context, LogLevel.INFO, "SMS " + sms.messageId() + " " + outcome.log());
                if (outcome.answer().isPresent()) {
                    answered++;
                } else {
                    ignored++;
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("answered", answered);
        result.put("ignored", ignored);
        output.write(Json.write(result).getBytes(StandardCharsets.UTF_8));
    }

    private static List<?> records(byte[] raw, Context context) {
        try {
            if (Json.readObject(new String(raw, StandardCharsets.UTF_8)).get("Records") instanceof List<?> records) {
                return records;
            }
        } catch (IOException | RuntimeException e) {
            // Below: not an SNS event.
        }
        log(context, LogLevel.WARN, "ignored: an event that is not an SNS event");
        return List.of();
    }

    /** The inbound SMS of one record, or null (logged) when the record is not one from the inbound topic. */
    private SmsReplies.Inbound inbound(Object record, Context context) {
        if (!(record instanceof Map<?, ?> r && r.get("Sns") instanceof Map<?, ?> sns
                && sns.get("Message") instanceof String message)) {
            log(context, LogLevel.WARN, "ignored: an event record that is not an SNS message");
            return null;
        }
        if (!topicArn.equals(sns.get("TopicArn"))) {
            log(context, LogLevel.WARN, "ignored: an SNS message from " + sns.get("TopicArn") + ", not from the"
                    + " inbound SMS topic (SMS_INBOUND_TOPIC_ARN)");
            return null;
        }
        Map<String, Object> sms;
        try {
            sms = Json.readObject(message);
        } catch (IOException | RuntimeException e) {
            log(context, LogLevel.WARN, "ignored: an inbound-topic message that is not a JSON object");
            return null;
        }
        return new SmsReplies.Inbound(text(sms, "originationNumber"), text(sms, "destinationNumber"),
                text(sms, "messageKeyword"), text(sms, "messageBody"), text(sms, "inboundMessageId"),
                text(sms, "previousPublishedMessageId"));
    }

    private static String text(Map<String, Object> object, String field) {
        return object.get(field) instanceof String s ? s : null;
    }

    private static void log(Context context, LogLevel level, String message) {
        context.getLogger().log(message, level);
    }
}
