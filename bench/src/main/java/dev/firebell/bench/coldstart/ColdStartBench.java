package dev.firebell.bench.coldstart;

import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.cli.YamlConfigLoader;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.SamTemplate;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Cold-start proxy. For each JVM variant, runs three programs in fresh JVMs, interleaved round by
 * round so machine noise hits all of them alike:
 * <ol>
 *   <li>hello world (the JVM's own floor),</li>
 *   <li>a bare SDK program making the same two AWS calls an alarm needs at minimum,</li>
 *   <li>Firebell's alarm function loaded from its real deployment zip, constructing its handler (Dagger
 *       graph, SDK clients) and handling a first alarm end to end: incident written, page published.</li>
 * </ol>
 * All against the local stack. Prints p50/p90 wall time, the ratios, classes loaded and artifact sizes.
 *
 * <p>Run (after {@code mvn -B package -DskipTests}):
 * {@code java -cp 'bench/target/classes:bench/target/lib/*' dev.firebell.bench.coldstart.ColdStartBench --runs 15}
 */
public final class ColdStartBench {

    private static final String FUNCTION = "AlarmIngestFunction";

    record Program(String name, List<String> classpath, String mainClass, List<String> args) {
    }

    record Variant(String name, List<String> flags, boolean appCds) {
    }

    private ColdStartBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = intArg(args, "--runs", 15);
        Path root = SamTemplate.locate().toAbsolutePath().getParent();
        Path work = Files.createDirectories(root.resolve("bench/target/coldstart"));
        Path zip = root.resolve("functions/alarm-ingest/target/alarm-ingest.zip");
        if (!Files.exists(zip)) {
            throw new IllegalStateException(zip + " is missing: run mvn -B package -DskipTests first");
        }
        Path artifact = unzip(zip, work.resolve("alarm-ingest"));
        // AppCDS (Java 17) accepts only jars on the class path, so the zip's root classes and the probes
        // are jarred: the same bytes Lambda loads from /var/task, and the same class path for every variant.
        Path functionJar = jar(artifact, work.resolve("alarm-ingest-classes.jar"), "lib/");
        String benchClasses = jar(root.resolve("bench/target/classes"), work.resolve("probes.jar"), null).toString();

