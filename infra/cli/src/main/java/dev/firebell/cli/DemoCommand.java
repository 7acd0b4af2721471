package dev.firebell.cli;

import dev.firebell.aws.Json;
import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.aws.dynamodb.DynamoIncidentStore;
import dev.firebell.aws.sns.PersonSubscriptions;
import dev.firebell.config.ConfigBinder;
import dev.firebell.config.FirebellConfig;
import dev.firebell.function.escalation.EscalationHandler;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentCommands;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.oncall.OnCallService;
import dev.firebell.paging.Page;
import dev.firebell.person.Person;
import dev.firebell.timeline.TimelineEntry;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The main job, on the local stack: real-shaped CloudWatch alarms, in all three delivery shapes and
 * in the order real accounts produce them (redelivered, out of order, flapping), go through the real
 * alarm function, which pages whoever is on call; an incident nobody acknowledges escalates to the next
 * level (the escalation function, on a clock moved ahead) until a person acknowledges it. Then the
 * incidents, their timelines and the pages as each person's subscription receives them.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Replay sample alarms through the real handler on a local stack and show what happened.")
final class DemoCommand implements Callable<Integer> {

    private static final String ALARM_FUNCTION = "AlarmIngestFunction";
    private static final String ESCALATION_FUNCTION = "EscalationFunction";

    /** One scenario step: the event file and what it shows. */
    record Step(String file, String caption) {
    }

    static final List<Step> SCENARIO = List.of(
            new Step("01-checkout-alarm.eventbridge.json",
                    "checkout-api-5xx-high goes to ALARM (EventBridge): checkout's on-call is paged"),
            new Step("02-checkout-alarm-redelivered.sns.json",
                    "the same state change arrives again, through SNS: nobody is paged twice"),
            new Step("03-checkout-stale-ok.eventbridge.json",
                    "the OK from before the alarm arrives late: it must not close the incident"),
            new Step("04-checkout-alarm-again.alarm-action.json",
                    "the alarm fires again while the incident is open (Lambda alarm action): folded in"),
            new Step("05-payments-composite.eventbridge.json",
                    "a composite payments alarm goes to ALARM: a second incident, paging payments' on-call"),
            new Step("06-checkout-ok.eventbridge.json",
                    "checkout returns to OK: resolved automatically"),
            new Step("07-checkout-flap.sns.json",
                    "7 minutes later it is back in ALARM (flapping): reopened, not paged again"),
            new Step("08-checkout-ok.alarm-action.json",
                    "and OK again: resolved"));

    @Mixin
    StackOptions stack;

    @Option(names = "--events", description = "Directory of the scenario's event files (default: infra/demo/events).")
    Path events;

    @Option(names = "--config", description = "Configuration to apply first (default: infra/config/firebell.example.yaml).")
    Path config;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Path root = stack.loadTemplate().path().orElseThrow().toAbsolutePath().getParent();
        Path eventDir = events != null ? events : root.resolve("infra/demo/events");
        Path configFile = config != null ? config : root.resolve("infra/config/firebell.example.yaml");

        out.println("== Firebell demo: CloudWatch alarm -> incident in DynamoDB -> whoever is on call, paged through SNS"
                + " -> escalation until someone acknowledges ==");
        out.println("(The sample events carry the times they were recorded at. Firebell orders alarms by those"
                + " state timestamps, never by arrival; on-call and escalation run on the clock.)");
        try (LocalStack local = stack.open()) {
            out.println(local.server().isPresent()
                    ? "Local stack: moto at " + local.endpoint() + " (127.0.0.1 only; stopped when the demo ends)"
                    : "Local stack: the emulator already running at " + local.endpoint());
            LocalResources resources = stack.provision(local);
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

            FunctionRunner runner = new FunctionRunner(resources, out);
            // The demo's clock: now, until the demo moves it ahead to let escalations fall due.
            AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);
            InstantSource demoClock = () -> Instant.now().plus(ahead.get());
            LocalComponent paging = DaggerLocalComponent.builder()
                    .environment(runner.environmentOf(ESCALATION_FUNCTION)).clock(demoClock).build();

