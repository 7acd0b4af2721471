package dev.firebell.function.chat;

import dev.firebell.aws.Json;
import dev.firebell.chat.slack.SlackEndpoint.DeferredCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The second half of a deferred command as a message on the chat jobs topic (ADR 34), and how the function
 * recognises it when SNS hands it back:
 *
 * <pre>{@code {"firebellChatJob":{"version":1,"timestamp":"1764230400","signature":"v0=...","body":"<base64>",
 *   "publishedBy":"12"}}}</pre>
 *
 * <p>The job is exactly what Slack signed (timestamp, signature, raw body), so it is verified again where it runs.
 * During a deployment the topic's subscription (the {@code live} alias) may hand a job published by one version of
 * the function to another, in either direction, so the format is kept compatible both ways: within a version,
 * fields are only ever added and readers ignore fields they do not know; a change that old readers could not
 * understand takes a new {@code version}, which a reader that does not know it refuses loudly (the invocation
 * fails and the event lands in the failure queue) instead of guessing. A job without {@code version} is version 1.
 * {@code publishedBy} (the publishing function version) is for logs only.
 */
public final class ChatJobs {

    static final String JOB = "firebellChatJob";
    /** The job format this code writes and the newest it reads. */
    public static final int VERSION = 1;

    private final String topicArn;
    private final String functionVersion;

    /**
     * @param topicArn        {@code CHAT_JOB_TOPIC_ARN}: where jobs are published, and the only topic whose
     *                        messages are run
     * @param functionVersion {@code AWS_LAMBDA_FUNCTION_VERSION} of the running code, stamped on jobs it publishes
     */
    ChatJobs(String topicArn, String functionVersion) {
        this.topicArn = topicArn;
        this.functionVersion = functionVersion;
    }

    String topicArn() {
        return topicArn;
    }

    String functionVersion() {
        return functionVersion;
    }

    /** The message this function version publishes for a deferred command. */
    String message(DeferredCommand command) {
        return message(command, functionVersion);
    }

    /** A job message, as published by {@code publishedBy}. */
    public static String message(DeferredCommand command, String publishedBy) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("version", VERSION);
        job.put("timestamp", command.timestamp());
        job.put("signature", command.signature());
        job.put("body", Base64.getEncoder().encodeToString(command.body()));
        job.put("publishedBy", publishedBy);
        return Json.write(Map.of(JOB, job));
    }

    /** A job read from a message. */
    record Job(DeferredCommand command, String publishedBy) {
    }

    /**
     * The job in an SNS message, or empty when the message is not a job.
     *
     * @throws UnsupportedJobException a job of a format version newer than this code reads
     */
    static Optional<Job> parse(String message) {
        Map<String, Object> outer;
        try {
            outer = Json.readObject(message);
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty();
        }
        if (!(outer.get(JOB) instanceof Map<?, ?> job)) {
            return Optional.empty();
        }
        Object version = job.containsKey("version") ? job.get("version") : VERSION;
        if (!(version instanceof Number n) || n.doubleValue() != VERSION) {
            throw new UnsupportedJobException("chat job format version " + version + " is not " + VERSION
                    + ", the only one this function version reads; a newer version of the function published it");
        }
        byte[] body;
        try {
            body = job.get("body") instanceof String b ? Base64.getDecoder().decode(b) : new byte[0];
        } catch (IllegalArgumentException e) {
            body = new byte[0];
        }
        DeferredCommand command = new DeferredCommand(job.get("timestamp") instanceof String t ? t : null,
                job.get("signature") instanceof String s ? s : null, body);
        return Optional.of(new Job(command, job.get("publishedBy") instanceof String p ? p : "unknown"));
    }

    /**
     * The event SNS hands a Lambda subscriber of {@code topicArn} for one message: for the local server, benchmarks
     * and tests (moto stores messages but does not invoke Lambda).
     */
    public static byte[] snsEvent(String topicArn, String message) {
        Map<String, Object> sns = new LinkedHashMap<>();
        sns.put("Type", "Notification");
        sns.put("MessageId", UUID.randomUUID().toString());
        sns.put("TopicArn", topicArn);
        sns.put("Message", message);
        sns.put("Timestamp", Instant.now().toString());
        sns.put("SignatureVersion", "1");
        sns.put("Signature", "");
        sns.put("MessageAttributes", Map.of());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("EventSource", "aws:sns");
        record.put("EventVersion", "1.0");
        record.put("EventSubscriptionArn", topicArn + ":" + UUID.randomUUID());
        record.put("Sns", sns);
        return Json.write(Map.of("Records", List.of(record))).getBytes(StandardCharsets.UTF_8);
    }

    /** The SNS event for a deferred command published by the same code ({@code $LATEST}), for local runs. */
    public static byte[] snsEvent(String topicArn, DeferredCommand command) {
        return snsEvent(topicArn, message(command, "$LATEST"));
    }

    /** A job this code cannot read: fails the invocation, so the event is kept in the failure queue. */
    static final class UnsupportedJobException extends RuntimeException {
        UnsupportedJobException(String message) {
            super(message);
        }
    }
}
