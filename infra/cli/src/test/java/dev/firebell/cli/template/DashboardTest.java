package dev.firebell.cli.template;

import static dev.firebell.cli.template.TemplateData.at;
import static dev.firebell.cli.template.TemplateData.intrinsicArgument;
import static dev.firebell.cli.template.TemplateData.list;
import static dev.firebell.cli.template.TemplateData.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.Json;
import dev.firebell.aws.metrics.EmfMetricsSink;
import dev.firebell.cli.FunctionRunner;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.SamTemplate;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.metrics.IncidentMetrics;
import dev.firebell.routing.Severity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dashboard and the metrics it shows against what produces them: its body is valid JSON on CloudWatch's 24-column
 * grid, every metric of the {@code Firebell} namespace it graphs is one the code emits (EMF) or a metric filter of the
 * template counts, the metric filter matches what the alarm function really logs, and the alarm widgets show every
 * alarm that notifies the ops channel, with two-way SMS on and off (its row and alarms exist only when it is on).
 */
@LocalStackTest
class DashboardTest {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");
    private static final Pattern SEARCH_METRIC = Pattern.compile("MetricName=\\\\?\"([A-Za-z0-9_]+)\\\\?\"");
    private static final Pattern FILTER = Pattern.compile("\\{\\s*\\$\\.message\\s*=\\s*\"([^\"]*)\"\\s*}");

    private final LocalStack local;
    private final LocalResources resources;
    private final SamTemplate template;

    DashboardTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
        this.template = resources.template();
    }

    @ParameterizedTest(name = "TwoWaySms {0}")
    @ValueSource(booleans = {true, false})
    void body_shouldBeJson_withWidgetsOnTheGridThatDoNotOverlap(boolean twoWaySms) throws IOException {
        List<Map<String, Object>> widgets = widgets(twoWaySms);

        assertThat(widgets).isNotEmpty();
        List<int[]> placed = new ArrayList<>();
        for (Map<String, Object> widget : widgets) {
            int x = number(widget, "x");
            int y = number(widget, "y");
            int width = number(widget, "width");
            int height = number(widget, "height");
            assertThat(x + width).as("%s: right edge", title(widget)).isLessThanOrEqualTo(24);
            for (int[] other : placed) {
                boolean overlaps = x < other[0] + other[2] && other[0] < x + width && y < other[1] + other[3]
                        && other[1] < y + height;
                assertThat(overlaps).as("%s overlaps another widget", title(widget)).isFalse();
            }
            placed.add(new int[] {x, y, width, height});
        }
    }

    @Test
    void firebellMetrics_shouldBeOnesTheCodeEmitsOrAMetricFilterCounts() throws IOException {
        // GIVEN what the postmortem function emits (one EMF document) and what the template's metric filters count
        Map<String, Object> emf = emfDocument();
        Set<String> emitted = new TreeSet<>();
        list(at(emf, "_aws", "CloudWatchMetrics").orElseThrow()).forEach(directive ->
                list(map(directive).get("Metrics")).forEach(metric -> emitted.add(String.valueOf(map(metric).get("Name")))));
        String namespace = String.valueOf(map(list(at(emf, "_aws", "CloudWatchMetrics").orElseThrow()).get(0))
                .get("Namespace"));
        Set<String> counted = new TreeSet<>();
        template.resources().values().stream().filter(r -> r.type().equals("AWS::Logs::MetricFilter"))
                .flatMap(r -> list(r.properties().get("MetricTransformations")).stream())
                .filter(t -> namespace.equals(map(t).get("MetricNamespace")))
                .forEach(t -> counted.add(String.valueOf(map(t).get("MetricName"))));

        // WHEN the dashboard's Firebell metrics are listed (plain metrics and SEARCH expressions)
        Set<String> shown = new TreeSet<>();
        String body = body(true);
        Matcher search = SEARCH_METRIC.matcher(body);
        while (search.find()) {
            shown.add(search.group(1));
        }
        for (Map<String, Object> widget : widgets(true)) {
            for (Object metric : list(at(widget, "properties", "metrics").orElse(null))) {
                List<Object> parts = list(metric);
                if (parts.size() > 1 && namespace.equals(parts.get(0))) {
                    shown.add(String.valueOf(parts.get(1)));
                }
            }
        }

        // THEN each is emitted or counted, the namespace is the function's, and the log query's fields exist
        Set<String> known = new TreeSet<>(emitted);
        known.addAll(counted);
        assertThat(shown).as("Firebell metrics on the dashboard").isNotEmpty();
        assertThat(known).as("metrics the code emits (%s) or metric filters count (%s)", emitted, counted)
                .containsAll(shown);
        assertThat(template.function("PostmortemFunction").environment().get("METRICS_NAMESPACE")).isEqualTo(namespace);
        for (Map<String, Object> widget : widgets(true)) {
            if ("log".equals(widget.get("type"))) {
                String query = String.valueOf(at(widget, "properties", "query").orElseThrow());
                for (String field : List.of("TimeToResolve", "TimeToAcknowledge", "PagesSent", "service")) {
                    if (query.contains(field)) {
                        assertThat(emf).as("EMF document field used by the log widget").containsKey(field);
                    }
                }
            }
        }
    }

    @Test
    void incidentsOpenedFilter_shouldMatchWhatTheAlarmFunctionLogsForAnOpenedIncident_only() throws IOException {
        // GIVEN the filter pattern of the metric that counts opened incidents
        SamTemplate.Resource filter = template.resources().values().stream()
                .filter(r -> r.type().equals("AWS::Logs::MetricFilter")).filter(r -> list(r.properties()
                        .get("MetricTransformations")).stream().anyMatch(t -> "IncidentsOpened".equals(map(t).get("MetricName"))))
                .findFirst().orElseThrow();
        Matcher pattern = FILTER.matcher(String.valueOf(filter.properties().get("FilterPattern")));
        assertThat(pattern.matches()).as("a { $.message = \"...\" } pattern").isTrue();
        Pattern glob = Pattern.compile(Pattern.quote(pattern.group(1)).replace("*", "\\E.*\\Q"));
        assertThat(FunctionPermissions.referencedNames(filter.properties().get("LogGroupName")))
                .containsExactly("AlarmIngestLogGroup");

        // WHEN the real alarm handler opens an incident from the demo's first alarm, then sees it again
        local.emptyTable(resources.tableName("FirebellTable"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        FunctionRunner runner = new FunctionRunner(resources, new PrintStream(log, true, StandardCharsets.UTF_8));
        byte[] alarm = Files.readAllBytes(ProjectFiles.root().resolve("infra/demo/events/01-checkout-alarm.eventbridge.json"));
        runner.invoke("AlarmIngestFunction", alarm);
        runner.invoke("AlarmIngestFunction",
                Files.readAllBytes(ProjectFiles.root().resolve("infra/demo/events/04-checkout-alarm-again.alarm-action.json")));
        List<String> messages = log.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("] INFO ")).map(line -> line.substring(line.indexOf("] INFO ") + 7)).toList();

        // THEN (Lambda's JSON log format puts the message in $.message) only the opening matches
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0)).contains("OPENED");
        assertThat(glob.matcher(messages.get(0)).matches()).as("%s", messages.get(0)).isTrue();
        assertThat(glob.matcher(messages.get(1)).matches()).as("%s", messages.get(1)).isFalse();
        assertThat(glob.matcher("payments ALARM (SNS) -> REOPENED incident 2").matches()).isFalse();
    }

    @ParameterizedTest(name = "TwoWaySms {0}")
    @ValueSource(booleans = {true, false})
    void alarmWidgets_shouldShowEveryAlarmThatNotifiesTheOpsChannel_andExists(boolean twoWaySms) throws IOException {
        Set<String> shown = new LinkedHashSet<>();
        for (Map<String, Object> widget : widgets(twoWaySms)) {
            if ("alarm".equals(widget.get("type"))) {
                for (Object arn : list(at(widget, "properties", "alarms").orElse(null))) {
                    // ${Alarm.Arn}, read through its placeholder
                    shown.add(String.valueOf(arn).replaceFirst("^placeholder-", "").replaceFirst("-Arn$", ""));
                }
            }
        }
        Set<String> notifying = new LinkedHashSet<>();
        new TemplateOperations(template).alarms().stream()
                .filter(alarm -> !list(alarm.properties().get("AlarmActions")).isEmpty())
                .filter(alarm -> twoWaySms || !template.resource(alarm.id()).condition().orElse("").equals("TwoWaySms"))
                .forEach(alarm -> notifying.add(alarm.id()));

        assertThat(shown).containsExactlyInAnyOrderElementsOf(notifying);
    }

    // ---- reading the dashboard ----

    /**
     * The body as CloudFormation makes it: a Sub, or a Join of Subs and texts in which {@code !If [TwoWaySms, a, b]}
     * takes a when two-way SMS is on (its parts exist only then).
     */
    private String body(boolean twoWaySms) {
        Object body = template.resource("FirebellDashboard").properties().get("DashboardBody");
        return text(body, twoWaySms);
    }

    private static String text(Object value, boolean twoWaySms) {
        if (value instanceof String literal) {
            return literal;
        }
        if (!TemplateData.isIntrinsic(value)) {
            throw new AssertionError("the dashboard body holds " + value + ", which is neither text nor an intrinsic");
        }
        Object argument = intrinsicArgument(value);
        switch (TemplateData.intrinsicName(value)) {
            case "Fn::Sub" -> {
                return String.valueOf(argument);
            }
            case "Fn::Join" -> {
                StringBuilder b = new StringBuilder();
                for (Object part : list(list(argument).get(1))) {
                    b.append(text(part, twoWaySms));
                }
                return b.toString();
            }
            case "Fn::If" -> {
                List<Object> branches = list(argument);
                assertThat(branches.get(0)).as("the dashboard's only condition").isEqualTo("TwoWaySms");
                return text(branches.get(twoWaySms ? 1 : 2), twoWaySms);
            }
            default -> throw new AssertionError("the dashboard body uses " + TemplateData.intrinsicName(value));
        }
    }

    /** The widgets, each ${...} replaced by a placeholder (they are all inside JSON strings). */
    private List<Map<String, Object>> widgets(boolean twoWaySms) throws IOException {
        String json = SUB_VARIABLE.matcher(body(twoWaySms)).replaceAll(match -> "placeholder-"
                + match.group(1).replace('.', '-'));
        return list(Json.readObject(json).get("widgets")).stream().map(TemplateData::map).toList();
    }

    private static int number(Map<String, Object> widget, String key) {
        return ((Number) widget.get(key)).intValue();
    }

    private static Object title(Map<String, Object> widget) {
        return at(widget, "properties", "title").orElse(widget.get("type"));
    }

    private static Map<String, Object> emfDocument() throws IOException {
        List<String> lines = new ArrayList<>();
        EmfMetricsSink sink = new EmfMetricsSink("Firebell", InstantSource.fixed(Instant.parse("2026-11-27T10:00:00Z")),
                lines::add);
        Instant opened = Instant.parse("2026-11-27T09:00:00Z");
        sink.emit(new IncidentMetrics("1", "checkout", Severity.SEV2, "checkout-api-5xx-high", "arn", opened,
                opened.plus(Duration.ofMinutes(30)), Duration.ofMinutes(3), Duration.ofMinutes(4), Duration.ofMinutes(30),
                2, 1, true, 0));
        assertThat(lines).hasSize(1);
        return Json.readObject(lines.get(0));
    }
}
