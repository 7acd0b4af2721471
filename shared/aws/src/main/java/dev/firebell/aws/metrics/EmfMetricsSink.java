package dev.firebell.aws.metrics;

import dev.firebell.aws.Json;
import dev.firebell.metrics.IncidentMetrics;
import dev.firebell.metrics.MetricsSink;
import java.io.PrintStream;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Per-incident metrics as CloudWatch Embedded Metric Format: one JSON object on one line of standard output, which
 * CloudWatch Logs turns into metrics (no PutMetricData call, no extra permission).
 *
 * <p>It must be written to {@code System.out} and not through the Lambda context's logger: with the function's JSON
 * log format the logger wraps every message into {@code {"message": "..."}}, and CloudWatch extracts metrics only
 * from a top-level EMF document. A JSON object written to standard output is kept as it is and counted as an INFO
 * log event, so the function's application log level must stay at INFO or lower (template.yaml pins it).
 *
 * <p>Dimensions: {@code service} and {@code severity} together. Each combination that occurs is one custom metric per
 * metric name; per-service and per-severity figures come from CloudWatch metric math (SEARCH and SUM), see
 * docs/postmortems.md.
 */
public final class EmfMetricsSink implements MetricsSink {

    private final String namespace;
    private final InstantSource clock;
    private final Consumer<String> out;

    public EmfMetricsSink(String namespace, InstantSource clock, Consumer<String> out) {
        this.namespace = namespace;
        this.clock = clock;
        this.out = out;
    }

    /** Standard output, flushed per line: the Lambda runtime does not flush it for us. */
    public static Consumer<String> standardOutput() {
        return line -> {
            PrintStream stdout = System.out;
            stdout.println(line);
            stdout.flush();
        };
    }

    @Override
    public void emit(IncidentMetrics m) {
        out.accept(Json.write(document(m)));
    }

    Map<String, Object> document(IncidentMetrics m) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Map<String, Object>> definitions = new ArrayList<>();
        seconds(root, definitions, "TimeToDetect", m.timeToDetect());
        seconds(root, definitions, "TimeToAcknowledge", m.timeToAcknowledge());
        seconds(root, definitions, "TimeToResolve", m.timeToResolve());
        count(root, definitions, "PagesSent", m.pagesSent());
        count(root, definitions, "EscalationLevels", m.escalationLevels());

        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", namespace);
        directive.put("Dimensions", List.of(List.of("service", "severity")));
        directive.put("Metrics", definitions);
        Map<String, Object> aws = new LinkedHashMap<>();
        // Processing time: CloudWatch rejects EMF timestamps over two weeks old, which a backfill could produce.
        aws.put("Timestamp", clock.instant().toEpochMilli());
        aws.put("CloudWatchMetrics", List.of(directive));

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("_aws", aws);
        document.put("service", m.service());
        document.put("severity", m.severity().name());
        document.putAll(root);
        // Not dimensions (unbounded cardinality): searchable in Logs Insights.
        document.put("incidentId", m.incidentId());
        if (m.alarmName() != null) {
            document.put("alarm", m.alarmName());
        }
        document.put("autoResolved", m.autoResolved());
        document.put("reopenCount", m.reopenCount());
        if (m.resolvedAt() != null) {
            document.put("resolvedAt", m.resolvedAt().toString());
        }
        return document;
    }

    private static Map<String, Object> definition(String name, String unit) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("Name", name);
        d.put("Unit", unit);
        return d;
    }

    private static void seconds(Map<String, Object> root, List<Map<String, Object>> definitions, String name,
                                Duration value) {
        if (value != null) {
            definitions.add(definition(name, "Seconds"));
            root.put(name, value.toMillis() / 1000.0);
        }
    }

    private static void count(Map<String, Object> root, List<Map<String, Object>> definitions, String name, int value) {
        definitions.add(definition(name, "Count"));
        root.put(name, value);
    }
}
