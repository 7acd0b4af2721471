package dev.firebell.bench.storm;

import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.bench.BenchClock;
import dev.firebell.heartbeat.HeartbeatStore;
import dev.firebell.heartbeat.Heartbeats;
import dev.firebell.heartbeat.MonitorRecord;
import dev.firebell.heartbeat.MonitorState;
import dev.firebell.heartbeat.PingKind;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.SamTemplate;
import dev.firebell.local.ShiftedClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one-minute sweep over many heartbeat monitors, against the emulator, counted in requests and DynamoDB units
 * ({@link RequestMeter}, {@link CapacityModel}) as well as time: a minute when none is due, a minute when some are
 * (each miss opens an incident through the alarm path and pages), and the minute after. Monitors are seeded through
 * the production store (a token each, then an up record with its deadline spread over the hour), unmetered.
 * Run (after {@code mvn -B -q package -DskipTests -pl bench -am}):
 * {@code java -cp 'bench/target/classes:bench/target/lib/*' dev.firebell.bench.storm.HeartbeatSweepBench 10000 10}
 */
public final class HeartbeatSweepBench {

    static final String IDLE = "sweep, none due";
    static final String MISSES = "sweep, misses due";
    static final String AFTER = "sweep, the minute after";

    private HeartbeatSweepBench() {
    }

    public static void main(String[] args) throws Exception {
        int monitors = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int due = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path root = Path.of(args.length > 2 ? args[2] : ".");
        try (LocalStack local = LocalStack.start()) {
            local.exportSdkSettings();
            LocalResources resources = local.provision(SamTemplate.load(root.resolve("template.yaml")));
            String table = resources.tableName("FirebellTable");
            new DynamoConfigStore(local.dynamoDb(), table, InstantSource.system(), Duration.ZERO)
                    .apply(config(monitors), "heartbeat bench");
            ShiftedClock clock = BenchClock.start();
            SweepComponent graph = DaggerSweepComponent.builder()
                    .environment(new FunctionEnvironment(resources.environmentOf("EscalationFunction")))
                    .clock(clock).build();
            Instant sweepAt = BenchClock.START.plus(Duration.ofMinutes(30));
            long seeded = seed(graph.heartbeatStore(), monitors, due, sweepAt);
            System.out.printf(Locale.ROOT, "seeded %d monitors (%d past their deadline at %s) in %.1f s%n", monitors,
                    due, sweepAt, seeded / 1e9);

            RequestMeter.reset();
            System.out.println("| Sweep | Misses handed over | Requests | DynamoDB read units | write units (table + index) "
                    + "| SNS publishes | Time on the emulator |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
            clock.advanceTo(sweepAt.minus(Duration.ofMinutes(1)));
            int idle = run(IDLE, graph.heartbeats());
            clock.advanceTo(sweepAt);
            int misses = run(MISSES, graph.heartbeats());
            clock.advanceTo(sweepAt.plus(Duration.ofMinutes(1)));
            int after = run(AFTER, graph.heartbeats());

            System.out.println();
            System.out.println("Requests by operation:");
            RequestMeter.snapshot().forEach((phase, ops) -> ops.forEach((op, t) -> System.out.printf(Locale.ROOT,
                    "  %-26s %-32s %6d requests, %.1f RU, %.1f WU, %.1f index WU%n", phase, op, t.requests.sum(),
                    t.readUnits.sum(), t.writeUnits.sum(), t.indexWriteUnits.sum())));
            if (misses != due || idle != 0 || after != 0) {
                throw new IllegalStateException("expected " + due + " misses in the second minute only: " + idle + ", "
                        + misses + ", " + after);
            }
        }
    }

    /** One scheduled minute's heartbeat work, in batches of 100 as the escalation function takes them; its row. */
    private static int run(String phase, Heartbeats heartbeats) {
        RequestMeter.phase(phase);
        long start = System.nanoTime();
        int total = 0;
        try {
            Heartbeats.SweepReport batch;
            do {
                batch = heartbeats.sweep(100);
                total += batch.alarmed();
            } while (batch.found() == 100);
        } finally {
            RequestMeter.phase(null);
        }
        long nanos = System.nanoTime() - start;
        Map<String, RequestMeter.Tally> ops = RequestMeter.snapshot().getOrDefault(phase, Map.of());
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f + %.1f | %d | %.0f ms |%n", phase, total,
                ops.values().stream().mapToLong(t -> t.requests.sum()).sum(),
                ops.values().stream().mapToDouble(t -> t.readUnits.sum()).sum(),
                ops.values().stream().mapToDouble(t -> t.writeUnits.sum()).sum(),
                ops.values().stream().mapToDouble(t -> t.indexWriteUnits.sum()).sum(),
                ops.values().stream().mapToLong(t -> t.billedPublishes.sum()).sum(), nanos / 1e6);
        return total;
    }


    /**
     * Every monitor gets its token and an up record (as a success ping leaves it); the first {@code due} have deadlines
     * before {@code sweepAt}, the others spread over the following hour. Eight writers: the emulator is the bottleneck.
     */
    private static long seed(HeartbeatStore store, int monitors, int due, Instant sweepAt) throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < monitors; i++) {
                int n = i;
                work.add(pool.submit(() -> {
                    String name = name(n);
                    store.createToken(name, "bench-token-" + name);
                    MonitorRecord fresh = store.record(name);
                    Instant dueAt = n < due ? sweepAt.minusSeconds(1 + n % 50)
                            : sweepAt.plusSeconds(60 + (long) n * 3_540 / monitors);
                    store.replace(fresh, new MonitorRecord(name, MonitorState.UP, dueAt.minus(Duration.ofMinutes(70)),
                            PingKind.SUCCESS, dueAt, null, null, null, fresh.version()));
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return System.nanoTime() - start;
    }

    static String name(int n) {
        return String.format(Locale.ROOT, "job-%05d", n);
    }

    /** One service that pages a team (no escalation policy, no grouping: one incident per miss), N monitors. */
    static Map<String, Object> config(int monitors) {
        Map<String, Object> heartbeats = new LinkedHashMap<>();
        for (int i = 0; i < monitors; i++) {
            heartbeats.put(name(i), Map.of("service", "batch", "interval", "1h", "grace", "10m"));
        }
        return Map.of(
                "services", Map.of("batch", Map.of("pageTarget", "team-batch", "groupingWindow", "0s")),
                "routing", Map.of("default", Map.of("service", "batch", "severity", "SEV3")),
                "heartbeats", heartbeats);
    }
}
