package dev.firebell.bench.coldstart;

import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.cli.YamlConfigLoader;
import dev.firebell.function.alarm.AlarmIngestHandler;
import dev.firebell.local.LocalLambdaContext;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.SamTemplate;
import dev.firebell.local.faults.FaultProxy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Cold-start proxy. For each JVM variant, runs these programs in fresh JVMs, interleaved round by round so machine
 * noise hits all of them alike:
 * <ol>
 *   <li>hello world (the JVM's own floor),</li>
 *   <li>a bare SDK program making the same two AWS calls an alarm needs at minimum (PutItem, Publish),</li>
 *   <li>each Firebell function loaded from its real deployment zip, constructing its handler (Dagger graph, SDK
 *       clients) and handling a first event end to end: the alarm function opens an incident and pages; the
 *       escalation function runs a scheduled sweep (on a table with nothing due, its usual minute); the postmortem
 *       function drafts a resolved incident into S3 and announces it; the chat function answers the first
 *       {@code /incident ack} of the night ({@link ChatColdStart}); the web function serves a console page to a
 *       signed-in person, or the page of an Acknowledge link ({@link WebColdStart});</li>
 *   <li>the alarm and chat functions initialised as SnapStart initialises them (primed; chat's runtime hooks run), whose
 *       first event is what a restored environment pays besides the restore itself.</li>
 * </ol>
 * All against the local stack (moto on 127.0.0.1). Prints p10/p50/p90 wall time, the ratio to the bare program (of
 * the medians; and each round's own ratio, its median and p10-p90), classes loaded, artifact sizes, where the time
 * goes (JVM start, handler construction, first event), which classes each function loads beyond the bare program, by
 * jar, and the AWS requests each function's first event makes.
 *
 * <p>Run (after {@code mvn -B package -DskipTests}):
 * {@code java -cp 'bench/target/classes:bench/target/lib/*' dev.firebell.bench.coldstart.ColdStartBench --runs 15}
 * ({@code --second-only}: only the artifacts, the AWS calls and the second-event table; {@code --variants default,c1}:
 * some of the JVM variants, of {@code default,c1,appcds}; {@code --only web,chat}: hello world, the bare program and
 * the programs whose names contain one of these; {@code --web-before <web.zip>}: also an earlier build of the web
 * function serving the link page, side by side).
 */
public final class ColdStartBench {

    private static final Pattern PHASES = Pattern.compile("probe-phases jvm=(\\d+) init=(\\d+) event=(\\d+)");
    private static final Pattern SOURCE = Pattern.compile("source: (.*)$");

    record Program(String name, String function, List<String> classpath, String mainClass, List<String> args,
                   Map<String, String> env, List<String> flags, IntFunction<String> event, Predicate<String> ok) {
    }

    record Variant(String name, List<String> flags, boolean appCds) {
    }

    /** What one fresh JVM did. */
    record Run(long millis, String output) {
    }

    private ColdStartBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = intArg(args, "--runs", 15);
        boolean secondOnly = List.of(args).contains("--second-only");
        Path root = SamTemplate.locate().toAbsolutePath().getParent();
        Path work = Files.createDirectories(root.resolve("bench/target/coldstart"));
        // Only the probes: the bench's other classes and resources (the chat bench's global SDK interceptor) stay out.
        String benchClasses = jar(root.resolve("bench/target/classes"), work.resolve("probes.jar"), null,
                "dev/firebell/bench/coldstart/").toString();

        try (LocalStack local = LocalStack.start()) {
            LocalResources resources = local.provision(SamTemplate.load(root.resolve("template.yaml")));
            String table = resources.tableName("FirebellTable");
            new DynamoConfigStore(local.dynamoDb(), table, InstantSource.system(), Duration.ZERO)
                    .apply(new YamlConfigLoader().load(root.resolve("infra/config/firebell.example.yaml")).document(),
                            "cold-start bench");
            String idleTable = copyTable(local, table, "FirebellIdleSweep");
            // The alarm runs write to a table of their own, emptied before each variant and without a stream: moto
            // copies a whole table, stream records included, in every transaction, which would time the emulator.
            String alarmTable = copyTable(local, table, "FirebellColdStartAlarms");
            Map<String, Object> config = pagingAtAnyHour(new YamlConfigLoader()
                    .load(root.resolve("infra/config/firebell.example.yaml")).document());
            new DynamoConfigStore(local.dynamoDb(), alarmTable, InstantSource.system(), Duration.ZERO)
                    .apply(config, "cold-start bench");
            String resolvedIncident = resolvedIncident(local, resources);

            Map<String, String> aws = new LinkedHashMap<>();
            aws.put("AWS_REGION", local.region().id());
            aws.put("AWS_ACCESS_KEY_ID", "test");
            aws.put("AWS_SECRET_ACCESS_KEY", "test");
            aws.put("AWS_ENDPOINT_URL", local.endpoint().toString());

            Map<String, Path> artifacts = new LinkedHashMap<>();
            List<Program> programs = new ArrayList<>();
            Path alarmLib = null;
            ChatColdStart chat = new ChatColdStart(local, resources, alarmTable);
            for (String function : List.of("AlarmIngestFunction", "EscalationFunction", "PostmortemFunction",
                    "ChatFunction")) {
                String module = switch (function) {
                    case "AlarmIngestFunction" -> "alarm-ingest";
                    case "EscalationFunction" -> "escalation";
                    case "ChatFunction" -> "chat";
                    default -> "postmortem";
                };
                Path zip = root.resolve("functions/" + module + "/target/" + module + ".zip");
                if (!Files.exists(zip)) {
                    throw new IllegalStateException(zip + " is missing: run mvn -B package -DskipTests first");
                }
                artifacts.put(function, zip);
                Path artifact = unzip(zip, work.resolve(module));
                Map<String, String> env = new LinkedHashMap<>(function.equals("ChatFunction") ? chat.environment()
                        : resources.environmentOf(function));
                env.putAll(aws);
                env.put("AWS_LAMBDA_FUNCTION_NAME", function); // as in Lambda: credentials from the environment
                List<String> flags = new ArrayList<>();
                IntFunction<String> event;
                Predicate<String> ok;
                switch (function) {
                    case "AlarmIngestFunction" -> {
                        alarmLib = artifact.resolve("lib");
                        env.put("TABLE_NAME", alarmTable);
                        event = ColdStartBench::firstAlarm;
                        ok = out -> out.contains("\"OPENED\"") && out.contains("\"pagesSent\":1");
                    }
                    case "EscalationFunction" -> {
                        env.put("TABLE_NAME", idleTable);
                        flags.add("-Dprobe.remainingMs=10000"); // no waiting for later work: the run ends
                        event = round -> "{\"version\":\"0\",\"id\":\"" + java.util.UUID.randomUUID()
                                + "\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.scheduler\",\"account\":"
                                + "\"123456789012\",\"time\":\"" + Instant.now() + "\",\"region\":\"us-east-1\","
                                + "\"resources\":[],\"detail\":\"{}\"}";
                        ok = out -> out.contains("\"escalationSteps\":0");
                    }
                    case "ChatFunction" -> {
                        event = chat::event;
                        ok = ChatColdStart.ACKNOWLEDGED;
                    }
                    default -> {
                        event = round -> "{\"incidentId\":\"" + resolvedIncident + "\"}";
                        ok = out -> out.contains("\"outcome\":\"CREATED\"") || out.contains("\"outcome\":\"UNCHANGED\"");
                    }
                }
                programs.add(fromArtifact(function.replace("Function", ""), function, artifact, benchClasses,
                        resources, env, flags, event, ok));
            }
            // What SnapStart would restore: the alarm function initialised for a snapshot (primed, ADR 0050), the chat
            // function primed and refreshed by its runtime hooks (ADR 0053). Their "first event" phase is what a
            // restored environment still pays, besides the restore itself. Without them: the cold path when SnapStart
            // is off or not offered in the region.
            programs.add(1, snapStarted(programs.get(0), "AlarmIngest, primed (SnapStart)", List.of()));
            programs.add(snapStarted(programs.get(programs.size() - 1), "Chat, primed (SnapStart)",
                    List.of("-Dprobe.crac=true")));
            // The web function: a console page for a signed-in person, and the Acknowledge link's page (all it served
            // before the console); with --web-before <zip>, the same link page served by an earlier build of it.
            WebColdStart web = new WebColdStart(local, resources);
            Path webZip = root.resolve("functions/web/target/web.zip");
            if (!Files.exists(webZip)) {
                throw new IllegalStateException(webZip + " is missing: run mvn -B package -DskipTests first");
            }
            artifacts.put("WebFunction", webZip);
            Map<String, String> webEnv = new LinkedHashMap<>(web.environment());
            webEnv.putAll(aws);
            webEnv.put("AWS_LAMBDA_FUNCTION_NAME", "WebFunction");
            Path webArtifact = unzip(webZip, work.resolve("web"));
            programs.add(fromArtifact("Web, console page", "WebFunction", webArtifact, benchClasses, resources, webEnv,
                    List.of(), web::consolePage, web.consoleOk));
            programs.add(fromArtifact("Web, link page", "WebFunction", webArtifact, benchClasses, resources, webEnv,
                    List.of(), web::linkPage, web.linkOk));
            String before = stringArg(args, "--web-before", null);
            if (before != null) {
                artifacts.put("WebFunction (before)", Path.of(before));
                programs.add(fromArtifact("Web before console, link", "WebFunction",
                        unzip(Path.of(before), work.resolve("web-before")), benchClasses, resources, webEnv, List.of(),
                        web::linkPage, web.linkOk));
            }
            Map<String, String> bareEnv = new LinkedHashMap<>(resources.environmentOf("AlarmIngestFunction"));
            bareEnv.putAll(aws);
            programs.add(0, new Program("hello world", null, List.of(benchClasses), HelloWorld.class.getName(),
                    List.of(), bareEnv, List.of(), null, out -> true));
            programs.add(1, new Program("bare SDK (PutItem + Publish)", null,
                    List.of(benchClasses, alarmLib.resolve("*").toString()), BareSdkProgram.class.getName(), List.of(),
                    bareEnv, List.of(), null, out -> out.contains("published")));

            String only = stringArg(args, "--only", null);
            if (only != null) {
                // The JVM's floor and the bare program always run: every ratio is to them.
                List<String> wanted = List.of(only.toLowerCase(Locale.ROOT).split(","));
                programs.removeIf(p -> p.mainClass().equals(FirebellProbe.class.getName())
                        && wanted.stream().noneMatch(w -> p.name().toLowerCase(Locale.ROOT).contains(w)));
            }
            List<String> chosen = List.of(stringArg(args, "--variants", "default,c1,appcds").split(","));
            List<Variant> variants = new ArrayList<>();
            if (chosen.contains("default")) {
                variants.add(new Variant("default JIT", List.of(), false));
            }
            if (chosen.contains("c1")) {
                variants.add(new Variant("-XX:TieredStopAtLevel=1", List.of("-XX:TieredStopAtLevel=1"), false));
            }
            if (chosen.contains("appcds")) {
                variants.add(new Variant("C1 + AppCDS", List.of("-XX:TieredStopAtLevel=1"), true));
            }

            String java = ProcessHandle.current().info().command().orElse("java");
            System.out.printf("Cold start, %d interleaved runs per program and variant, %s, %d cores%n", runs,
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors());
            for (Map.Entry<String, Path> a : artifacts.entrySet()) {
                System.out.printf("Artifact %-20s %s, %,d bytes (%.2f MB, %.2f MiB)%n", a.getKey(),
                        root.relativize(a.getValue()), Files.size(a.getValue()), Files.size(a.getValue()) / 1e6,
                        Files.size(a.getValue()) / 1048576.0);
            }
            System.out.println();
            requests(programs, aws, java, work, local);

            System.out.printf("%-24s %-32s %7s %7s %7s %6s %-17s %7s %8s   %s%n", "variant", "program", "p10 ms",
                    "p50 ms", "p90 ms", "/bare", "/bare by round", "/hello", "classes",
                    "p50 phases: JVM start / init (handler built) / first event");
            for (Variant variant : secondOnly ? List.<Variant>of() : variants) {
                local.emptyTable(alarmTable);
                new DynamoConfigStore(local.dynamoDb(), alarmTable, InstantSource.system(), Duration.ZERO)
                        .apply(config, "cold-start bench");
                Map<Program, List<Long>> times = new LinkedHashMap<>();
                Map<Program, List<long[]>> phases = new LinkedHashMap<>();
                Map<Program, Long> classes = new LinkedHashMap<>();
                Map<Program, List<String>> flags = new LinkedHashMap<>();
                for (Program p : programs) {
                    List<String> f = new ArrayList<>(variant.flags());
                    f.addAll(p.flags());
                    if (variant.appCds()) {
                        Path archive = work.resolve(p.name().replaceAll("\\W", "") + ".jsa");
                        Files.deleteIfExists(archive);
                        run(java, concat(f, List.of("-XX:ArchiveClassesAtExit=" + archive)), p, work, 0);
                        f.add("-XX:SharedArchiveFile=" + archive);
                    }
                    flags.put(p, f);
                    Path log = work.resolve("classes-" + variant.name().replaceAll("\\W", "") + "-"
                            + p.name().replaceAll("\\W", "") + ".log");
                    Files.deleteIfExists(log);
                    run(java, concat(f, List.of("-Xlog:class+load=info:file=" + log)), p, work, 0);
                    classes.put(p, byJar(log).values().stream().mapToLong(Long::longValue).sum());
                    times.put(p, new ArrayList<>());
                    phases.put(p, new ArrayList<>());
                }
                for (int round = 1; round <= runs; round++) {
                    for (Program p : programs) {
                        Run r = run(java, concat(flags.get(p), List.of("-Dprobe.launchedAt=" + System.currentTimeMillis())),
                                p, work, round);
                        times.get(p).add(r.millis());
                        Matcher m = PHASES.matcher(r.output());
                        if (m.find()) {
                            phases.get(p).add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                                    Long.parseLong(m.group(3))});
                        }
                    }
                }
                long helloP50 = percentile(times.get(programs.get(0)), 50);
                long bareP50 = percentile(times.get(programs.get(1)), 50);
                for (Program p : programs) {
                    long p50 = percentile(times.get(p), 50);
                    String split = "";
                    if (!phases.get(p).isEmpty()) {
                        split = String.format(Locale.ROOT, "%d / %d / %d", median(phases.get(p), 0),
                                median(phases.get(p), 1), median(phases.get(p), 2));
                    }
                    // Each round's time over the bare program's in the same round: its median (less moved by the
                    // machine's load changing during the run than the ratio of the medians) and its p10-p90.
                    List<Long> roundRatios = new ArrayList<>();
                    for (int i = 0; i < runs; i++) {
                        roundRatios.add(times.get(p).get(i) * 1000 / times.get(programs.get(1)).get(i));
                    }
                    System.out.printf("%-24s %-32s %7d %7d %7d %6s %-17s %7s %8d   %s%n", variant.name(), p.name(),
                            percentile(times.get(p), 10), p50, percentile(times.get(p), 90),
                            String.format(Locale.ROOT, "%.2f", (double) p50 / bareP50),
                            String.format(Locale.ROOT, "%.2f (%.2f-%.2f)", percentile(roundRatios, 50) / 1000.0,
                                    percentile(roundRatios, 10) / 1000.0, percentile(roundRatios, 90) / 1000.0),
                            String.format(Locale.ROOT, "%.2f", (double) p50 / helloP50), classes.get(p), split);
                }
                System.out.println();
            }
            if (!secondOnly) {
                for (Program p : programs) {
                    if (p.function() != null) {
                        classesBeyondBare(work, programs, p);
                    }
                }
            }
            secondEvents(java, work, programs);
        }
    }

    /** One traced run of each function through a {@link FaultProxy} that only counts: the AWS requests of a first event. */
    private static void requests(List<Program> programs, Map<String, String> aws, String java, Path work, LocalStack local)
            throws IOException, InterruptedException {
        try (FaultProxy proxy = FaultProxy.start(local.endpoint())) {
            for (Program p : programs) {
                if (p.function() == null && !p.mainClass().equals(BareSdkProgram.class.getName())) {
                    continue;
                }
                Map<String, String> env = new LinkedHashMap<>(p.env());
                env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
                proxy.resetCounts();
                run(java, p.flags(), new Program(p.name(), p.function(), p.classpath(), p.mainClass(), p.args(), env,
                        p.flags(), p.event(), p.ok()), work, 0);
                List<String> requests = proxy.requests();
                System.out.printf("AWS requests, %s (%d): %s%n", p.name(), requests.size(), String.join(", ", requests));
            }
        }
        System.out.println();
    }

    /**
     * The example configuration with grouping off and no maintenance windows: each run's alarm must open an incident
     * and page, as a cold start after a quiet spell does, not join the incident the previous run opened a second ago
     * (ADR 0040), nor be held by a window the wall clock happens to be in (the example's nightly one holds the probe's
     * service from 02:00 to 03:00 UTC). The probes run the deployed code, on the wall clock (ADR 0090).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> pagingAtAnyHour(Map<String, Object> document) {
        Map<String, Object> copy = new LinkedHashMap<>(document);
        copy.remove("maintenance");
        Map<String, Object> services = new LinkedHashMap<>((Map<String, Object>) copy.get("services"));
        services.replaceAll((name, service) -> {
            Map<String, Object> s = new LinkedHashMap<>((Map<String, Object>) service);
            s.put("groupingWindow", "0s");
            return s;
        });
        copy.put("services", services);
        return copy;
    }

    /**
     * The same event handled a second time in the same JVM (default JIT), classes loaded: how much of the first
     * event is the AWS round trips to the emulator rather than Firebell's or the SDK's first-time work.
     */
    private static void secondEvents(String java, Path work, List<Program> programs) throws IOException, InterruptedException {
        System.out.println();
        System.out.println("The same work again in the same JVM, classes loaded (5 runs, p50 ms):");
        System.out.printf("  %-30s %12s %12s%n", "program", "default JIT", "C1 only");
        for (Program p : programs) {
            if (p.function() == null && !p.mainClass().equals(BareSdkProgram.class.getName())) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (List<String> jit : List.of(List.<String>of(), List.of("-XX:TieredStopAtLevel=1"))) {
                List<Long> seconds = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    List<String> second = new ArrayList<>(List.of("-Dprobe.second=true"));
                    if (p.event() != null) {
                        Path again = work.resolve("event-second-" + p.name().replaceAll("\\W", "") + "-" + i + ".json");
                        Files.writeString(again, p.event().apply(200 + i));
                        second.add("-Dprobe.secondEvent=" + again);
                    }
                    Matcher m = Pattern.compile("probe-second (\\d+)").matcher(run(java,
                            concat(concat(jit, p.flags()), second), p, work, 100 + i).output());
                    if (m.find()) {
                        seconds.add(Long.parseLong(m.group(1)));
                    }
                }
                cells.add(String.valueOf(percentile(seconds, 50)));
            }
            System.out.printf("  %-30s %12s %12s%n", p.name(), cells.get(0), cells.get(1));
        }
    }

    /** Classes a function loads beyond the bare SDK program (the first variant run), by where they come from. */
    private static void classesBeyondBare(Path work, List<Program> programs, Program function) throws IOException {
        String variant = Files.exists(work.resolve("classes-defaultJIT-" + function.name().replaceAll("\\W", "") + ".log"))
                ? "defaultJIT" : "XXTieredStopAtLevel1";
        Map<String, Long> bare = byJar(work.resolve("classes-" + variant + "-" + programs.get(1).name().replaceAll("\\W", "") + ".log"));
        Map<String, Long> loaded = byJar(work.resolve("classes-" + variant + "-" + function.name().replaceAll("\\W", "") + ".log"));
        Map<String, Long> delta = new TreeMap<>();
        loaded.forEach((source, n) -> delta.put(source, n - bare.getOrDefault(source, 0L)));
        bare.forEach((source, n) -> delta.putIfAbsent(source, -n));
        System.out.printf("Classes %s loads beyond the bare SDK program (%+d), by source (%s):%n", function.name(),
                delta.values().stream().mapToLong(Long::longValue).sum(), variant);
        delta.entrySet().stream().filter(e -> e.getValue() != 0)
                .sorted((a, b) -> Long.compare(Math.abs(b.getValue()), Math.abs(a.getValue())))
                .limit(15).forEach(e -> System.out.printf("  %+6d  %s%n", e.getValue(), e.getKey()));
        System.out.println();
    }

    /**
     * A function's probe on its unpacked deployment zip. AppCDS (Java 17) accepts only jars on the class path, so the
     * zip's root classes are jarred: the same bytes Lambda loads from /var/task, and the same class path for every
     * variant.
     */
    private static Program fromArtifact(String name, String function, Path artifact, String benchClasses,
                                        LocalResources resources, Map<String, String> env, List<String> flags,
                                        IntFunction<String> event, Predicate<String> ok) throws IOException {
        Path classes = jar(artifact, artifact.resolveSibling(artifact.getFileName() + "-classes.jar"), "lib/", "");
        return new Program(name, function, List.of(benchClasses, classes.toString(),
                artifact.resolve("lib/*").toString()), FirebellProbe.class.getName(),
                List.of(resources.template().function(function).handlerClass()), env, flags, event, ok);
    }

    /** The same function initialised as SnapStart initialises it, with these probe flags. */
    private static Program snapStarted(Program p, String name, List<String> probeFlags) {
        Map<String, String> env = new LinkedHashMap<>(p.env());
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
        return new Program(name, null, p.classpath(), p.mainClass(), p.args(), env, concat(p.flags(), probeFlags),
                p.event(), p.ok());
    }

    /** Loaded classes by jar (file name), JDK module or CDS archive. */
    private static Map<String, Long> byJar(Path log) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<String> lines = Files.lines(log)) {
            lines.forEach(line -> {
                Matcher m = SOURCE.matcher(line);
                if (!m.find()) {
                    return;
                }
                String source = m.group(1);
                if (source.startsWith("jrt:/") || source.contains("shared objects file")) {
                    source = "JDK (" + (source.startsWith("jrt:/") ? source.substring(5) : "CDS archive") + ")";
                } else if (source.endsWith(".jar")) {
                    source = source.substring(source.lastIndexOf('/') + 1);
                } else {
                    // Lambdas, method handles and proxies, spun at run time by the class that uses them.
                    String owner = source.replace("__JVM_LookupDefineClass__", "JDK").replace("instance of ", "");
                    String[] parts = owner.split("\\.");
                    source = "generated at run time by " + (owner.startsWith("software.amazon.awssdk")
                            ? String.join(".", java.util.Arrays.copyOf(parts, Math.min(parts.length, 5))) + ".*"
                            : owner.startsWith("dev.firebell") ? "dev.firebell.*" : "the JDK and others");
                }
                out.merge(source, 1L, Long::sum);
            });
        }
        return out;
    }

    /** Wall time of one fresh JVM, start to exit; fails loudly if the program did not do its job. */
    private static Run run(String java, List<String> flags, Program p, Path work, int round)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(flags);
        command.addAll(List.of("-cp", String.join(":", p.classpath()), p.mainClass()));
        command.addAll(p.args());
        if (p.event() != null) {
            Path file = work.resolve("event-" + p.name().replaceAll("\\W", "") + "-" + round + ".json");
            Files.writeString(file, p.event().apply(round));
            command.add(file.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(p.env());
        long start = System.nanoTime();
        Process process = builder.start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(p.name() + " did not finish in 60 s");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (process.exitValue() != 0 || !p.ok().test(output)) {
            throw new IllegalStateException(p.name() + " failed (exit " + process.exitValue() + "):\n" + output);
        }
        return new Run(millis, output);
    }

    /** A first alarm for a new alarm name, so each run opens an incident and pages. */
    private static String firstAlarm(int round) {
        return alarmEvent("coldstart-" + round + "-" + System.nanoTime(), "ALARM", Instant.now().toString());
    }

    static String alarmEvent(String name, String state, String timestamp) {
        return "{\"version\":\"0\",\"id\":\"" + java.util.UUID.randomUUID() + "\",\"detail-type\":"
                + "\"CloudWatch Alarm State Change\",\"source\":\"aws.cloudwatch\",\"account\":\"123456789012\","
                + "\"time\":\"" + Instant.now() + "\",\"region\":\"eu-west-1\",\"resources\":"
                + "[\"arn:aws:cloudwatch:eu-west-1:123456789012:alarm:" + name + "\"],\"detail\":{\"alarmName\":\""
                + name + "\",\"state\":{\"value\":\"" + state + "\",\"reason\":\"Threshold Crossed\",\"timestamp\":\""
                + timestamp + "\"},\"previousState\":{\"value\":\"OK\",\"timestamp\":\"2026-01-01T00:00:00Z\"},"
                + "\"configuration\":{\"description\":null,\"metrics\":[{\"id\":\"m1\",\"metricStat\":{\"metric\":"
                + "{\"namespace\":\"AWS/SQS\",\"name\":\"ApproximateAgeOfOldestMessage\",\"dimensions\":"
                + "{\"QueueName\":\"orders\"}},\"period\":60,\"stat\":\"Maximum\"},\"returnData\":true}]}}}";
    }

    /**
     * A resolved incident for the postmortem runs: an OK, then the ALARM before it arriving late, as the alarm
     * function records it (resolved on arrival), handled in this JVM.
     */
    private static String resolvedIncident(LocalStack local, LocalResources resources) throws IOException {
        local.exportSdkSettings();
        AlarmIngestHandler alarms = new AlarmIngestHandler(new FunctionEnvironment(
                resources.environmentOf("AlarmIngestFunction")));
        String out = "";
        for (String[] change : List.of(new String[] {"OK", "2026-11-27T09:10:00.000Z"},
                new String[] {"ALARM", "2026-11-27T09:00:00.000Z"})) {
            byte[] event = alarmEvent("checkout-api-5xx-high", change[0], change[1]).getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            alarms.handleRequest(new ByteArrayInputStream(event), bytes,
                    new LocalLambdaContext("AlarmIngestFunction", 30, System.err));
            out = bytes.toString(StandardCharsets.UTF_8);
        }
        Matcher m = Pattern.compile("\"incidentId\":\"(\\d+)\"").matcher(out);
        if (!out.contains("OPENED_RECOVERED") || !m.find()) {
            throw new IllegalStateException("could not record a resolved incident: " + out);
        }
        return m.group(1);
    }

    /** An empty table with the same keys and indexes, for sweeps that find nothing due. */
    private static String copyTable(LocalStack local, String table, String name) {
        var description = local.dynamoDb().describeTable(r -> r.tableName(table)).table();
        local.dynamoDb().createTable(r -> r.tableName(name).keySchema(description.keySchema())
                .attributeDefinitions(description.attributeDefinitions())
                .billingMode(software.amazon.awssdk.services.dynamodb.model.BillingMode.PAY_PER_REQUEST)
                .globalSecondaryIndexes(description.globalSecondaryIndexes().stream().map(g ->
                        software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex.builder()
                                .indexName(g.indexName()).keySchema(g.keySchema()).projection(g.projection()).build())
                        .toList()));
        return name;
    }

    /** Jars a directory's files under {@code onlyPrefix}, skipping those under {@code skipPrefix}. */
    private static Path jar(Path dir, Path jar, String skipPrefix, String onlyPrefix) throws IOException {
        Files.deleteIfExists(jar);
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = dir.relativize(f).toString().replace('\\', '/');
                if (skipPrefix != null && name.startsWith(skipPrefix) || !name.startsWith(onlyPrefix)) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(name));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    /** Unpacks a function's deployment zip as Lambda does into /var/task (replacing an earlier copy). */
    public static Path unzip(Path zip, Path into) throws IOException {
        if (Files.exists(into)) {
            try (Stream<Path> old = Files.walk(into)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(into);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the target: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
        return into;
    }

    static long percentile(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static long median(List<long[]> phases, int which) {
        return percentile(phases.stream().map(a -> a[which]).toList(), 50);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
