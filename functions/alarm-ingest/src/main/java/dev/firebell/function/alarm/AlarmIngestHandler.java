package dev.firebell.function.alarm;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.firebell.alarm.AlarmStateChange;
import dev.firebell.aws.Json;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.config.FirebellConfig;
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
        this(DaggerAlarmIngestComponent.builder().environment(environment).build(), environment);
    }

    private AlarmIngestHandler(AlarmIngestComponent component, FunctionEnvironment environment) {
        this(component.alarmService());
        if (environment.snapStartInit()) {
            prime(component);
        }
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

    /**
     * Under SnapStart (ADR 0050), the part of a first alarm that writes nothing runs once before the snapshot:
     * decoding, the dedup-track read (which brings the configuration and the incident counter), bind and routing, the
     * answer's JSON. Environments
     * restored from the snapshot start with those classes loaded and initialised. A failure here only costs the
     * optimisation: it is logged, and the snapshot is taken anyway.
     */
    private void prime(AlarmIngestComponent component) {
        try {
            AlarmStateChange sample = decoder.decode(PRIMING_EVENT).get(0);
            // In an alarm's order: the track read first brings the configuration with it (ADR 0055).
            component.incidents().track(sample.alarmArn());
            FirebellConfig config = component.config().current();
            config.routing().route(sample, config.serviceNames());
            Json.write(Map.of("outcomes", List.of(toMap(sample, new AlarmOutcome(AlarmOutcome.Kind.IGNORED, null,
                    "priming", null)))));
        } catch (RuntimeException e) {
            System.err.println("SnapStart priming skipped: " + e);
        }
    }

    /** A state change of an alarm that does not exist, in the EventBridge shape: read, never written. */
    private static final byte[] PRIMING_EVENT = ("{\"version\":\"0\",\"id\":\"00000000-0000-0000-0000-000000000000\","
            + "\"detail-type\":\"CloudWatch Alarm State Change\",\"source\":\"aws.cloudwatch\",\"account\":"
            + "\"000000000000\",\"time\":\"2026-01-01T00:00:00Z\",\"region\":\"us-east-1\",\"resources\":"
            + "[\"arn:aws:cloudwatch:us-east-1:000000000000:alarm:firebell-snapstart-priming\"],\"detail\":"
            + "{\"alarmName\":\"firebell-snapstart-priming\",\"state\":{\"value\":\"ALARM\",\"reason\":"
            + "\"priming\",\"timestamp\":\"2026-01-01T00:00:00.000+0000\"},\"previousState\":{\"value\":\"OK\","
            + "\"reason\":\"priming\",\"timestamp\":\"2025-12-31T23:59:00.000+0000\"},\"configuration\":"
            + "{\"metrics\":[{\"id\":\"m1\",\"metricStat\":{\"metric\":{\"namespace\":\"AWS/ApplicationELB\","
            + "\"name\":\"HTTPCode_Target_5XX_Count\",\"dimensions\":{\"LoadBalancer\":\"app/priming/0\"}},"
            + "\"period\":60,\"stat\":\"Sum\"},\"returnData\":true}]}}}").getBytes(StandardCharsets.UTF_8);

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
