package dev.firebell.bench.latency;

import static dev.firebell.bench.latency.CannedFirebell.expect;
import static dev.firebell.bench.latency.CannedFirebell.handle;

import dev.firebell.function.web.CannedWebFunction;
import dev.firebell.function.web.WebHandler;
import dev.firebell.local.FunctionUrlEvent;
import java.io.IOException;
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
 * Warm cost of a heartbeat ping through the real web handler (Function URL event decoded, token hashed and looked up,
 * the rules, the answer encoded) on the production graph, every AWS call answered by {@link CannedHttpClient}.
 * Monitor: {@code orders-db-backup} of infra/config/firebell.example.yaml (interval 1d, grace 1h: 10-minute slices).
 * <ul>
 *   <li>{@code pingUnchanged}: a ping of a monitor already pinged in this slice: two reads, nothing written (the
 *       common case of a job that pings often);</li>
 *   <li>{@code pingWrites}: a {@code /start}: two reads and the record's conditional update;</li>
 *   <li>{@code pingUnknown}: a token nobody has: the same two reads, a 404.</li>
 * </ul>
 * A {@code /fail} or a recovery adds the alarm path's own cost, which HandlerLatencyBenchmark measures.
 * Run: {@code java -cp 'bench/target/classes:bench/target/lib/*' org.openjdk.jmh.Main PingLatency}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PingLatencyBenchmark {

    static final String MONITOR = "orders-db-backup";
    static final String TOKEN = "bench-ping-token-0123456789abcdefghijklmnopq";

    private CannedHttpClient http;
    private WebHandler web;
    private final byte[] ping = event("/ping/" + TOKEN);
    private final byte[] start = event("/ping/" + TOKEN + "/start");
    private final byte[] unknown = event("/ping/bench-ping-token-0123456789abcdefghijklmnopQ");

    @Setup(Level.Trial)
    public void build() throws IOException {
        http = new CannedHttpClient();
        // CannedFirebell's environment carries the link variables the graph requires (LinksModule).
        LatencyComponent component = CannedFirebell.configured(http);
        component.heartbeatStore().createToken(MONITOR, TOKEN);
        web = CannedWebFunction.pings(component.heartbeats());
        expect(handle(web, ping), "\"statusCode\":200", "OK");
        http.freeze();
        http.answered();
        expect(pingUnchanged(), "\"statusCode\":200");
        String calls = "pingUnchanged: " + http.answered();
        expect(pingWrites(), "\"statusCode\":200");
        calls += "; pingWrites: " + http.answered();
        expect(pingUnknown(), "\"statusCode\":404");
        System.out.println("AWS calls answered per ping: " + calls + "; pingUnknown: " + http.answered());
    }

    @Benchmark
    public String pingUnchanged() {
        return handle(web, ping);
    }

    @Benchmark
    public String pingWrites() {
        http.forgetWrites();
        return handle(web, start);
    }

    @Benchmark
    public String pingUnknown() {
        return handle(web, unknown);
    }

    private static byte[] event(String path) {
        return FunctionUrlEvent.of("GET", path, "", Map.of("host", "abcdefghij.lambda-url.us-east-1.on.aws",
                "user-agent", "curl/8.5.0"), new byte[0], false, "198.51.100.7");
    }
}
