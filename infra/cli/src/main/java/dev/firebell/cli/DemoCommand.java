package dev.firebell.cli;

import dev.firebell.aws.Json;
import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.aws.secrets.SecretsManagerLinkKeys;
import dev.firebell.aws.sns.PersonSubscriptions;
import dev.firebell.config.ConfigBinder;
import dev.firebell.config.FirebellConfig;
import dev.firebell.function.alarm.AlarmIngestHandler;
import dev.firebell.function.sms.SmsReplyHandler;
import dev.firebell.function.web.WebHandler;
import dev.firebell.link.LinkKeys;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.ShiftedClock;
import dev.firebell.oncall.OnCallService;
import dev.firebell.person.Contact;
import dev.firebell.person.Person;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The main job, on the local stack: real-shaped CloudWatch alarms, in all three delivery shapes and
 * in the order real accounts produce them (redelivered, out of order, flapping), go through the real
 * alarm function, which pages whoever is on call; an incident nobody acknowledges escalates to the next
 * level (the escalation function, run every minute) until a person acknowledges it. The sample alarms are
 * re-stamped to start now (or at {@code --at}) and replayed on one clock (see {@link DemoReplay}). Then the
 * incidents, their timelines, the pages as each person's subscription receives them, and the postmortem drafts.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Replay sample alarms through the real handler on a local stack and show what happened.")
final class DemoCommand implements Callable<Integer> {

    static final String ALARM_FUNCTION = "AlarmIngestFunction";
    static final String ESCALATION_FUNCTION = "EscalationFunction";

    static final List<DemoReplay.Step> SCENARIO = List.of(
            new DemoReplay.Step("01-checkout-alarm.eventbridge.json",
                    "checkout-api-5xx-high goes to ALARM (EventBridge): checkout's on-call is paged",
                    DemoReplay.Ack.PAGED_PERSON, Duration.ofSeconds(150), DemoReplay.From.EMAIL_LINK),
            new DemoReplay.Step("02-checkout-alarm-redelivered.sns.json",
                    "the same state change arrives again, through SNS: nobody is paged twice"),
            new DemoReplay.Step("03-checkout-stale-ok.eventbridge.json",
                    "the OK from before the alarm arrives late: it must not close the incident"),
            new DemoReplay.Step("04-checkout-alarm-again.alarm-action.json",
                    "the alarm fires again while the incident is open (Lambda alarm action): folded in"),
            new DemoReplay.Step("05-payments-composite.eventbridge.json",
                    "a composite payments alarm goes to ALARM: a second incident, paging payments' on-call",
                    DemoReplay.Ack.AFTER_ESCALATION, Duration.ofMinutes(1), DemoReplay.From.SMS_REPLY),
            new DemoReplay.Step("06-checkout-ok.eventbridge.json",
                    "checkout returns to OK: resolved automatically"),
            new DemoReplay.Step("07-checkout-flap.sns.json",
                    "7 minutes later it is back in ALARM (flapping): reopened, not paged again"),
            new DemoReplay.Step("08-checkout-ok.alarm-action.json",
                    "and OK again: resolved"));

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Mixin
    StackOptions stack;

    /** When the replay starts: the incident begins at the first whole minute from then. */
    @Mixin
    AtOption at;

    @Option(names = "--events", description = "Directory of the scenario's event files (default: infra/demo/events).")
    Path events;

    @Option(names = "--serve", description = "After the demo, serve the web console on its data at"
            + " http://127.0.0.1:<--web-port>/console (on the demo's clock) until Enter or Ctrl-C, with a sign-in link"
            + " printed.")
    boolean serve;

    @Option(names = "--web-port", defaultValue = "" + ServeCommand.DEFAULT_WEB_PORT, description = "With --serve: the"
            + " console's port on 127.0.0.1 (0: any free port). Default: ${DEFAULT-VALUE}.")
    int webPort;

    @Option(names = "--config", description = "Configuration to apply first (default: infra/config/firebell.example.yaml).")
    Path config;

