package dev.firebell.cli.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.Json;
import dev.firebell.local.EventFilter;
import dev.firebell.local.LocalResources;
import dev.firebell.local.SamTemplate;
import dev.firebell.local.junit.LocalStackTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The alarm function's EventBridge rule, evaluated as EventBridge would with the stack name filled in: it takes the
 * account's alarms (the demo's real-shaped events) and leaves out every alarm of Firebell's own, which go to the ops
 * topic only (docs/adr/0064).
 */
@LocalStackTest
class AlarmRuleTest {

    private final LocalResources resources;
    private final SamTemplate template;

    AlarmRuleTest(LocalResources resources) {
        this.resources = resources;
        this.template = resources.template();
    }

    @Test
    void rule_shouldTakeTheAccountsAlarms_andLeaveOutFirebellsOwn() throws IOException {
        // GIVEN the rule's pattern as deployed (the stack name resolved) and the demo's EventBridge events
        Object pattern = resources.resolve(TemplateData.at(template.function("AlarmIngestFunction").events()
                .get("AlarmStateChange"), "Properties", "Pattern").orElseThrow());
        EventFilter rule = EventFilter.of(List.of(Json.write(pattern)));
        List<Map<String, Object>> demo = demoEvents();
        assertThat(demo).isNotEmpty();

        // THEN every demo alarm passes
        assertThat(demo).allSatisfy(event -> assertThat(rule.matches(event)).as("%s", alarmName(event)).isTrue());

        // AND the same event for any alarm of the template does not
        List<String> own = template.resources().values().stream()
                .filter(resource -> resource.type().equals(TemplateOperations.ALARM))
                .map(resource -> resources.resolveString(resource.properties().get("AlarmName")))
                .toList();
        assertThat(own).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith(LocalResources.STACK_NAME + "-"));
        for (String name : own) {
            Map<String, Object> event = withAlarmName(demo.get(0), name);
            assertThat(rule.matches(event)).as("the rule takes Firebell's own alarm %s", name).isFalse();
        }
    }

    private static List<Map<String, Object>> demoEvents() throws IOException {
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withAlarmName(Map<String, Object> event, String name) {
        Map<String, Object> copy = new LinkedHashMap<>(event);
        Map<String, Object> detail = new LinkedHashMap<>((Map<String, Object>) event.get("detail"));
        detail.put("alarmName", name);
        copy.put("detail", detail);
        return copy;
    }
}
