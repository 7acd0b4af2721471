package dev.firebell.bench.latency;

import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.cli.YamlConfigLoader;
import dev.firebell.function.alarm.AlarmIngestHandler;
import dev.firebell.function.escalation.EscalationHandler;
import dev.firebell.local.LocalLambdaContext;
import dev.firebell.local.SamTemplate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm latency of the real handlers (event decoded, routed, decided, written, paged, answer encoded), their SDK
 * clients built exactly as in production except for the HTTP client, which answers from memory
 * ({@link CannedHttpClient}): what is measured is Firebell and the SDK's request work (building, signing,
 * marshalling, unmarshalling), never the network. Configuration: infra/config/firebell.example.yaml.
 * <ul>
 *   <li>{@code alarmOpens}: an ALARM for a new alarm: route, on-call lookup, incident id, one transaction, the page
 *       composed and published, marked sent (8 AWS calls);</li>
 *   <li>{@code alarmDuplicate}: the same alarm again while its incident is open: folded in, nobody paged;</li>
 *   <li>{@code alarmResolves}: its OK: the incident resolved;</li>
 *   <li>{@code sweepNothingDue}: the escalation function's minute when nothing is due (4 index queries).</li>
 * </ul>
 * SampleTime mode gives the percentiles. Run:
 * {@code java -cp 'bench/target/classes:bench/target/lib/*' org.openjdk.jmh.Main HandlerLatency}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class HandlerLatencyBenchmark {

    private static final int EVENTS = 1024;
    private static final String OPEN_ALARM = "checkout-api-5xx-high";

    private final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    private CannedHttpClient http;
    private AlarmIngestHandler alarms;
    private EscalationHandler sweep;
    private final byte[][] opens = new byte[EVENTS][];
    private final byte[][] duplicates = new byte[EVENTS][];
    private final byte[][] resolves = new byte[EVENTS][];
    private final byte[] scheduled = ("{\"version\":\"0\",\"id\":\"4e1a3b2c-0000-4a5b-9c8d-7e6f5a4b3c2d\","
            + "\"detail-type\":\"Scheduled Event\",\"source\":\"aws.scheduler\",\"account\":\"123456789012\","
            + "\"time\":\"2026-11-27T09:02:00Z\",\"region\":\"us-east-1\",\"resources\":[],\"detail\":\"{}\"}")
            .getBytes(StandardCharsets.UTF_8);
    private int next;

    @Setup(Level.Trial)
    public void build() throws IOException {
        System.setProperty("aws.region", "us-east-1");
        http = new CannedHttpClient();
        LatencyComponent component = DaggerLatencyComponent.builder()
                .environment(new FunctionEnvironment(Map.of("TABLE_NAME", "FirebellTable",
                        "PAGE_TOPIC_ARN", "arn:aws:sns:us-east-1:123456789012:PageTopic")))
                .http(http).build();
        component.configStore().apply(new YamlConfigLoader()
                .load(SamTemplate.locate().toAbsolutePath().getParent().resolve("infra/config/firebell.example.yaml"))
                .document(), "benchmark");
        alarms = new AlarmIngestHandler(component.alarmService());
        sweep = new EscalationHandler(component.escalationEngine(), component.pageDispatcher(), component.clock(),
                d -> { });

        Instant now = Instant.now();
        expect(handle(alarms, event(OPEN_ALARM, "ALARM", now.minusSeconds(60))), "\"OPENED\"", "\"pagesSent\":1");
        http.freeze();
        for (int i = 0; i < EVENTS; i++) {
            opens[i] = event("bench-new-alarm-" + i, "ALARM", now);
            duplicates[i] = event(OPEN_ALARM, "ALARM", now.plusMillis(i));
            resolves[i] = event(OPEN_ALARM, "OK", now.plus(Duration.ofMinutes(5)).plusMillis(i));
        }
        expect(alarmOpens(), "\"OPENED\"", "\"pagesSent\":1");
        expect(alarmDuplicate(), "\"DUPLICATE_SUPPRESSED\"");
        expect(alarmResolves(), "\"RESOLVED\"");
        expect(sweepNothingDue(), "\"escalationSteps\":0");
    }

    @Benchmark
    public String alarmOpens() {
        http.forgetWrites();
        return handle(alarms, opens[next++ & (EVENTS - 1)]);
    }

    @Benchmark
    public String alarmDuplicate() {
        http.forgetWrites();
        return handle(alarms, duplicates[next++ & (EVENTS - 1)]);
    }

    @Benchmark
    public String alarmResolves() {
        http.forgetWrites();
        return handle(alarms, resolves[next++ & (EVENTS - 1)]);
    }

    @Benchmark
    public String sweepNothingDue() {
        return handle(sweep, scheduled);
    }

    private String handle(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, byte[] event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, new LocalLambdaContext("bench", 30, quiet));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void expect(String output, String... fragments) {
        for (String f : fragments) {
            if (!output.contains(f)) {
                throw new IllegalStateException("the canned AWS no longer leads where the benchmark expects (" + f
                        + "): " + output);
            }
        }
    }

    /** The EventBridge shape of a metric alarm's state change. */
    private static byte[] event(String name, String state, Instant at) {
        return ("{\"version\":\"0\",\"id\":\"" + java.util.UUID.randomUUID() + "\",\"detail-type\":"
                + "\"CloudWatch Alarm State Change\",\"source\":\"aws.cloudwatch\",\"account\":\"123456789012\","
                + "\"time\":\"" + at + "\",\"region\":\"eu-west-1\",\"resources\":"
                + "[\"arn:aws:cloudwatch:eu-west-1:123456789012:alarm:" + name + "\"],\"detail\":{\"alarmName\":\""
                + name + "\",\"state\":{\"value\":\"" + state + "\",\"reason\":\"Threshold Crossed: 3 datapoints were"
                + " greater than the threshold (25.0)\",\"timestamp\":\"" + at + "\"},\"previousState\":{\"value\":"
                + "\"OK\",\"timestamp\":\"2026-01-01T00:00:00Z\"},\"configuration\":{\"description\":null,\"metrics\":"
                + "[{\"id\":\"m1\",\"metricStat\":{\"metric\":{\"namespace\":\"AWS/ApplicationELB\",\"name\":"
                + "\"HTTPCode_Target_5XX_Count\",\"dimensions\":{\"LoadBalancer\":\"app/checkout-prod/50dc6c495c0c9188\"}},"
                + "\"period\":60,\"stat\":\"Sum\"},\"returnData\":true}]}}}").getBytes(StandardCharsets.UTF_8);
    }
}
