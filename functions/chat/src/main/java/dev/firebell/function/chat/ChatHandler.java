package dev.firebell.function.chat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.firebell.aws.Json;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.chat.slack.SlackEndpoint;
import dev.firebell.chat.slack.WebResponse;
import dev.firebell.web.LambdaRequestLog;
import dev.firebell.web.RequestLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crac.Core;
import org.crac.Resource;

/**
 * ChatFunction: Slack slash commands and announcement button clicks through a Lambda Function URL. Two kinds of event
 * arrive:
 * <ul>
 *   <li>a Function URL request (payload 2.0): decoded and answered by {@link SlackEndpoint#handle}, always with a
 *       well-formed HTTP response, whatever the request holds;</li>
 *   <li>an SNS event ({@code Records[].Sns}) from the chat jobs topic: the second half of a deferred command, which
 *       this function published ({@link SnsJobPublisher}, format in {@link ChatJobs}); a Function URL event never
 *       has {@code Records} at its top level. Each job is finished by {@link SlackEndpoint#complete}, which verifies
 *       the signed request again; a failure fails the invocation (and lands in the failure queue). Messages from
 *       another topic, and messages that are not jobs, are logged and ignored.</li>
 * </ul>
 * Under SnapStart (ADR 0053) Lambda calls its runtime hooks: {@link #beforeCheckpoint} primes the function with
 * read-only commands, {@link #afterRestore} makes it read again what must be fresh ({@link ChatSnapStart}).
 */
public final class ChatHandler implements RequestStreamHandler, Resource {

    /** Larger events are refused unread: a Slack request is about 3 KB as an event, a job at most about 46 KB. */
    static final int MAX_EVENT = 64 * 1024;

    private final SlackEndpoint endpoint;
    private final ChatJobs jobs;
    /** Null when built from parts (tests): nothing to prime or refresh. */
    private final ChatSnapStart snapStart;

    /**
     * Lambda's constructor: the object graph is built once per execution environment, at init. Registered for the
     * runtime hooks; the runtime keeps the handler, and so the registration, alive.
     */
    public ChatHandler() {
        this(FunctionEnvironment.system());
        Core.getGlobalContext().register(this);
    }

    /** For the local runner and tests: the production graph, configured by the given environment. */
    public ChatHandler(FunctionEnvironment environment) {
        this(environment, ChatOverrides.none());
    }

    /** The production graph with some collaborators replaced (local server, benchmarks, tests). */
    public ChatHandler(FunctionEnvironment environment, ChatOverrides overrides) {
        this(DaggerChatComponent.builder().environment(environment).overrides(overrides).build());
    }

    private ChatHandler(ChatComponent component) {
        this(component.endpoint(), component.jobs(), new ChatSnapStart(component));
    }

    ChatHandler(SlackEndpoint endpoint, ChatJobs jobs) {
        this(endpoint, jobs, null);
    }

    private ChatHandler(SlackEndpoint endpoint, ChatJobs jobs, ChatSnapStart snapStart) {
        this.endpoint = endpoint;
        this.jobs = jobs;
        this.snapStart = snapStart;
    }

    /** SnapStart: Lambda is about to snapshot this initialised environment. */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        if (snapStart != null) {
            snapStart.prime();
        }
    }

    /** SnapStart: this environment was just restored from a snapshot, maybe one of many. */
    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        if (snapStart != null) {
            snapStart.afterRestore();
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        RequestLog log = new LambdaRequestLog(context);
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
            if (event != null && event.get("Records") instanceof List<?> records) {
                runJobs(records, log);
                output.write("{}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            response = event == null ? WebResponse.text(400, "bad request") : answer(event, log);
        }
        output.write(Json.write(FunctionUrlEvents.encode(response)).getBytes(StandardCharsets.UTF_8));
    }

    private WebResponse answer(Map<String, Object> event, RequestLog log) {
        try {
            return endpoint.handle(FunctionUrlEvents.decode(event), log);
        } catch (dev.firebell.web.FunctionUrlEvents.BadEventException e) {
            log.warn("refused: " + e.getMessage());
            return WebResponse.text(400, "bad request");
        } catch (RuntimeException e) {
            // The endpoint answers every problem it knows; this is a bug or an outage. Still an HTTP answer.
            log.error("unexpected failure", e);
            return WebResponse.text(500, "internal error " + log.reference());
        }
    }

    /** SNS hands over one message per invocation; more are run in order, and the first failure fails the rest. */
    private void runJobs(List<?> records, RequestLog log) {
        for (Object record : records) {
            if (!(record instanceof Map<?, ?> r && r.get("Sns") instanceof Map<?, ?> sns
                    && sns.get("Message") instanceof String message)) {
                log.warn("ignored: an event record that is not an SNS message");
                continue;
            }
            if (!jobs.topicArn().equals(sns.get("TopicArn"))) {
                log.warn("ignored: an SNS message from " + sns.get("TopicArn") + ", not from the chat jobs topic"
                        + " (CHAT_JOB_TOPIC_ARN)");
                continue;
            }
            Optional<ChatJobs.Job> job;
            try {
                job = ChatJobs.parse(message);
            } catch (ChatJobs.UnsupportedJobException e) {
                log.error("cannot run a chat job: " + e.getMessage(), null);
                throw e;
            }
            if (job.isEmpty()) {
                log.warn("ignored: an SNS message on the chat jobs topic that is not a chat job");
                continue;
            }
            if (!job.get().publishedBy().equals(jobs.functionVersion())) {
                // Expected while a deployment shifts the alias from one version to the next (ADR 34).
                log.info("chat job published by function version " + job.get().publishedBy() + ", run by version "
                        + jobs.functionVersion());
            }
            endpoint.complete(job.get().command(), log);
        }
    }
}
