package dev.firebell.function.alarm;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.firebell.alarm.AlarmStateChange;
import dev.firebell.aws.Json;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.incident.AlarmOutcome;
import dev.firebell.incident.AlarmService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point for all three alarm delivery shapes: decode the payload into state changes, hand each
 * to the incident rules, report what happened. A payload that cannot be decoded fails the invocation
 * before anything is written, with a message naming the problem, so Lambda's retries end in the
 * on-failure destination with that message attached.
 */
public final class AlarmIngestHandler implements RequestStreamHandler {

    private final AlarmEventDecoder decoder = new AlarmEventDecoder();
    private final AlarmService alarms;

    /** Lambda's constructor: the whole object graph is built once per execution environment, at init. */
    public AlarmIngestHandler() {
        this(FunctionEnvironment.system());
    }

    /** For the local runner and tests: the same graph, configured by the given environment. */
    public AlarmIngestHandler(FunctionEnvironment environment) {
        this(DaggerAlarmIngestComponent.builder().environment(environment).build().alarmService());
    }

    /** For tests and benchmarks: any alarm rules, however their stores and pager are built. */
    public AlarmIngestHandler(AlarmService alarms) {
        this.alarms = alarms;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        List<AlarmStateChange> changes = decoder.decode(input);
        List<Object> results = new ArrayList<>();
        for (AlarmStateChange change : changes) {
            AlarmOutcome outcome = alarms.handle(change);
            context.getLogger().log(describe(change, outcome), LogLevel.INFO);
            results.add(toMap(change, outcome));
        }
        output.write(Json.write(Map.of("outcomes", results)).getBytes(StandardCharsets.UTF_8));
    }

    private static String describe(AlarmStateChange change, AlarmOutcome outcome) {
        return change.alarmName() + " " + change.state() + " (" + change.deliveredBy() + ") -> " + outcome.kind()
                + (outcome.incidentId() != null ? " incident " + outcome.incidentId() : "")
                + (outcome.pages().sent() + outcome.pages().failed() > 0
                        ? ", pages sent " + outcome.pages().sent() + ", failed " + outcome.pages().failed() : "");
    }

    private static Map<String, Object> toMap(AlarmStateChange change, AlarmOutcome outcome) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alarm", change.alarmName());
        m.put("state", change.state().name());
        m.put("stateTimestamp", change.stateTimestamp().toString());
        m.put("outcome", outcome.kind().name());
        if (outcome.incidentId() != null) {
            m.put("incidentId", outcome.incidentId());
        }
        m.put("detail", outcome.detail());
        m.put("pagesSent", outcome.pages().sent());
        m.put("pagesFailed", outcome.pages().failed());
        return m;
    }
}
