package dev.firebell.bench.storm;

import dev.firebell.local.SamTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Alarm storm: a seeded storm of alarm state changes (see {@link StormGenerator}) delivered by concurrent workers,
 * each its own {@code AlarmIngestHandler} as separate Lambda environments would be, to the local stack; the
 * escalation function run as its schedule would. Run once with grouping on (the default 5 minutes) and once with it
 * off, each on a fresh stack. Prints throughput, incidents, pages (per service), AWS requests and DynamoDB units by
 * operation, SNS publishes, PASS/FAIL checks from the stored data and the received pages, and what it costs.
 *
 * <p>Run (after {@code mvn -B package -DskipTests}), from the repository root:
 * {@code java -cp 'bench/target/classes:bench/target/lib/*' dev.firebell.bench.storm.StormBench}
 * <br>Options: {@code --seed 20261127 --events 10000 --alarms 500 --services 20 --workers 8 --grouping both|on|off}.
 * Exits 1 if a check fails.
 */
public final class StormBench {

    private StormBench() {
    }

    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(arg(args, "--seed", "20261127"));
        int events = Integer.parseInt(arg(args, "--events", "10000"));
        int alarms = Integer.parseInt(arg(args, "--alarms", "500"));
        int services = Integer.parseInt(arg(args, "--services", "20"));
        int workers = Integer.parseInt(arg(args, "--workers", "8"));
        String grouping = arg(args, "--grouping", "both");
        Path root = SamTemplate.locate().toAbsolutePath().getParent();

        StormGenerator.Storm storm = new StormGenerator(root.resolve("functions/alarm-ingest/src/test/resources/events"))
                .generate(seed, events, alarms, services);
        describe(storm, workers);

        List<StormRun.Result> results = new ArrayList<>();
        StormRun run = new StormRun(root, storm, workers);
        if (!"off".equals(grouping)) {
            results.add(run.run(true));
        }
        if (!"on".equals(grouping)) {
            results.add(run.run(false));
        }

