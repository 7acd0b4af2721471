package dev.firebell.function.chat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.firebell.aws.Json;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.chat.slack.SlackEndpoint;
import dev.firebell.chat.slack.SlackEndpoint.DeferredCommand;
import dev.firebell.chat.slack.WebResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ChatFunction: Slack slash commands through a Lambda Function URL. Two kinds of event arrive:
 * <ul>
 *   <li>a Function URL request (payload 2.0): decoded and answered by {@link SlackEndpoint#handle}, always with a
 *       well-formed HTTP response, whatever the request holds;</li>
 *   <li>{@code {"firebellChatJob": ...}}: the second half of a deferred command, which this function sent itself
 *       ({@link LambdaSelfInvoker}); a Function URL event can never have that key at its top level. Finished by
 *       {@link SlackEndpoint#complete}; a failure fails the invocation (and lands in the failure queue).</li>
 * </ul>
 */
public final class ChatHandler implements RequestStreamHandler {

    /** Larger events are refused unread: a Slack request is about 3 KB as an event, with headers. */
    static final int MAX_EVENT = 64 * 1024;
    static final String JOB = "firebellChatJob";

    private final SlackEndpoint endpoint;

    /** Lambda's constructor: the object graph is built once per execution environment, at init. */
    public ChatHandler() {
        this(FunctionEnvironment.system());
    }

    /** For the local runner and tests: the production graph, configured by the given environment. */
    public ChatHandler(FunctionEnvironment environment) {
        this(environment, ChatOverrides.none());
    }

    /** The production graph with some collaborators replaced (local server, benchmarks, tests). */
    public ChatHandler(FunctionEnvironment environment, ChatOverrides overrides) {
        this(DaggerChatComponent.builder().environment(environment).overrides(overrides).build().endpoint());
    }

    ChatHandler(SlackEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        LambdaLog log = new LambdaLog(context);
        byte[] raw = input.readNBytes(MAX_EVENT + 1);
        Map<String, Object> event = null;
        WebResponse response;
        if (raw.length > MAX_EVENT) {
            log.warn("refused: event larger than " + MAX_EVENT + " bytes");
            response = WebResponse.text(413, "request too large");
        } else {
            try {
                event = Json.readObject(new String(raw, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                log.warn("refused: event is not a JSON object");
            }
            if (event != null && event.get(JOB) instanceof Map<?, ?> job) {
                endpoint.complete(decodeJob(job), log);
                output.write("{}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            response = event == null ? WebResponse.text(400, "bad request") : answer(event, log);
        }
        output.write(Json.write(FunctionUrlEvents.encode(response)).getBytes(StandardCharsets.UTF_8));
    }

    private WebResponse answer(Map<String, Object> event, LambdaLog log) {
        try {
            return endpoint.handle(FunctionUrlEvents.decode(event), log);
        } catch (FunctionUrlEvents.BadEventException e) {
            log.warn("refused: " + e.getMessage());
            return WebResponse.text(400, "bad request");
        } catch (RuntimeException e) {
            // The endpoint answers every problem it knows; this is a bug or an outage. Still an HTTP answer.
            log.error("unexpected failure", e);
            return WebResponse.text(500, "internal error " + log.reference());
        }
    }

    /** The event that runs the second half of a deferred command (what {@link LambdaSelfInvoker} sends). */
    public static byte[] jobEvent(DeferredCommand command) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("timestamp", command.timestamp());
        job.put("signature", command.signature());
        job.put("body", Base64.getEncoder().encodeToString(command.body()));
        return Json.write(Map.of(JOB, job)).getBytes(StandardCharsets.UTF_8);
    }

    private static DeferredCommand decodeJob(Map<?, ?> job) {
        byte[] body;
        try {
            body = job.get("body") instanceof String b ? Base64.getDecoder().decode(b) : new byte[0];
        } catch (IllegalArgumentException e) {
            body = new byte[0];
        }
        return new DeferredCommand(job.get("timestamp") instanceof String t ? t : null,
                job.get("signature") instanceof String s ? s : null, body);
    }
}