    /** Counted down once the demo has closed its server and stack: a Ctrl-C during --serve waits for that. */
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        try {
            return run();
        } finally {
            closed.countDown();
        }
    }

    private Integer run() throws Exception {
        PrintStream out = System.out;
        Path root = stack.loadTemplate().path().orElseThrow().toAbsolutePath().getParent();
        Path eventDir = events != null ? events : root.resolve("infra/demo/events");
        Path configFile = config != null ? config : root.resolve("infra/config/firebell.example.yaml");
        Instant recorded = SampleEvents.deliveredAt(Files.readAllBytes(eventDir.resolve(SCENARIO.get(0).file())));

        out.println("== Firebell demo: CloudWatch alarm -> incident in DynamoDB -> whoever is on call, paged through SNS"
                + " -> escalation until someone acknowledges ==");
        // The stack runs where the sample alarms were recorded (account 123456789012, eu-west-1): their alarms are
        // Firebell's own, and the other account's alarm is named as such (docs/adr/0112).
        try (LocalStack local = stack.open(Region.EU_WEST_1)) {
            out.println(local.server().isPresent()
                    ? "Local stack: moto at " + local.endpoint() + " (127.0.0.1 only; stopped when the demo ends)"
                    : "Local stack: the emulator already running at " + local.endpoint());
            // Two-way SMS on (the topic End User Messaging would publish replies to), so that replies reach Firebell.
            LocalResources resources = stack.provision(local, Map.of("SmsInboundTopicArn", DemoAnswers.inboundTopic(local)));
            out.println("Created from template.yaml: " + String.join(", ", resources.created()));

            String table = resources.tableName("FirebellTable");
            String topic = resources.topicArn("PageTopic");
            YamlConfigLoader.Loaded loaded = new YamlConfigLoader().load(configFile);
            loaded.validate();
            FirebellConfig configured = new ConfigBinder().bind(loaded.document());
            DynamoConfigStore configStore = new DynamoConfigStore(local.dynamoDb(), table, InstantSource.system(),
                    Duration.ZERO);
            ConfigApplier.Changes applied = new ConfigApplier(configStore, new PersonSubscriptions(local.sns(), topic))
                    .apply(loaded.document(), "firebell demo");
            out.println("Applied " + root.relativize(configFile.toAbsolutePath()) + ": " + applied.config().size()
                    + " items (" + configured.onCall().people().size() + " people, " + configured.onCall().rotations().size()
                    + " rotations, " + configured.onCall().schedules().size() + " schedule, "
                    + configured.escalationPolicies().size() + " escalation policies) and "
                    + applied.subscriptions().size() + " SNS subscriptions for the people's SMS numbers and mailboxes"
                    + " (filter policy {\"target\": [\"person:<id>\"]}; the emulator accepts them but delivers nowhere)");

            // Each person's phone, for the demo: an SQS queue with the same filter policy as their subscriptions.
            Map<String, String> inboxes = new LinkedHashMap<>();
            for (String person : configured.onCall().people().keySet().stream().sorted().toList()) {
                inboxes.put(Person.pageTarget(person), PageInbox.subscribe(local, topic, Person.pageTarget(person)));
            }
            for (String team : List.of("team-checkout", "team-payments")) {
                inboxes.put(team, PageInbox.subscribe(local, topic, team));
            }
            out.println("Each person's phone is an SQS queue here, subscribed with their filter policy: "
                    + String.join(", ", inboxes.keySet()));

            // The demo's clock: now (or --at) once the stack is ready, moved from moment to moment by the replay.
            ShiftedClock clock = at.runningClock();
            Duration shift = SampleEvents.shiftToStartAt(recorded, clock.instant());
            FunctionRunner runner = new FunctionRunner(resources, out);
            // The stack's public endpoint on 127.0.0.1: the links in pages lead there (every page is composed after this).
            runner.handler(DemoAnswers.WEB_FUNCTION, environment -> new WebHandler(environment, clock));
            runner.handler(DemoAnswers.SMS_FUNCTION, environment -> new SmsReplyHandler(environment, clock));
            // Its access log is left out: the demo prints each request and its answer where it happens.
            FunctionUrlServer web = FunctionUrlServer.start(runner, DemoAnswers.WEB_FUNCTION, 0,
                    new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
            Set<String> incidents;
            LocalComponent paging;
            try (web) {
                resources.serveFunctionUrl(DemoAnswers.WEB_FUNCTION, web.url());
                out.println("The web function (the links in pages) serves " + web.url() + " as its Function URL would;"
                        + " replies to SMS pages reach the SMS reply function through the two-way SMS topic");
                // The real handlers, built on the demo's clock instead of the wall clock.
                runner.handler(ALARM_FUNCTION, environment -> new AlarmIngestHandler(DaggerLocalComponent.builder()
                        .environment(environment).clock(clock).build().alarmService()));
                paging = DaggerLocalComponent.builder()
                        .environment(runner.environmentOf(ESCALATION_FUNCTION)).clock(clock).build();

                out.println();
                out.println("== Who is on call now (" + IncidentPrinter.time(clock.instant()) + ") ==");
                for (String service : List.of("checkout", "payments")) {
                    for (OnCallService.Answer a : paging.onCall().whoIsOnCall(service, clock.instant())) {
                        out.printf("  %-9s %s: %s%n", service, a.source(),
                                OnCallCommand.describe(a.now(), ZoneOffset.UTC) + (a.next() != null && a.next().person() != null ? "; next " + a.next().person() : ""));
                    }
                }

                out.println();
                out.println("== The incident as it unfolds (UTC; the escalation function runs every minute, as its"
                        + " schedule would: the runs that do something are shown) ==");
                out.println("(The sample alarms were recorded from " + MINUTE.format(recorded) + "; every time in them"
                        + " is moved to start at " + MINUTE.format(recorded.plus(shift)) + ", same order and spacing."
                        + " Firebell orders alarms by their state timestamps, never by arrival; on-call, escalation and maintenance"
                        + " run on the demo's clock, which started " + (at.given() ? "at --at " + at.at : "now") + ".)");
                Map<String, String> numbers = new LinkedHashMap<>();
                configured.onCall().people().forEach((id, person) -> person.contacts().stream()
                        .filter(c -> c.protocol() == Contact.Protocol.SMS).findFirst()
                        .ifPresent(c -> numbers.put(id, c.endpoint())));
                DemoAnswers answers = new DemoAnswers(local, resources, runner, out);
                incidents = new DemoReplay(clock, shift, eventDir, runner, paging, answers, numbers, out)
                        .run(SCENARIO);
                incidents.addAll(MemberAccountDemo.run(clock, eventDir, runner, paging, answers, numbers, out));
            }

            IncidentPrinter printer = IncidentPrinter.forStack(local, resources, out);
            out.println();
            out.println("== Incidents ==");
            for (String id : incidents) {
                printer.print(id);
            }

            out.println();
            out.println("== Pages, as each person's phone (an SQS queue subscribed to the topic) received them ==");
            for (Map.Entry<String, String> inbox : inboxes.entrySet()) {
                List<Message> received = PageInbox.drain(local, inbox.getValue());
                if (received.isEmpty()) {
                    continue;
                }
                out.printf("%n%s: %d page%s%n", inbox.getKey(), received.size(), received.size() == 1 ? "" : "s");
                for (Message m : received) {
                    out.println(PageInbox.describe(m));
                }
            }
            HeartbeatDemo.run(paging, runner, clock, out);
            PostmortemDemo.run(local, resources, runner, out);
            AnnouncementDemo.run(local, resources, clock, paging, out);
            out.println();
            out.println("Done. Replay your own alarms with: ./firebell invoke " + ALARM_FUNCTION + " <event.json>;"
                    + " ask who is on call with: ./firebell oncall who payments --config " + root.relativize(configFile.toAbsolutePath()));
            if (serve) {
                // The link is for whoever acknowledged the first incident: the on-call person of the week the demo ran in.
                String person = incidents.stream().findFirst().flatMap(id -> paging.store().incident(id))
                        .map(i -> i.acknowledgedBy()).filter(configured.onCall().people()::containsKey)
                        .orElse(configured.onCall().people().keySet().stream().sorted().findFirst().orElseThrow());
                serveConsole(local, resources, runner, configStore, clock, person, out);
            }
        }
        return 0;
    }

    /**
     * The console on the demo's incidents, pages and drafts, until Enter or Ctrl-C: the web function (on the demo's
     * clock, which runs on from where the replay left it) served again on 127.0.0.1, and a sign-in link for
     * {@code person}.
     */
    private void serveConsole(LocalStack local, LocalResources resources, FunctionRunner runner,
                              DynamoConfigStore configStore, ShiftedClock clock, String person, PrintStream out)
            throws IOException, InterruptedException {
        try (FunctionUrlServer console = FunctionUrlServer.start(runner, DemoAnswers.WEB_FUNCTION, webPort,
                new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))) {
            URI base = ConsoleLinkCommand.localBase(console.url());
            resources.serveFunctionUrl(DemoAnswers.WEB_FUNCTION, base);
            LinkKeys keys = new SecretsManagerLinkKeys(local.secretsManager(),
                    resources.environmentOf(DemoAnswers.WEB_FUNCTION).get("LINK_KEY_SECRET_ARN"), clock);
            out.println();
            out.println("== The web console on the demo's data ==");
            out.println("Sign in as " + person + " (the link works once, for 15 minutes):");
            out.println("  " + ConsoleLinkCommand.link(configStore.current(), keys, base.toString(), person, clock).url());
            out.println("Another link: ./firebell console-link <person> --endpoint " + local.endpoint()
                    + (console.url().getPort() == ServeCommand.DEFAULT_WEB_PORT ? "" : " --base-url " + base)
                    + "  (the demo's clock runs ahead of yours: links from that command are made on your clock)");
            out.println("Press Enter (or Ctrl-C) to stop.");
            CountDownLatch stopped = new CountDownLatch(1);
            // Ctrl-C: the demo goes on to close the server and stop the emulator, and the JVM waits for it to finish.
            Thread hook = new Thread(() -> {
                stopped.countDown();
                try {
                    closed.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "firebell-demo-serve-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            // Enter: a line on standard input. At its end (run with no terminal) only Ctrl-C stops the console.
            Thread keyboard = new Thread(() -> {
                try {
                    if (new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8))
                            .readLine() != null) {
                        stopped.countDown();
                    }
                } catch (IOException e) {
                    // no keyboard: Ctrl-C it is
                }
            }, "firebell-demo-serve-enter");
            keyboard.setDaemon(true);
            keyboard.start();
            stopped.await();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and waits for this to finish
            }
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> incidentIds(String handlerOutput) throws java.io.IOException {
        List<String> ids = new ArrayList<>();
        Object outcomes = Json.readObject(handlerOutput).get("outcomes");
        if (outcomes instanceof List<?> list) {
            for (Object o : list) {
                Object id = ((Map<String, Object>) o).get("incidentId");
                if (id != null) {
                    ids.add(String.valueOf(id));
                }
            }
        }
        return ids;
    }
}
