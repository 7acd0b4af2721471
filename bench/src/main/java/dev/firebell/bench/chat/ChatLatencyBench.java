package dev.firebell.bench.chat;

import static dev.firebell.bench.chat.SlackCommands.ALICE;
import static dev.firebell.bench.chat.SlackCommands.BOB;
import static dev.firebell.bench.chat.SlackCommands.SECRET;
import static dev.firebell.bench.chat.SlackCommands.TEAM;
import static dev.firebell.bench.chat.SlackCommands.event;

import dev.firebell.aws.Json;
import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.bench.BenchClock;
import dev.firebell.bench.coldstart.ColdStartBench;
import dev.firebell.bench.coldstart.FirebellProbe;
import dev.firebell.chat.slack.SlackEndpoint;
import dev.firebell.cli.YamlConfigLoader;
import dev.firebell.function.chat.ChatHandler;
import dev.firebell.function.chat.ChatJobs;
import dev.firebell.function.chat.ChatOverrides;
import dev.firebell.local.LocalLambdaContext;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.SamTemplate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * How much of Slack's 3-second budget the chat function uses. Against the local stack (moto on this machine):
 * <ol>
 *   <li><b>warm</b>: the real handler, built once as Lambda keeps it, handles signed Function URL events for every
 *       command, {@code --iterations} times each after {@code --warm-up} calls, each command on a fresh table;
 *       p50, p99 and max of the handler call (signing the request is the client's work and is outside the
 *       timing), and the AWS calls each command makes ({@link CallCounter}): locally they cost the emulator's
 *       time, in AWS a network round trip each;</li>
 *   <li><b>cold</b> ({@code --cold N}): N fresh JVMs with the function's deployment zip as class path construct the
 *       handler with Lambda's no-arg constructor and answer a first {@code list}: JVM start, class loading, Dagger
 *       graph, SDK clients, the Secrets Manager read of the signing secret and the DynamoDB query, end to end.</li>
 * </ol>
 * Changing commands alternate (ack/unack, resolve/reopen, SEV1/SEV2, ...) so each call really writes. The function
 * is wired as deployed, on infra/config/firebell.example.yaml (people, rotations, escalation policies).
 *
 * <p>{@code --iterations 0} skips the warm part. Run (after {@code mvn -B package -DskipTests}):
 * {@code java -cp 'bench/target/classes:bench/target/lib/*' dev.firebell.bench.chat.ChatLatencyBench --iterations 200 --cold 10}
 */
public final class ChatLatencyBench {

    private static final String FUNCTION = "ChatFunction";
    /** Calls between table resets (see the loop). */
    private static final int RESET_EVERY = 25;

    private ChatLatencyBench() {
    }

    /** A command; {@code event} builds the call to time (and may do untimed preparation, as the second halves do). */
    record Case(String name, IntFunction<byte[]> event) {
    }

