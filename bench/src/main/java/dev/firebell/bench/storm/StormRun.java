package dev.firebell.bench.storm;

import dev.firebell.aws.Json;
import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.function.alarm.AlarmIngestHandler;
import dev.firebell.function.escalation.EscalationHandler;
import dev.firebell.local.LocalLambdaContext;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.SamTemplate;
import dev.firebell.local.ShiftedClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * One run of a storm against a fresh local stack: the configuration applied, the deliveries handed to the workers
 * (each its own {@link AlarmIngestHandler}, as separate Lambda environments), the escalation function run every
 * minute as its schedule would (during the storm on the wall clock; afterwards for 20 more minutes on a clock moved
 * minute by minute, nobody acknowledging), then the stored data and the pages the page topic delivered to an SQS
 * queue, read back for the checks.
 */
final class StormRun {

    static final String ALARMS = "alarm";
    static final String SWEEP = "sweep";
    static final String IDLE_SWEEP = "idle sweep";
    static final int AFTER_STORM_MINUTES = 20;
    private static final int ATTEMPTS = 3; // Lambda's asynchronous invocation: the first try and two retries

    /** What one delivery did: the handler's outcome for its state change, and how long the invocation took. */
    record Handled(int delivery, String outcome, String incidentId, String detail, long nanos, long cpuNanos,
                   int attempts, String error) {
    }

    /** A page as the SQS subscriber received it. */
    record ReceivedPage(String incidentId, String target, String eventType, String pageId, String service) {
    }

    record Result(boolean grouping, StormGenerator.Storm storm, List<Handled> handled, long wallNanos,
                  Map<String, Map<String, RequestMeter.Tally>> requests, Map<String, double[]> writesByItem,
                  Map<String, Long> failures,
                  List<ReceivedPage> pages, List<Long> sweepNanos, long idleSweepNanos, StormChecks.Stored stored) {
    }

    private final Path root;
    private final StormGenerator.Storm storm;
    private final int workers;

    StormRun(Path root, StormGenerator.Storm storm, int workers) {
        this.root = root;
        this.storm = storm;
        this.workers = workers;
    }