        try (LocalStack local = LocalStack.start()) {
            LocalResources resources = local.provision(SamTemplate.load(root.resolve("template.yaml")));
            new DynamoConfigStore(local.dynamoDb(), resources.tableName("FirebellTable"), InstantSource.system(),
                    Duration.ZERO).apply(new YamlConfigLoader().load(root.resolve("infra/config/firebell.example.yaml"))
                    .document(), "cold-start bench");

            Map<String, String> env = new LinkedHashMap<>(resources.environmentOf(FUNCTION));
            env.put("AWS_REGION", local.region().id());
            env.put("AWS_ACCESS_KEY_ID", "test");
            env.put("AWS_SECRET_ACCESS_KEY", "test");
            env.put("AWS_ENDPOINT_URL", local.endpoint().toString());
            env.put("AWS_LAMBDA_FUNCTION_NAME", "AlarmIngestFunction"); // as in Lambda: credentials from the environment

            List<String> functionClasspath = List.of(functionJar.toString(), artifact.resolve("lib/*").toString());
            String handler = resources.template().function(FUNCTION).handlerClass();
            List<Program> programs = List.of(
                    new Program("hello world", List.of(benchClasses), HelloWorld.class.getName(), List.of()),
                    new Program("bare SDK (PutItem + Publish)", concat(List.of(benchClasses), List.of(artifact.resolve("lib/*").toString())),
                            BareSdkProgram.class.getName(), List.of()),
                    new Program("Firebell alarm function", concat(List.of(benchClasses), functionClasspath),
                            FirebellProbe.class.getName(), List.of(handler)));
            List<Variant> variants = List.of(
                    new Variant("default JIT", List.of(), false),
                    new Variant("-XX:TieredStopAtLevel=1", List.of("-XX:TieredStopAtLevel=1"), false),
                    new Variant("C1 + AppCDS", List.of("-XX:TieredStopAtLevel=1"), true));

            String java = ProcessHandle.current().info().command().orElse("java");
            System.out.printf("Cold start, %d interleaved runs per program and variant, %s, %s%n", runs,
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors() + " cores");
            System.out.printf("Artifact: %s, %.2f MiB%n%n", root.relativize(zip), Files.size(zip) / 1048576.0);
            System.out.printf("%-26s %-30s %8s %8s %9s %9s %8s%n", "variant", "program", "p50 ms", "p90 ms",
                    "/bare", "/hello", "classes");
            for (Variant variant : variants) {
                Map<Program, List<Long>> times = new LinkedHashMap<>();
                Map<Program, Long> classes = new LinkedHashMap<>();
                Map<Program, List<String>> flags = new LinkedHashMap<>();
                for (Program p : programs) {
                    List<String> f = new ArrayList<>(variant.flags());
                    if (variant.appCds()) {
                        Path archive = work.resolve(p.mainClass() + ".jsa");
                        Files.deleteIfExists(archive);
                        run(java, concat(f, List.of("-XX:ArchiveClassesAtExit=" + archive)), p, env, work, 0);
                        f.add("-XX:SharedArchiveFile=" + archive);
                    }
                    flags.put(p, f);
                    classes.put(p, countClasses(java, f, p, env, work));
                    times.put(p, new ArrayList<>());
                }
                for (int round = 1; round <= runs; round++) {
                    for (Program p : programs) {
                        times.get(p).add(run(java, flags.get(p), p, env, work, round));
                    }
                }
                long helloP50 = percentile(times.get(programs.get(0)), 50);
                long bareP50 = percentile(times.get(programs.get(1)), 50);
                for (Program p : programs) {
                    long p50 = percentile(times.get(p), 50);
                    System.out.printf("%-26s %-30s %8d %8d %9s %9s %8d%n", variant.name(), p.name(), p50,
                            percentile(times.get(p), 90), String.format(Locale.ROOT, "%.2f", (double) p50 / bareP50),
                            String.format(Locale.ROOT, "%.2f", (double) p50 / helloP50), classes.get(p));
                }
                System.out.println();
            }
        }
    }

    /** Wall time of one fresh JVM, start to exit; fails loudly if the program did not do its job. */
    private static long run(String java, List<String> flags, Program p, Map<String, String> env, Path work, int round)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(flags);
        command.addAll(List.of("-cp", String.join(":", p.classpath()), p.mainClass()));
        command.addAll(p.args());
        if (p.mainClass().equals(FirebellProbe.class.getName())) {
            command.add(writeEvent(work, round).toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
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
        boolean ok = process.exitValue() == 0 && (!p.mainClass().equals(FirebellProbe.class.getName())
                || (output.contains("\"OPENED\"") && output.contains("\"pagesSent\":1")));
        if (!ok) {
            throw new IllegalStateException(p.name() + " failed (exit " + process.exitValue() + "):\n" + output);
        }
        return millis;
    }

    private static long countClasses(String java, List<String> flags, Program p, Map<String, String> env, Path work)
            throws IOException, InterruptedException {
        Path log = work.resolve("classes-" + p.mainClass() + ".log");
        Files.deleteIfExists(log);
        run(java, concat(flags, List.of("-Xlog:class+load=info:file=" + log)), p, env, work, 0);
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.contains("source:")).count();
        }
    }

    /** A first alarm for a new alarm name, so each run opens an incident and pages. */
    private static Path writeEvent(Path work, int round) throws IOException {
        String name = "coldstart-" + round + "-" + System.nanoTime();
        String event = "{\"version\":\"0\",\"id\":\"" + java.util.UUID.randomUUID() + "\",\"detail-type\":"
                + "\"CloudWatch Alarm State Change\",\"source\":\"aws.cloudwatch\",\"account\":\"123456789012\","
                + "\"time\":\"" + Instant.now() + "\",\"region\":\"eu-west-1\",\"resources\":"
                + "[\"arn:aws:cloudwatch:eu-west-1:123456789012:alarm:" + name + "\"],\"detail\":{\"alarmName\":\""
                + name + "\",\"state\":{\"value\":\"ALARM\",\"reason\":\"Threshold Crossed\",\"timestamp\":\""
                + Instant.now() + "\"},\"previousState\":{\"value\":\"OK\",\"timestamp\":\"2026-01-01T00:00:00Z\"},"
                + "\"configuration\":{\"description\":null,\"metrics\":[{\"id\":\"m1\",\"metricStat\":{\"metric\":"
                + "{\"namespace\":\"AWS/SQS\",\"name\":\"ApproximateAgeOfOldestMessage\",\"dimensions\":"
                + "{\"QueueName\":\"orders\"}},\"period\":60,\"stat\":\"Maximum\"},\"returnData\":true}]}}}";
        Path file = work.resolve("event-" + round + ".json");
        Files.writeString(file, event);
        return file;
    }

    /** Jars a directory's files (skipping entries under {@code skipPrefix}). */
    private static Path jar(Path dir, Path jar, String skipPrefix) throws IOException {
        Files.deleteIfExists(jar);
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = dir.relativize(f).toString().replace('\\', '/');
                if (skipPrefix != null && name.startsWith(skipPrefix)) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(name));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Path unzip(Path zip, Path into) throws IOException {
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

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
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