    public static void main(String[] args) throws Exception {
        int iterations = intArg(args, "--iterations", 300);
        int cold = intArg(args, "--cold", 0);
        int warmUp = intArg(args, "--warm-up", 100);
        Path root = SamTemplate.locate().toAbsolutePath().getParent();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (LocalStack local = LocalStack.start()) {
            local.exportSdkSettings();
            LocalResources resources = local.provision(SamTemplate.load(root.resolve("template.yaml")),
                    Map.of("SlackTeamIds", TEAM));
            String table = resources.tableName("FirebellTable");
            // moto keeps every stream record of the table and copies them in each transaction, so with the stream
            // on (the postmortem function reads it) a change gets slower with every change before it: that would
            // time the emulator. DynamoDB writes stream records asynchronously, off the request path.
            withoutStream(local, table);
            DynamoConfigStore config = new DynamoConfigStore(local.dynamoDb(), table, InstantSource.system(), Duration.ZERO);
            Map<String, Object> example = new YamlConfigLoader().load(root.resolve("infra/config/firebell.example.yaml"))
                    .document();
            String secretName = resources.environmentOf(FUNCTION).get("SLACK_SIGNING_SECRET_NAME");
            local.secretsManager().createSecret(r -> r.name(secretName).secretString(SECRET));
            // Deferred halves arrive as the SNS event of the chat jobs topic, as deployed (ADR 34).
            String jobTopic = resources.environmentOf(FUNCTION).get("CHAT_JOB_TOPIC_ARN");

            List<SlackEndpoint.DeferredCommand> deferred = new ArrayList<>();
            // The production wiring (people, rotations, escalation from the example configuration), except that
            // deferred commands are run by this harness and their answers dropped instead of posted to Slack, and
            // commands run at the bench's time (requests are signed and checked with the wall clock's).
            ChatHandler handler = new ChatHandler(new FunctionEnvironment(resources.environmentOf(FUNCTION)),
                    ChatOverrides.none().deferrals(deferred::add).responses((url, message) -> { })
                            .clock(BenchClock.start()));

            List<Case> cases = List.of(
                    new Case("help", i -> event(BOB, "help")),
                    new Case("status 2", i -> event(BOB, "status 2")),
                    new Case("list", i -> event(BOB, "list")),
                    new Case("list mine", i -> event(ALICE, "list mine")),
                    new Case("list <service>", i -> event(BOB, "list checkout")),
                    new Case("ack / unack", i -> event(BOB, (i % 2 == 0 ? "ack" : "unack") + " 1")),
                    new Case("resolve / reopen", i -> event(ALICE, i % 2 == 0 ? "resolve 1 rolled back" : "reopen 1")),
                    new Case("severity", i -> event(ALICE, "severity 1 SEV" + (1 + i % 2))),
                    new Case("commander", i -> event(ALICE, "commander 1 <@" + (i % 2 == 0 ? BOB : ALICE).chatUserId() + ">")),
                    new Case("role", i -> event(ALICE, "role 1 scribe <@" + (i % 2 == 0 ? BOB : ALICE).chatUserId() + ">")),
                    new Case("note", i -> event(ALICE, "note 1 benchmark note " + i)),
                    new Case("escalate: answer", i -> event(ALICE, "escalate 1")),
                    new Case("escalate: deferred half", i -> {
                        CallCounter.pause(true);
                        try {
                            call(handler, event(ALICE, "escalate 1"), quiet);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        } finally {
                            CallCounter.pause(false);
                        }
                        return ChatJobs.snsEvent(jobTopic, deferred.remove(deferred.size() - 1));
                    }),
                    new Case("oncall <service>", i -> event(BOB, "oncall checkout")),
                    new Case("oncall (all)", i -> event(BOB, "oncall")),
                    new Case("override", i -> event(ALICE, "override checkout-primary <@" + BOB.chatUserId() + "> 4h")),
                    new Case("maintenance", i -> event(ALICE, "maintenance checkout 30m upgrade")),
                    new Case("postmortem (open: refused)", i -> event(ALICE, "postmortem 1")),
                    new Case("declare: answer", i -> event(ALICE, "declare SEV4 Bench incident " + i + " checkout")),
                    new Case("declare: deferred half", i -> ChatJobs.snsEvent(jobTopic, deferred.remove(0))),
                    new Case("error: unknown command", i -> event(ALICE, "acknowledge 1")),
                    new Case("refused: bad signature", i -> badlySigned(event(ALICE, "ack 1"))));

            System.out.printf("Chat function, warm handler latency per command: %d calls each after %d warm-up calls,"
                    + " the table reset to two open incidents every %d calls; local stack (moto)%n", iterations, warmUp, RESET_EVERY);
            System.out.printf("%s, %d cores%n%n", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("%-26s %8s %8s %8s   %s%n", "command", "p50 ms", "p99 ms", "max ms", "AWS calls per command");
            for (Case c : iterations == 0 ? List.<Case>of() : cases) {
                boolean jobs = c.name().equals("declare: deferred half");
                if (jobs) {
                    for (int i = 0; i < warmUp + iterations; i++) {
                        call(handler, event(ALICE, "declare SEV4 Bench incident " + i + " checkout"), quiet);
                    }
                }
                List<Long> nanos = new ArrayList<>(iterations);
                for (int i = 0; i < warmUp + iterations; i++) {
                    if (i % RESET_EVERY == 0) {
                        // A fresh, small table every few calls: moto copies the whole table in every transaction, so
                        // a table grown by the calls before would time the emulator, not the function.
                        CallCounter.pause(true);
                        local.emptyTable(table);
                        config.apply(example, "chat bench");
                        List<SlackEndpoint.DeferredCommand> pending = new ArrayList<>(deferred);
                        deferred.clear();
                        call(handler, event(ALICE, "declare SEV2 Checkout is failing checkout"), quiet);
                        call(handler, ChatJobs.snsEvent(jobTopic, deferred.remove(0)), quiet);
                        call(handler, event(ALICE, "declare SEV3 Payments are slow payments"), quiet);
                        call(handler, ChatJobs.snsEvent(jobTopic, deferred.remove(0)), quiet);
                        deferred.addAll(pending);
                        CallCounter.pause(false);
                    }
                    byte[] event = c.event().apply(i);
                    if (i == warmUp) {
                        CallCounter.reset();
                    }
                    long start = System.nanoTime();
                    String out = call(handler, event, quiet);
                    long took = System.nanoTime() - start;
                    check(c.name(), out);
                    if (i >= warmUp) {
                        nanos.add(took);
                    }
                }
                deferred.clear();
                System.out.printf(Locale.ROOT, "%-26s %8.1f %8.1f %8.1f   %s%n", c.name(), ms(percentile(nanos, 50)),
                        ms(percentile(nanos, 99)), ms(percentile(nanos, 100)), CallCounter.perCommand(iterations));
            }
            if (cold > 0) {
                cold(root, local, resources, cold);
            }
        }
    }

    /** Fresh JVMs on the deployment zip's class path: construct the handler and answer a first list. */
    private static void cold(Path root, LocalStack local, LocalResources resources, int runs) throws Exception {
        Path zip = root.resolve("functions/chat/target/chat.zip");
        if (!Files.exists(zip)) {
            throw new IllegalStateException(zip + " is missing: run mvn -B package -DskipTests first");
        }
        Path work = Files.createDirectories(root.resolve("bench/target/chat-cold"));
        Path artifact = ColdStartBench.unzip(zip, work.resolve("chat"));
        Map<String, String> env = new LinkedHashMap<>(resources.environmentOf(FUNCTION));
        env.put("AWS_REGION", local.region().id());
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_ENDPOINT_URL", local.endpoint().toString());
        env.put("AWS_LAMBDA_FUNCTION_NAME", "firebell-bench-chat");
        String classpath = String.join(":", root.resolve("bench/target/classes").toString(), artifact.toString(),
                artifact.resolve("lib/*").toString());
        String java = ProcessHandle.current().info().command().orElse("java");
        System.out.printf("%nCold start: a fresh JVM per run, class path = %s (%.1f MiB), first request 'list'%n",
                root.relativize(zip), Files.size(zip) / 1048576.0);
        System.out.printf("%-26s %8s %8s %8s%n", "JVM flags", "p50 ms", "p90 ms", "max ms");
        for (List<String> flags : List.of(List.<String>of(), List.of("-XX:TieredStopAtLevel=1"))) {
            List<Long> times = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                Path event = work.resolve("event-" + run + ".json");
                Files.write(event, event(BOB, "list"));
                List<String> command = new ArrayList<>(List.of(java));
                command.addAll(flags);
                command.addAll(List.of("-cp", classpath, FirebellProbe.class.getName(), ChatHandler.class.getName(),
                        event.toString()));
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
                builder.environment().putAll(env);
                long start = System.nanoTime();
                Process process = builder.start();
                String output;
                try (InputStream in = process.getInputStream()) {
                    output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0
                        || !output.contains("\"statusCode\":200") || !output.contains("Open incidents")) {
                    throw new IllegalStateException("cold run failed:\n" + output);
                }
                times.add(System.nanoTime() - start);
            }
            System.out.printf(Locale.ROOT, "%-26s %8.0f %8.0f %8.0f%n", flags.isEmpty() ? "default" : String.join(" ", flags),
                    ms(percentile(times, 50)), ms(percentile(times, 90)), ms(percentile(times, 100)));
        }
    }

