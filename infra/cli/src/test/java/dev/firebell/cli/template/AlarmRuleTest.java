package dev.firebell.cli.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.alarm.OwnAlarms;
import dev.firebell.aws.Json;
import dev.firebell.local.EventFilter;
import dev.firebell.local.LocalResources;
import dev.firebell.local.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The alarm function's EventBridge rule, evaluated as EventBridge would for each stack, its parameters and names filled
 * in: it takes the alarms its AlarmScope selects (the demo's real-shaped events, renamed) and never the alarm of any
 * Firebell stack, its own or another's, which go to their ops topic only (docs/adr/0064, docs/adr/0093).
 */
class AlarmRuleTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load(ProjectFiles.template());

    @Test
    void everyAlarmOfTheTemplate_shouldBeNamedFirebellThenTheStack() {
        LocalResources stack = stack("firebell-prod", Map.of());

        List<String> own = ownAlarmNames(stack);

        assertThat(own).hasSizeGreaterThan(20)
                .allSatisfy(name -> assertThat(name).startsWith(OwnAlarms.NAME_PREFIX + "firebell-prod/"));
    }

    @Test
    void ruleWithDefaultScope_shouldTakeTheAccountsAlarms_andNoFirebellStacksOwn() throws IOException {
        // GIVEN two stacks in one account: the rule of one, and the own alarms of both
        LocalResources prod = stack("firebell-prod", Map.of());
        LocalResources staging = stack("firebell-staging", Map.of());
        EventFilter rule = EventFilter.forEventBridgeRule(prod, "AlarmIngestFunction", "AlarmStateChange");
        List<Map<String, Object>> demo = demoEvents();
        assertThat(demo).isNotEmpty();

        // THEN every demo alarm passes
        assertThat(demo).allSatisfy(event -> assertThat(rule.matches(event)).as("%s", alarmName(event)).isTrue());

        // AND the same event for any alarm of either Firebell stack does not
        for (String name : Stream.concat(ownAlarmNames(prod).stream(), ownAlarmNames(staging).stream()).toList()) {
            assertThat(rule.matches(withAlarmName(demo.get(0), prod, name)))
                    .as("the rule takes Firebell's own alarm %s", name).isFalse();
        }
        // AND the rule's pattern names the reserved prefix itself, which the alarm function's code checks too
        assertThat(Json.write(TemplateData.at(TEMPLATE.function("AlarmIngestFunction").events().get("AlarmStateChange"),
                "Properties", "Pattern", "detail").orElseThrow())).contains("\"" + OwnAlarms.NAME_PREFIX + "\"");
    }

    @ParameterizedTest(name = "AlarmScope={0} AlarmNamePrefix={1}: {2} {3} {4} {5}")
    @CsvSource({
            "all,           '',       true,  true,  false, false",
            "prefix,        staging-, false, true,  false, false",
            "except-prefix, staging-, true,  false, false, false",
            "none,          '',       false, false, false, false",
    })
    void scope_shouldSelectTheAlarmsOfTheAccount_andNeverFirebellsOwn(
            String scope, String prefix, boolean takesCheckout, boolean takesStagingCheckout, boolean takesOwn,
            boolean takesOthersOwn) throws IOException {
        LocalResources stack = stack("firebell-staging", Map.of("AlarmScope", scope, "AlarmNamePrefix", prefix));
        EventFilter rule = EventFilter.forEventBridgeRule(stack, "AlarmIngestFunction", "AlarmStateChange");
        Map<String, Object> event = demoEvents().get(0);

        assertThat(rule.matches(withAlarmName(event, stack, "checkout-api-5xx-high"))).isEqualTo(takesCheckout);
        assertThat(rule.matches(withAlarmName(event, stack, "staging-checkout-api-5xx-high")))
                .isEqualTo(takesStagingCheckout);
        assertThat(rule.matches(withAlarmName(event, stack, "Firebell/firebell-staging/alarm-ingest-errors")))
                .isEqualTo(takesOwn);
        assertThat(rule.matches(withAlarmName(event, stack, "Firebell/firebell-prod/alarm-ingest-errors")))
                .isEqualTo(takesOthersOwn);
    }

    @ParameterizedTest
    @CsvSource({"prefix", "except-prefix"})
    void prefixScopes_withoutAPrefix_shouldBeRefused_asTheTemplatesRuleSays(String scope) {
        assertThatThrownBy(() -> stack("firebell-staging", Map.of("AlarmScope", scope)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the parameters break rule PrefixScopesNameTheirPrefix of template.yaml: AlarmScope 'prefix'"
                        + " and 'except-prefix' need an AlarmNamePrefix, e.g. staging-");
    }

    private static LocalResources stack(String name, Map<String, String> parameters) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.put("AlertEmail", "ops@example.com");
        return LocalResources.unprovisioned(TEMPLATE, name, all);
    }

    private static List<String> ownAlarmNames(LocalResources stack) {
        return TEMPLATE.resources().values().stream()
                .filter(resource -> resource.type().equals(TemplateOperations.ALARM))
                .map(resource -> stack.resolveString(resource.properties().get("AlarmName")))
                .toList();
    }

    static List<Map<String, Object>> demoEvents() throws IOException {
        Path events = ProjectFiles.root().resolve("infra/demo/events");
        try (Stream<Path> files = Files.list(events)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".eventbridge.json")).sorted()
                    .map(file -> {
                        try {
                            return Json.readObject(Files.readString(file));
                        } catch (IOException e) {
                            throw new IllegalStateException(file + ": " + e, e);
                        }
                    }).toList();
        }
    }

    @SuppressWarnings("unchecked")
    private static Object alarmName(Map<String, Object> event) {
        return ((Map<String, Object>) event.get("detail")).get("alarmName");
    }

    /**
     * The event as CloudWatch would send it to the stack's account and region for another alarm: the name in the detail
     * and at the end of the alarm's ARN.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withAlarmName(Map<String, Object> event, LocalResources stack, String name) {
        Map<String, Object> copy = new LinkedHashMap<>(event);
        Map<String, Object> detail = new LinkedHashMap<>((Map<String, Object>) event.get("detail"));
        detail.put("alarmName", name);
        copy.put("detail", detail);
        copy.put("account", stack.accountId());
        copy.put("region", stack.region());
        copy.put("resources", List.of("arn:aws:cloudwatch:" + stack.region() + ":" + stack.accountId() + ":alarm:"
                + name));
        return copy;
    }
}