    Result run(boolean grouping) throws Exception {
        try (LocalStack local = LocalStack.start()) {
            local.exportSdkSettings();
            LocalResources resources = local.provision(SamTemplate.load(root.resolve("template.yaml")));
            String table = resources.tableName("FirebellTable");
            new DynamoConfigStore(local.dynamoDb(), table, InstantSource.system(), Duration.ZERO)
                    .apply(StormConfig.document(storm, grouping), "storm bench");
            String inbox = subscribeInbox(local, resources.topicArn("PageTopic"));
            RequestMeter.reset();

            // Lambda environments are initialised before they take events; their cold start is measured elsewhere.
            List<AlarmIngestHandler> handlers = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                handlers.add(new AlarmIngestHandler(new FunctionEnvironment(resources.environmentOf("AlarmIngestFunction"))));
            }
            ShiftedClock sweepClock = ShiftedClock.real();
            SweepComponent sweepGraph = DaggerSweepComponent.builder()
                    .environment(new FunctionEnvironment(resources.environmentOf("EscalationFunction")))
                    .clock(sweepClock).build();
            EscalationHandler sweeper = new EscalationHandler(sweepGraph.escalationEngine(), sweepGraph.pageDispatcher(),
                    sweepClock, sweepClock::advance);

            Handled[] handled = new Handled[storm.deliveries().size()];
            List<Long> sweepNanos = new ArrayList<>();
            AtomicBoolean stormOver = new AtomicBoolean(false);
            Thread schedule = new Thread(() -> {
                RequestMeter.phase(SWEEP);
                try {
                    while (!stormOver.get()) {
                        // EventBridge Scheduler's rate(1 minute), during the storm.
                        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                        while (!stormOver.get() && System.nanoTime() < until) {
                            Thread.sleep(200);
                        }
                        if (!stormOver.get()) {
                            synchronized (sweepNanos) {
                                sweepNanos.add(sweep(sweeper));
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    RequestMeter.phase(null);
                }
            }, "schedule");

            AtomicInteger next = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                AlarmIngestHandler handler = handlers.get(w);
                running.add(pool.submit(() -> {
                    RequestMeter.phase(ALARMS);
                    try {
                        start.await();
                        for (int i; (i = next.getAndIncrement()) < handled.length; ) {
                            handled[i] = deliver(handler, i);
                            if ((i + 1) % Math.max(1, handled.length / 10) == 0) {
                                System.err.printf("  grouping %s: %,d of %,d deliveries handled%n",
                                        grouping ? "on" : "off", i + 1, handled.length);
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        RequestMeter.phase(null);
                    }
                    return null;
                }));
            }
            long began = System.nanoTime();
            schedule.start();
            start.countDown();
            for (var f : running) {
                f.get();
            }
            long wall = System.nanoTime() - began;
            stormOver.set(true);
            schedule.join();
            pool.shutdown();

            // After the storm: the schedule keeps firing every minute and nobody acknowledges.
            RequestMeter.phase(SWEEP);
            Instant over = sweepClock.instant();
            for (int minute = 1; minute <= AFTER_STORM_MINUTES; minute++) {
                sweepClock.advanceTo(over.plus(Duration.ofMinutes(minute)));
                sweepNanos.add(sweep(sweeper));
            }
            // What the schedule costs when there is nothing to do (most minutes of most days).
            RequestMeter.phase(IDLE_SWEEP);
            sweepClock.advanceTo(over.plus(Duration.ofMinutes(AFTER_STORM_MINUTES + 60)));
            sweep(sweeper);
            long idle = sweep(sweeper);
            RequestMeter.phase(null);

            Map<String, Map<String, RequestMeter.Tally>> requests = RequestMeter.snapshot();
            Map<String, double[]> byItem = RequestMeter.writesByItem();
            Map<String, Long> failures = RequestMeter.failures();
            List<ReceivedPage> pages = drain(local, inbox);
            StormChecks.Stored stored = StormChecks.read(local.dynamoDb(), table, storm);
            return new Result(grouping, storm, List.of(handled), wall, requests, byItem, failures, pages, sweepNanos, idle,
                    stored);
        }
    }

    /** One delivery as Lambda makes it: a failed invocation is retried twice, then the event would go to the DLQ. */
    private Handled deliver(AlarmIngestHandler handler, int index) {
        byte[] payload = storm.deliveries().get(index).payload();
        long nanos = 0;
        long cpu = 0;
        String error = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long t0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            try {
                handler.handleRequest(new ByteArrayInputStream(payload), out,
                        new LocalLambdaContext("AlarmIngestFunction", 30, QUIET));
                nanos += System.nanoTime() - t0;
                cpu += THREADS.getCurrentThreadCpuTime() - c0;
                Map<String, Object> outcome = firstOutcome(out.toString(StandardCharsets.UTF_8));
                return new Handled(index, (String) outcome.get("outcome"), (String) outcome.get("incidentId"),
                        (String) outcome.get("detail"), nanos, cpu, attempt, null);
            } catch (Exception e) {
                nanos += System.nanoTime() - t0;
                cpu += THREADS.getCurrentThreadCpuTime() - c0;
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (Boolean.getBoolean("storm.debug")) {
                    System.err.println("delivery " + index + " attempt " + attempt + ": " + error);
                }
            }
        }
        return new Handled(index, null, null, null, nanos, cpu, ATTEMPTS, error);
    }

    private static long sweep(EscalationHandler sweeper) {
        long t0 = System.nanoTime();
        try {
            // 16 s left: the handler does not wait for work due later (MARGIN is 15 s); the next minute's run takes it.
            sweeper.handleRequest(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)),
                    OutputStream.nullOutputStream(), new LocalLambdaContext("EscalationFunction", 16, QUIET));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return System.nanoTime() - t0;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstOutcome(String output) throws IOException {
        List<Object> outcomes = (List<Object>) Json.readObject(output).get("outcomes");
        return (Map<String, Object>) outcomes.get(0);
    }

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    /** CPU time of the handler's own thread: our code, without the emulator or waiting for a core. */
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    // ------------------------------------------------------------------ pages as a subscriber sees them

    private static String subscribeInbox(LocalStack local, String topicArn) {
        return local.subscribeQueue(topicArn, "storm-pages", null);
    }

    @SuppressWarnings("unchecked")
    private static List<ReceivedPage> drain(LocalStack local, String url) throws IOException {
        List<ReceivedPage> pages = new ArrayList<>();
        while (true) {
            List<Message> batch = local.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages();
            if (batch.isEmpty()) {
                return pages;
            }
            for (Message m : batch) {
                Map<String, Object> envelope = Json.readObject(m.body());
                Map<String, String> attributes = new LinkedHashMap<>();
                ((Map<String, Object>) envelope.getOrDefault("MessageAttributes", Map.of())).forEach((k, v) ->
                        attributes.put(k, String.valueOf(((Map<String, Object>) v).get("Value"))));
                Map<String, Object> document = Json.readObject(String.valueOf(envelope.get("Message")));
                pages.add(new ReceivedPage(attributes.get("incident_id"), attributes.get("target"),
                        attributes.get("event_type"), String.valueOf(document.get("pageId")), attributes.get("service")));
                local.sqs().deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
    }
}