        boolean passed = true;
        summary(results);
        outcomes(results);
        perService(storm, results);
        for (StormRun.Result r : results) {
            requests(r);
        }
        costs(results);
        for (StormRun.Result r : results) {
            System.out.printf("%nChecks, grouping %s:%n", label(r));
            for (StormChecks.Check c : StormChecks.check(r)) {
                System.out.printf("  %s  %s: %s%n", c.passed() ? "PASS" : "FAIL", c.name(), c.detail());
                passed &= c.passed();
            }
        }
        System.out.printf("%n%s%n", passed ? "ALL CHECKS PASSED" : "SOME CHECKS FAILED");
        System.exit(passed ? 0 : 1);
    }

    // ------------------------------------------------------------------ the storm

    private static void describe(StormGenerator.Storm s, int workers) {
        Map<String, Long> kinds = new TreeMap<>();
        Map<String, Long> shapes = new TreeMap<>();
        for (StormGenerator.Alarm a : s.alarms()) {
            kinds.merge(a.kind().name().toLowerCase(Locale.ROOT), 1L, Long::sum);
            shapes.merge(a.shape().name().toLowerCase(Locale.ROOT), 1L, Long::sum);
        }
        long duplicates = s.deliveries().stream().filter(StormGenerator.Delivery::duplicate).count();
        long otherPath = s.deliveries().stream().filter(d -> d.duplicate() && d.shape() != d.change().alarm().shape()).count();
        Instant first = s.changes().get(0).at();
        Instant last = s.changes().get(s.changes().size() - 1).at();
        System.out.printf("Alarm storm, seed %d: %,d deliveries of %,d state changes (%,d duplicate deliveries, %,d of"
                        + " them by a second path) of %d alarms in %d services, over %s of alarm time%n",
                s.seed(), s.deliveries().size(), s.changes().size(), duplicates, otherPath, s.alarms().size(),
                s.services().size(), human(Duration.between(first, last)));
        System.out.printf("  alarms by kind %s, by delivery path %s; %d alarms flap; %d OKs delivered before their ALARM%n",
                kinds, shapes, s.flappingAlarms(), s.okBeforeAlarm());
        System.out.printf("  %d workers, each its own AlarmIngestHandler (separate Lambda environments), against moto on"
                + " 127.0.0.1; machine: %s, %d cores, %s %s%n", workers, cpu(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
    }

    private static void summary(List<StormRun.Result> results) {
        System.out.printf("%n%-44s", "");
        results.forEach(r -> System.out.printf(" %22s", "grouping " + label(r)));
        System.out.println();
        row(results, "wall time (s)", r -> fmt("%.1f", r.wallNanos() / 1e9));
        row(results, "throughput (deliveries/s)", r -> fmt("%.0f", r.handled().size() / (r.wallNanos() / 1e9)));
        row(results, "handler time p50 / p99 (ms)", r -> fmt("%.1f / %.1f", percentile(r, 50), percentile(r, 99)));
        row(results, "handler time mean (ms)", r -> fmt("%.1f", mean(r)));
        row(results, "handler CPU time mean (ms, our code only)", r -> fmt("%.1f", r.handled().stream()
                .mapToLong(StormRun.Handled::cpuNanos).average().orElse(0) / 1e6));
        row(results, "Lambda invocations (incl. retries)", r -> fmt("%,d", invocations(r)));
        row(results, "incidents opened (paging)", r -> fmt("%,d", count(r, "OPENED")));
        row(results, "incidents opened already recovered", r -> fmt("%,d", count(r, "OPENED_RECOVERED")));
        row(results, "incidents open at the end", r -> fmt("%,d", r.stored().incidents().values().stream()
                .filter(dev.firebell.incident.Incident::isOpen).count()));
        row(results, "pages: first (incident.triggered)", r -> fmt("%,d", pages(r, "incident.triggered")));
        row(results, "pages: escalations", r -> fmt("%,d", r.pages().size() - pages(r, "incident.triggered")));
        row(results, "SNS publishes (billed 64 KB chunks)", r -> fmt("%,d", total(r, null, "Sns:Publish", t -> t.billedPublishes.sum())));
        row(results, "DynamoDB requests", r -> fmt("%,d", total(r, null, "DynamoDb:", t -> t.requests.sum())));
        row(results, "DynamoDB write units (table + index)", r -> fmt("%,.0f", writeUnits(r, null)));
        row(results, "DynamoDB read units", r -> fmt("%,.1f", readUnits(r, null)));
        row(results, "max first pages to one service in 5 min", r -> fmt("%d", maxPagesInWindow(r)));
    }

    private static void outcomes(List<StormRun.Result> results) {
        System.out.printf("%nWhat the handler did with each delivery:%n%-44s", "");
        results.forEach(r -> System.out.printf(" %22s", "grouping " + label(r)));
        System.out.println();
        TreeSet<String> kinds = new TreeSet<>();
        results.forEach(r -> r.handled().forEach(h -> kinds.add(h.outcome() == null ? "FAILED" : h.outcome())));
        for (String kind : kinds) {
            row(results, "  " + kind, r -> fmt("%,d", r.handled().stream()
                    .filter(h -> kind.equals(h.outcome() == null ? "FAILED" : h.outcome())).count()));
        }
    }

    private static void perService(StormGenerator.Storm storm, List<StormRun.Result> results) {
        System.out.printf("%nPer service: incidents, first pages (the on-call person woken) and escalation pages (5 min"
                + " without an acknowledgement; nobody acknowledges here), %s:%n", results.stream()
                .map(r -> "grouping " + label(r)).reduce((a, b) -> a + " / " + b).orElse(""));
        System.out.printf("%-16s %6s %8s %15s %15s %15s%n", "service", "alarms", "changes", "incidents", "first pages",
                "escalations");
        for (String service : storm.services()) {
            long alarms = storm.alarms().stream().filter(a -> a.service().equals(service)).count();
            long changes = storm.changes().stream().filter(c -> c.alarm().service().equals(service)).count();
            List<String> incidents = new ArrayList<>();
            List<String> first = new ArrayList<>();
            List<String> escalations = new ArrayList<>();
            for (StormRun.Result r : results) {
                incidents.add(Long.toString(r.stored().incidents().values().stream()
                        .filter(i -> i.service().equals(service)).count()));
                first.add(Long.toString(r.pages().stream().filter(p -> service.equals(p.service())
                        && "incident.triggered".equals(p.eventType())).count()));
                escalations.add(Long.toString(r.pages().stream().filter(p -> service.equals(p.service())
                        && !"incident.triggered".equals(p.eventType())).count()));
            }
            System.out.printf("%-16s %6d %8d %15s %15s %15s%n", service, alarms, changes, String.join(" / ", incidents),
                    String.join(" / ", first), String.join(" / ", escalations));
        }
    }

    private static void requests(StormRun.Result r) {
        System.out.printf("%nAWS requests, grouping %s (DynamoDB units computed from item sizes; see CapacityModel):%n",
                label(r));
        System.out.printf("  %-12s %-32s %9s %9s %7s %11s %11s %11s%n", "function", "operation", "requests", "attempts",
                "failed", "read units", "write units", "index WU");
        r.requests().forEach((phase, ops) -> ops.forEach((op, t) -> System.out.printf(
                "  %-12s %-32s %,9d %,9d %,7d %,11.1f %,11.0f %,11.0f%n", phase, op, t.requests.sum(), t.attempts.sum(),
                t.failed.sum(), t.readUnits.sum(), t.writeUnits.sum(), t.indexWriteUnits.sum())));
        System.out.printf("  write units by item (table + index), alarm function and escalation runs together:%n");
        double all = r.writesByItem().values().stream().mapToDouble(v -> v[0] + v[1]).sum();
        r.writesByItem().entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[0] + b.getValue()[1],
                        a.getValue()[0] + a.getValue()[1]))
                .forEach(e -> System.out.printf("    %-24s %,10.0f + %,9.0f = %5.1f%%, %5.1f per delivery%n", e.getKey(),
                        e.getValue()[0], e.getValue()[1], 100 * (e.getValue()[0] + e.getValue()[1]) / all,
                        (e.getValue()[0] + e.getValue()[1]) / r.handled().size()));
        System.out.printf("  failed requests (billed too), by cause:%n");
        r.failures().forEach((cause, n) -> System.out.printf("    %-72s %,7d%n", cause, n));
        System.out.printf("  escalation function runs: %d during and after the storm (mean %.0f ms), idle run %.0f ms%n",
                r.sweepNanos().size(), r.sweepNanos().stream().mapToLong(Long::longValue).average().orElse(0) / 1e6,
                r.idleSweepNanos() / 1e6);
    }

    // ------------------------------------------------------------------ cost

    /** Dollars of one run, by line. */
    record Cost(double lambdaRequests, double lambdaDuration, double writes, double reads, double sns) {
        double total() {
            return lambdaRequests + lambdaDuration + writes + reads + sns;
        }
    }

    static Cost cost(StormRun.Result r) {
        long invocations = invocations(r) + r.sweepNanos().size();
        double gbs = r.handled().stream().mapToDouble(h -> Prices.gbSeconds(h.nanos())).sum()
                + r.sweepNanos().stream().mapToDouble(Prices::gbSeconds).sum();
        return new Cost(invocations * Prices.LAMBDA_REQUEST, gbs * Prices.LAMBDA_GB_SECOND_ARM64,
                (writeUnits(r, StormRun.ALARMS) + writeUnits(r, StormRun.SWEEP)) * Prices.DYNAMODB_WRITE_UNIT,
                (readUnits(r, StormRun.ALARMS) + readUnits(r, StormRun.SWEEP)) * Prices.DYNAMODB_READ_UNIT,
                total(r, null, "Sns:Publish", t -> t.billedPublishes.sum()) * Prices.SNS_PUBLISH);
    }

    private static void costs(List<StormRun.Result> results) {
        System.out.printf("%nCost at AWS list prices, us-east-1, as of %s (Lambda arm64 1024 MB, billed per ms of the"
                + " measured handler time; DynamoDB on demand; SNS publishes; SMS and e-mail delivery not included):%n",
                Prices.AS_OF);
        System.out.printf("%-44s", "");
        results.forEach(r -> System.out.printf(" %22s", "grouping " + label(r)));
        System.out.println();
        row(results, "Lambda requests", r -> dollars(cost(r).lambdaRequests()));
        row(results, "Lambda duration (GB-s)", r -> dollars(cost(r).lambdaDuration()) + fmt(" (%.0f)",
                cost(r).lambdaDuration() / Prices.LAMBDA_GB_SECOND_ARM64));
        row(results, "  at our CPU time only (lower bound)", r -> dollars(cpuDuration(r)));
        row(results, "DynamoDB writes", r -> dollars(cost(r).writes()));
        row(results, "DynamoDB reads", r -> dollars(cost(r).reads()));
        row(results, "SNS publishes", r -> dollars(cost(r).sns()));
        row(results, "the whole storm", r -> dollars(cost(r).total()));
        row(results, "per 1,000 incidents opened", r -> dollars(cost(r).total() / Math.max(1, count(r, "OPENED")
                + count(r, "OPENED_RECOVERED")) * 1000));
        row(results, "per 1,000 alarm deliveries", r -> dollars(cost(r).total() / r.handled().size() * 1000));
        for (int perMinute : new int[]{100, 1000}) {
            row(results, fmt("a storm of %,d alarms/min for an hour", perMinute),
                    r -> dollars(cost(r).total() / r.handled().size() * perMinute * 60));
        }
        row(results, "escalation schedule idle, per month", r -> dollars(idleMonth(r)));
    }

    /** Lambda duration if each invocation took only its own CPU time (AWS latency and this machine's waits left out). */
    private static double cpuDuration(StormRun.Result r) {
        return r.handled().stream().mapToDouble(h -> Prices.gbSeconds(h.cpuNanos())).sum()
                * Prices.LAMBDA_GB_SECOND_ARM64;
    }

    /** 43,200 runs a month of the minute schedule with nothing due. */
    private static double idleMonth(StormRun.Result r) {
        Map<String, RequestMeter.Tally> idle = r.requests().getOrDefault(StormRun.IDLE_SWEEP, Map.of());
        double reads = idle.values().stream().mapToDouble(t -> t.readUnits.sum()).sum() / 2;
        double writes = idle.values().stream().mapToDouble(t -> t.writeUnits.sum() + t.indexWriteUnits.sum()).sum() / 2;
        double perRun = Prices.LAMBDA_REQUEST + Prices.gbSeconds(r.idleSweepNanos()) * Prices.LAMBDA_GB_SECOND_ARM64
                + reads * Prices.DYNAMODB_READ_UNIT + writes * Prices.DYNAMODB_WRITE_UNIT;
        return perRun * 43_200;
    }

    // ------------------------------------------------------------------ numbers

    private static long invocations(StormRun.Result r) {
        return r.handled().stream().mapToLong(StormRun.Handled::attempts).sum();
    }

    private static long count(StormRun.Result r, String outcome) {
        return r.handled().stream().filter(h -> outcome.equals(h.outcome())).count();
    }

    private static long pages(StormRun.Result r, String eventType) {
        return r.pages().stream().filter(p -> eventType.equals(p.eventType())).count();
    }

    private static double writeUnits(StormRun.Result r, String phase) {
        return tallies(r, phase).mapToDouble(t -> t.writeUnits.sum() + t.indexWriteUnits.sum()).sum();
    }

    private static double readUnits(StormRun.Result r, String phase) {
        return tallies(r, phase).mapToDouble(t -> t.readUnits.sum()).sum();
    }

    private static long total(StormRun.Result r, String phase, String opPrefix,
                              java.util.function.ToLongFunction<RequestMeter.Tally> f) {
        return r.requests().entrySet().stream().filter(e -> phase == null ? !e.getKey().equals(StormRun.IDLE_SWEEP)
                        : e.getKey().equals(phase))
                .flatMap(e -> e.getValue().entrySet().stream()).filter(e -> e.getKey().startsWith(opPrefix))
                .mapToLong(e -> f.applyAsLong(e.getValue())).sum();
    }

    private static Stream<RequestMeter.Tally> tallies(StormRun.Result r, String phase) {
        return r.requests().entrySet().stream()
                .filter(e -> phase == null ? !e.getKey().equals(StormRun.IDLE_SWEEP) : e.getKey().equals(phase))
                .flatMap(e -> e.getValue().values().stream());
    }

    private static double percentile(StormRun.Result r, int p) {
        long[] nanos = r.handled().stream().mapToLong(StormRun.Handled::nanos).sorted().toArray();
        return nanos[Math.min(nanos.length - 1, (int) Math.ceil(p / 100.0 * nanos.length) - 1)] / 1e6;
    }

    private static double mean(StormRun.Result r) {
        return r.handled().stream().mapToLong(StormRun.Handled::nanos).average().orElse(0) / 1e6;
    }

    /** The most first pages one service got within any 5 minutes of alarm time (the time its alarms fired). */
    private static int maxPagesInWindow(StormRun.Result r) {
        Map<String, List<Instant>> byService = new LinkedHashMap<>();
        for (StormRun.ReceivedPage p : r.pages()) {
            if ("incident.triggered".equals(p.eventType())) {
                var i = r.stored().incidents().get(p.incidentId());
                if (i != null && i.triggeredAt() != null) {
                    byService.computeIfAbsent(p.service(), s -> new ArrayList<>()).add(i.triggeredAt());
                }
            }
        }
        int max = 0;
        for (List<Instant> times : byService.values()) {
            times.sort(null);
            for (int a = 0, b = 0; b < times.size(); b++) {
                while (Duration.between(times.get(a), times.get(b)).compareTo(Duration.ofMinutes(5)) >= 0) {
                    a++;
                }
                max = Math.max(max, b - a + 1);
            }
        }
        return max;
    }

    // ------------------------------------------------------------------ printing

    private static void row(List<StormRun.Result> results, String name,
                            java.util.function.Function<StormRun.Result, String> value) {
        System.out.printf("%-44s", name);
        results.forEach(r -> System.out.printf(" %22s", value.apply(r)));
        System.out.println();
    }

    private static String label(StormRun.Result r) {
        return r.grouping() ? "on (" + StormConfig.WINDOW + ")" : "off";
    }

    private static String dollars(double d) {
        return d >= 0.01 ? fmt("$%,.4f", d) : fmt("$%.6f", d);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String human(Duration d) {
        return d.toHours() + " h " + d.toMinutesPart() + " min";
    }

    private static String cpu() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(System.getProperty("os.arch"));
        } catch (Exception e) {
            return System.getProperty("os.arch");
        }
    }

    private static String arg(String[] args, String name, String fallback) {
        int i = Arrays.asList(args).indexOf(name);
        return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
    }
}
