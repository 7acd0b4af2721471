package dev.firebell.cli;

import dev.firebell.aws.Json;
import dev.firebell.aws.dynamodb.ConfigChange;
import dev.firebell.aws.dynamodb.DynamoIncidentStore;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The main job, on the local stack: real-shaped CloudWatch alarms, in all three delivery shapes and
 * in the order real accounts produce them (redelivered, out of order, flapping), go through the real
 * alarm function; then the incidents, their timelines and the pages as subscribers receive them.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Replay sample alarms through the real handler on a local stack and show what happened.")
final class DemoCommand implements Callable<Integer> {

    private static final String ALARM_FUNCTION = "AlarmIngestFunction";

    /** One scenario step: the event file and what it shows. */
    record Step(String file, String caption) {
    }

    static final List<Step> SCENARIO = List.of(
            new Step("01-checkout-alarm.eventbridge.json",
                    "checkout-api-5xx-high goes to ALARM (EventBridge)"),
            new Step("02-checkout-alarm-redelivered.sns.json",
                    "the same state change arrives again, through SNS: nobody is paged twice"),
            new Step("03-checkout-stale-ok.eventbridge.json",
                    "the OK from before the alarm arrives late: it must not close the incident"),
            new Step("04-checkout-alarm-again.alarm-action.json",
                    "the alarm fires again while the incident is open (Lambda alarm action): folded in"),
            new Step("05-payments-composite.eventbridge.json",
                    "a composite payments alarm goes to ALARM: a second incident, another team"),
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

        out.println("== Firebell demo: CloudWatch alarm -> incident in DynamoDB -> page through SNS ==");
        out.println("(The sample events carry the times they were recorded at. Firebell orders alarms by those"
                + " state timestamps, never by arrival.)");
        try (LocalStack local = stack.open()) {
            out.println(local.server().isPresent()
                    ? "Local stack: moto at " + local.endpoint() + " (127.0.0.1 only; stopped when the demo ends)"
                    : "Local stack: the emulator already running at " + local.endpoint());
            LocalResources resources = stack.provision(local);
            out.println("Created from template.yaml: " + String.join(", ", resources.created()));

            String table = resources.tableName("FirebellTable");
            String topic = resources.topicArn("PageTopic");
            Map<String, String> inboxes = new java.util.LinkedHashMap<>();
            for (String target : List.of("team-checkout", "team-payments")) {
                inboxes.put(target, PageInbox.subscribe(local, topic, target));
            }
            out.println("Subscribed two SQS queues to the page topic, filter policy {\"target\": [<team>]}: "
                    + String.join(", ", inboxes.keySet()));

            List<ConfigChange> changes = StackOptions.applyConfig(local, resources, configFile, "firebell demo");
            out.println("Applied " + root.relativize(configFile.toAbsolutePath()) + ": " + changes);

            FunctionRunner runner = new FunctionRunner(resources, out);
            Set<String> incidents = new LinkedHashSet<>();
            int step = 1;
            for (Step s : SCENARIO) {
                out.println();
                out.printf("%d. %s%n   event: %s%n", step++, s.caption(), s.file());
                String result = runner.invoke(ALARM_FUNCTION, Files.readAllBytes(eventDir.resolve(s.file())));
                incidents.addAll(incidentIds(result));
            }

            DynamoIncidentStore store = new DynamoIncidentStore(local.dynamoDb(), table, InstantSource.system());
            IncidentPrinter printer = new IncidentPrinter(store, out);
            out.println();
            out.println("== Incidents ==");
            for (String id : incidents) {
                printer.print(id);
            }

            out.println();
            out.println("== Pages, as the subscribed SQS queues received them ==");
            for (Map.Entry<String, String> inbox : inboxes.entrySet()) {
                List<Message> received = PageInbox.drain(local, inbox.getValue());
                out.printf("%n%s queue: %d page%s%n", inbox.getKey(), received.size(), received.size() == 1 ? "" : "s");
                for (Message m : received) {
                    out.println(PageInbox.describe(m));
                }
            }
            PostmortemDemo.run(local, resources, runner, out);
            out.println();
            out.println("Done. Replay your own alarms with: ./firebell invoke " + ALARM_FUNCTION + " <event.json>");
        }
        return 0;
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
