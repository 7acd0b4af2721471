package dev.firebell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.Json;
import dev.firebell.local.EventFilter;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.SamTemplate;
import dev.firebell.local.junit.LocalStackTest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The first deploy's rehearsal of two stacks in one account (docs/deploy.md): template.yaml provisioned twice into one
 * emulator, under two stack names, and real-shaped alarm events sent to each stack's real alarm handler whenever that
 * stack's EventBridge rule, as deployed with its parameters, would deliver them.
 */
@LocalStackTest
class TwoStacksInOneAccountTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final Path ALARM_EVENT = Path.of("../demo/events/01-checkout-alarm.eventbridge.json");

    private final LocalStack local;
    private final SamTemplate template;

    TwoStacksInOneAccountTest(LocalStack local, LocalResources defaultStack) {
        this.local = local;
        this.template = defaultStack.template();
    }

    @Test
    void theReadmesStackAndThePipelinesProdStack_bothProd_shouldFitInOneAccount() {
        // WHEN the README's stack and the pipeline's are created in one account, both with Stage prod
        LocalResources readme = local.provision(template, "firebell", parameters("prod", Map.of()));
        LocalResources pipeline = local.provision(template, "firebell-prod", parameters("prod", Map.of()));

        // THEN both exist side by side: each its own table, topics, key aliases and log groups
        assertThat(readme.tableName("FirebellTable")).isEqualTo("firebell-FirebellTable");
        assertThat(pipeline.tableName("FirebellTable")).isEqualTo("firebell-prod-FirebellTable");
        List<String> aliases = local.kms().listAliasesPaginator(b -> { }).aliases().stream()
                .map(alias -> alias.aliasName()).toList();
        assertThat(aliases).contains("alias/firebell/firebell/data", "alias/firebell/firebell-prod/data",
                "alias/firebell/firebell/ops-alerts", "alias/firebell/firebell-prod/ops-alerts");
        List<String> groups = local.logs().describeLogGroups(b -> b.logGroupNamePrefix("/firebell/firebell")).logGroups()
                .stream().map(group -> group.logGroupName()).toList();
        assertThat(groups).contains("/firebell/firebell/alarm-ingest", "/firebell/firebell-prod/alarm-ingest");
    }

    @Test
    void stagingAndProd_shouldEachTakeTheirOwnApplicationsAlarms_andNeitherAnyFirebellAlarm() throws IOException {
        // GIVEN prod taking every alarm but staging's, and staging taking only staging's (docs/deploy.md)
        Stack prod = new Stack(local.provision(template, "firebell-prod",
                parameters("prod", Map.of("AlarmScope", "except-prefix", "AlarmNamePrefix", "staging-"))));
        Stack staging = new Stack(local.provision(template, "firebell-staging",
                parameters("staging", Map.of("AlarmScope", "prefix", "AlarmNamePrefix", "staging-"))));
        List<String> ownAlarms = new ArrayList<>(prod.ownAlarmNames());
        ownAlarms.addAll(staging.ownAlarmNames());
        assertThat(ownAlarms).hasSizeGreaterThan(40).allSatisfy(name -> assertThat(name).startsWith("Firebell/"));

        // WHEN the account's alarms change state: an application's, a staging application's, and each of Firebell's own
        List<String> alarms = new ArrayList<>(List.of("checkout-api-5xx-high", "staging-checkout-api-5xx-high"));
        alarms.addAll(ownAlarms);
        for (String alarm : alarms) {
            prod.receive(alarm);
            staging.receive(alarm);
        }

        // THEN each application alarm opened exactly one incident, in the stack meant to take it, and no stack took any
        // Firebell alarm: its own health alarms reach its ops topic only
        assertThat(prod.taken).containsExactly("checkout-api-5xx-high");
        assertThat(staging.taken).containsExactly("staging-checkout-api-5xx-high");
        assertThat(prod.incidentTitles()).singleElement().asString().contains("checkout-api-5xx-high")
                .doesNotContain("staging-");
        assertThat(staging.incidentTitles()).singleElement().asString().contains("staging-checkout-api-5xx-high");
    }

    @Test
    void aFirebellAlarmSentByAnAlarmAction_shouldOpenNothing_inAnyStack() throws IOException {
        // GIVEN a stack whose rule takes nothing: only alarm actions pointed at it reach it
        Stack quiet = new Stack(local.provision(template, "firebell-quiet",
                parameters("staging", Map.of("AlarmScope", "none"))));
        quiet.receive("checkout-api-5xx-high");
        assertThat(quiet.taken).isEmpty();

        // WHEN an alarm action delivers an application alarm and another stack's own alarm straight to its function
        String application = quiet.invokeDirectly("checkout-api-5xx-high");
        String firebells = quiet.invokeDirectly("Firebell/firebell-prod/alarm-ingest-errors");

        // THEN the application alarm is an incident, the Firebell alarm is turned away and nothing is written for it
        assertThat(application).contains("\"outcome\":\"OPENED\"");
        assertThat(firebells).contains("\"outcome\":\"IGNORED\"").contains("a Firebell stack's own alarm");
        assertThat(quiet.incidentTitles()).singleElement().asString().contains("checkout-api-5xx-high");
    }

    private static Map<String, String> parameters(String stage, Map<String, String> more) {
        Map<String, String> parameters = new LinkedHashMap<>(more);
        parameters.put("Stage", stage);
        parameters.put("AlertEmail", "ops@example.com");
        return parameters;
    }

    /** One stack: its rule, as deployed with its parameters, and its real alarm handler on its own resources. */
    private final class Stack {

        final LocalResources resources;
        final EventFilter rule;
        final FunctionRunner runner;
        final List<String> taken = new ArrayList<>();

        Stack(LocalResources resources) {
            this.resources = resources;
            this.rule = EventFilter.forEventBridgeRule(resources, "AlarmIngestFunction", "AlarmStateChange");
            this.runner = new FunctionRunner(resources, QUIET);
        }

        List<String> ownAlarmNames() {
            return template.resources().values().stream()
                    .filter(resource -> resource.type().equals("AWS::CloudWatch::Alarm"))
                    .map(resource -> resources.resolveString(resource.properties().get("AlarmName"))).toList();
        }

        /** The alarm's state change on the account's default bus: handled if, and only if, this stack's rule takes it. */
        void receive(String alarmName) throws IOException {
            Map<String, Object> event = event(alarmName);
            if (rule.matches(event)) {
                String output = runner.invoke("AlarmIngestFunction", Json.write(event).getBytes(StandardCharsets.UTF_8));
                assertThat(output).as(alarmName).contains("\"outcome\":\"OPENED\"");
                taken.add(alarmName);
            }
        }

        /** As an alarm action invokes the function: the same event, whatever the rule says. */
        String invokeDirectly(String alarmName) throws IOException {
            return runner.invoke("AlarmIngestFunction", Json.write(event(alarmName)).getBytes(StandardCharsets.UTF_8));
        }

        /** The demo's real-shaped event, for this alarm in this stack's account and region. */
        @SuppressWarnings("unchecked")
        Map<String, Object> event(String alarmName) throws IOException {
            Map<String, Object> event = new LinkedHashMap<>(Json.readObject(Files.readString(ALARM_EVENT)));
            Map<String, Object> detail = new LinkedHashMap<>((Map<String, Object>) event.get("detail"));
            detail.put("alarmName", alarmName);
            event.put("detail", detail);
            event.put("account", resources.accountId());
            event.put("region", resources.region());
            event.put("resources", List.of("arn:aws:cloudwatch:" + resources.region() + ":" + resources.accountId()
                    + ":alarm:" + alarmName));
            return event;
        }

        /** The titles of the incidents in this stack's table. */
        List<String> incidentTitles() {
            List<String> titles = new ArrayList<>();
            local.dynamoDb().scanPaginator(b -> b.tableName(resources.tableName("FirebellTable"))).items()
                    .forEach(item -> {
                        AttributeValue type = item.get("type");
                        if (type != null && "incident".equals(type.s())) {
                            titles.add(String.valueOf(item.get("title").s()));
                        }
                    });
            return titles;
        }
    }
}