    /** The table again, the same keys and indexes but no stream (moto cannot turn a stream off). */
    private static void withoutStream(LocalStack local, String table) {
        var dynamo = local.dynamoDb();
        var t = dynamo.describeTable(r -> r.tableName(table)).table();
        dynamo.deleteTable(r -> r.tableName(table));
        dynamo.createTable(r -> r.tableName(table).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(t.attributeDefinitions()).keySchema(t.keySchema())
                .globalSecondaryIndexes(t.globalSecondaryIndexes().stream().map(g -> software.amazon.awssdk.services
                        .dynamodb.model.GlobalSecondaryIndex.builder().indexName(g.indexName()).keySchema(g.keySchema())
                        .projection(g.projection()).build()).toList()));
    }

    private static String call(ChatHandler handler, byte[] event, PrintStream log) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, new LocalLambdaContext(FUNCTION, 15, log));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Every case must do what it says, or its timing means nothing. */
    private static void check(String name, String out) throws Exception {
        if (name.endsWith("deferred half")) {
            if (!out.equals("{}")) {
                throw new IllegalStateException(name + ": " + out);
            }
            return;
        }
        Map<String, Object> response = Json.readObject(out);
        int status = ((Number) response.get("statusCode")).intValue();
        String body = String.valueOf(response.get("body"));
        boolean expectWarning = name.startsWith("error") || name.startsWith("postmortem");
        boolean ok = name.startsWith("refused") ? status == 401
                : status == 200 && (expectWarning == body.contains(":warning:"));
        if (!ok) {
            throw new IllegalStateException(name + " did not do its job: " + out);
        }
    }

    private static byte[] badlySigned(byte[] event) {
        return new String(event, StandardCharsets.UTF_8).replace("\"v0=", "\"v0=0").getBytes(StandardCharsets.UTF_8);
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
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
