package dev.firebell.function.postmortem;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.firebell.aws.Json;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.postmortem.PostmortemService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Composes postmortem drafts. From the table's stream: each incident that became RESOLVED gets its draft; a
 * record that fails is reported with its sequence number ({@code batchItemFailures}), so Lambda retries from it and
 * never past it, and after the retries sends the batch's position to the on-failure queue. On demand, with
 * {@code {"incidentId": "42"}}: that incident's draft, or an error that says why not.
 */
public final class PostmortemHandler implements RequestStreamHandler {

    private final PostmortemService postmortems;

    /** Lambda's constructor: the object graph is built once per execution environment, at init. */
    public PostmortemHandler() {
        this(FunctionEnvironment.system());
    }

    /** For the local runner and tests: the same graph, configured by the given environment. */
    public PostmortemHandler(FunctionEnvironment environment) {
        this(DaggerPostmortemComponent.builder().environment(environment).build().postmortems());
    }

    PostmortemHandler(PostmortemService postmortems) {
        this.postmortems = postmortems;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Object event;
        try {
            event = Json.read(input);
        } catch (IOException notJson) {
            throw new IllegalArgumentException("the event is not JSON: " + notJson.getMessage(), notJson);
        }
        PostmortemRequest request = PostmortemRequest.parse(event);
        Map<String, Object> result = request instanceof PostmortemRequest.OnDemand onDemand
                ? describe(postmortems.draft(onDemand.incidentId(), PostmortemService.Trigger.ON_DEMAND), context)
                : batch((PostmortemRequest.Batch) request, context);
        output.write(Json.write(result).getBytes(StandardCharsets.UTF_8));
    }

    /** In order; at the first failure, report it and stop: Lambda re-delivers from there anyway. */
    private Map<String, Object> batch(PostmortemRequest.Batch batch, Context context) {
        Set<String> done = new HashSet<>();
        List<Map<String, String>> failures = new ArrayList<>();
        for (PostmortemRequest.StreamRecord record : batch.records()) {
            if (record.problem() != null) {
                context.getLogger().log(record.problem(), LogLevel.ERROR);
                failures.add(Map.of("itemIdentifier", record.sequenceNumber()));
                break;
            }
            if (!record.resolution() || !done.add(record.incidentId())) {
                continue;
            }
            try {
                describe(postmortems.draft(record.incidentId(), PostmortemService.Trigger.RESOLVED), context);
            } catch (RuntimeException e) {
                context.getLogger().log("postmortem draft of incident " + record.incidentId() + " (sequence "
                        + record.sequenceNumber() + ") failed; Lambda retries from this record: " + e, LogLevel.ERROR);
                failures.add(Map.of("itemIdentifier", record.sequenceNumber()));
                break;
            }
        }
        return Map.of("batchItemFailures", failures);
    }

    private static Map<String, Object> describe(PostmortemService.Outcome outcome, Context context) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("incidentId", outcome.incidentId());
        m.put("outcome", outcome.kind().name());
        m.put("detail", outcome.detail());
        if (outcome.draft() != null) {
            m.put("location", outcome.draft().location());
            if (outcome.draft().versionId() != null) {
                m.put("versionId", outcome.draft().versionId());
            }
            m.put("retrieveCommand", outcome.draft().retrieveCommand());
        }
        m.put("announced", outcome.announced());
        m.put("blamelessFindings", outcome.findings());
        m.put("metricsRecorded", outcome.metricsRecorded());
        context.getLogger().log("postmortem #" + outcome.incidentId() + ": " + outcome.kind() + " (" + outcome.detail()
                + ")" + (outcome.draft() != null ? " " + outcome.draft().location() + " version "
                + outcome.draft().versionId() : ""), LogLevel.INFO);
        return m;
    }
}
