package dev.firebell.bench.latency;

import static dev.firebell.bench.latency.CannedFirebell.OPEN_ALARM;
import static dev.firebell.bench.latency.CannedFirebell.alarmEvent;
import static dev.firebell.bench.latency.CannedFirebell.expect;
import static dev.firebell.bench.latency.CannedFirebell.handle;
import static dev.firebell.bench.latency.CannedFirebell.openIncident;

import dev.firebell.function.alarm.AlarmIngestHandler;
import dev.firebell.function.escalation.EscalationHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
 *   <li>{@code alarmOpens}: an ALARM for a new payments alarm: route, on-call lookup (overrides of the schedule's
 *       rotations, maintenance windows), incident id, one transaction, the page composed and published, marked sent
 *       (13 AWS calls);</li>
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
        http = new CannedHttpClient();
        LatencyComponent component = CannedFirebell.configured(http);
        alarms = new AlarmIngestHandler(component.alarmService());
        sweep = new EscalationHandler(component.escalationEngine(), component.pageDispatcher(), component.clock(),
                d -> { });

        Instant now = component.clock().instant();
        openIncident(alarms, now.minusSeconds(60));
        http.freeze();
        for (int i = 0; i < EVENTS; i++) {
            // payments: no incident open there, so each one opens (a checkout alarm would join the open one).
            opens[i] = alarmEvent("payments-bench-new-alarm-" + i, "ALARM", now);
            duplicates[i] = alarmEvent(OPEN_ALARM, "ALARM", now.plusMillis(i));
            resolves[i] = alarmEvent(OPEN_ALARM, "OK", now.plus(Duration.ofMinutes(5)).plusMillis(i));
        }
        http.answered();
        expect(alarmOpens(), "\"OPENED\"", "\"pagesSent\":1");
        String calls = "alarmOpens: " + http.answered();
        expect(alarmDuplicate(), "\"DUPLICATE_SUPPRESSED\"");
        calls += "; alarmDuplicate: " + http.answered();
        expect(alarmResolves(), "\"RESOLVED\"");
        calls += "; alarmResolves: " + http.answered();
        expect(sweepNothingDue(), "\"escalationSteps\":0");
        System.out.println("AWS calls answered per event: " + calls + "; sweepNothingDue: " + http.answered());
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
}