            out.println();
            out.println("== Who is on call now ==");
            for (String service : List.of("checkout", "payments")) {
                for (OnCallService.Answer a : paging.onCall().whoIsOnCall(service, demoClock.instant())) {
                    out.printf("  %-9s %s: %s%n", service, a.source(), OnCallCommand.describe(a.now(), ZoneOffset.UTC)
                            + (a.next() != null && a.next().person() != null ? "; next " + a.next().person() : ""));
                }
            }

            Set<String> incidents = new LinkedHashSet<>();
            int step = 1;
            for (Step s : SCENARIO) {
                out.println();
                out.printf("%d. %s%n   event: %s%n", step++, s.caption(), s.file());
                String result = runner.invoke(ALARM_FUNCTION, Files.readAllBytes(eventDir.resolve(s.file())));
                incidents.addAll(incidentIds(result));
            }

            DynamoIncidentStore store = paging.store();
            String unacknowledged = incidents.stream()
                    .filter(id -> store.incident(id).map(i -> i.status() == IncidentStatus.TRIGGERED).orElse(false))
                    .findFirst().orElseThrow(() -> new IllegalStateException("the scenario left no incident triggered"));
            Incident waiting = store.incident(unacknowledged).orElseThrow();
            out.println();
            out.println("== Escalation: nobody acknowledges " + waiting.service() + " incident #" + unacknowledged + " ==");
            out.println("The demo's clock now jumps ahead; the escalation function runs as its one-minute schedule would.");
            EscalationHandler sweep = new EscalationHandler(paging.escalationEngine(), paging.pageDispatcher(), demoClock,
                    d -> ahead.set(ahead.get().plus(d)));
            Duration levelOne = Duration.between(waiting.openedAt(), store.escalation(unacknowledged).orElseThrow().nextAt());
            for (Duration at : List.of(levelOne.minusSeconds(90), levelOne.plusSeconds(1))) {
                ahead.set(at);
                out.printf("%n  +%s: escalation run%n", minutes(at));
                out.println("    -> " + runner.invokeHandler(ESCALATION_FUNCTION, sweep));
            }
            printLastEntries(store, unacknowledged, out, 2);

            ahead.set(levelOne.plusSeconds(60));
            Incident paged = store.incident(unacknowledged).orElseThrow();
            String who = paged.status() == IncidentStatus.TRIGGERED ? lastPagedPerson(store, unacknowledged) : "someone";
            IncidentCommands.Outcome ack = paging.incidentCommands().acknowledge(unacknowledged, who);
            out.printf("%n  +%s: %s acknowledges (IncidentCommands.acknowledge, as chat will): %s%n", minutes(ahead.get()),
                    who, ack.message());
            ahead.set(levelOne.plus(Duration.ofMinutes(30)));
            out.printf("%n  +%s: escalation run (acknowledged: nobody else is paged)%n", minutes(ahead.get()));
            out.println("    -> " + runner.invokeHandler(ESCALATION_FUNCTION, sweep));

            IncidentPrinter printer = new IncidentPrinter(store, out);
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
            PostmortemDemo.run(local, resources, runner, out);
            out.println();
            out.println("Done. Replay your own alarms with: ./firebell invoke " + ALARM_FUNCTION + " <event.json>;"
                    + " ask who is on call with: ./firebell oncall who payments --config " + root.relativize(configFile.toAbsolutePath()));
        }
        return 0;
    }

    private static void printLastEntries(DynamoIncidentStore store, String id, PrintStream out, int count) {
        List<TimelineEntry> timeline = store.timeline(id);
        for (TimelineEntry e : timeline.subList(Math.max(0, timeline.size() - count), timeline.size())) {
            out.printf("    %s  %-20s %s%n", IncidentPrinter.time(e.at()), e.type(), e.summary());
        }
    }

    private static String lastPagedPerson(DynamoIncidentStore store, String id) {
        List<Page> pages = store.pages(id);
        for (int i = pages.size() - 1; i >= 0; i--) {
            String person = Person.idOfTarget(pages.get(i).target());
            if (person != null) {
                return person;
            }
        }
        return "someone";
    }

    private static String minutes(Duration d) {
        long s = d.toSeconds();
        return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
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
