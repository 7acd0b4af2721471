package dev.firebell.aws.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.Json;
import dev.firebell.metrics.IncidentMetrics;
import dev.firebell.routing.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmfMetricsSinkTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:12:05Z");

    @Test
    @SuppressWarnings("unchecked")
    void emit_shouldWriteOneEmfDocumentPerLine_withOnlyTheMetricsTheIncidentHas() throws Exception {
        List<String> lines = new ArrayList<>();
        EmfMetricsSink sink = new EmfMetricsSink("Firebell", () -> NOW, lines::add);

        sink.emit(new IncidentMetrics("7", "checkout", Severity.SEV2, "checkout-api-5xx-high", "arn", NOW, NOW,
                null, Duration.ofMillis(240_500), Duration.ofMinutes(12), 2, 0, true, 1));

        assertThat(lines).singleElement().satisfies(line -> assertThat(line).doesNotContain("\n"));
        Map<String, Object> doc = Json.readObject(lines.get(0));
        Map<String, Object> aws = (Map<String, Object>) doc.get("_aws");
        assertThat(aws).containsEntry("Timestamp", NOW.toEpochMilli());
        Map<String, Object> directive = ((List<Map<String, Object>>) aws.get("CloudWatchMetrics")).get(0);
        assertThat(directive).containsEntry("Namespace", "Firebell")
                .containsEntry("Dimensions", List.of(List.of("service", "severity")));
        assertThat((List<Map<String, Object>>) directive.get("Metrics")).containsExactly(
                Map.of("Name", "TimeToAcknowledge", "Unit", "Seconds"), Map.of("Name", "TimeToResolve", "Unit", "Seconds"),
                Map.of("Name", "PagesSent", "Unit", "Count"), Map.of("Name", "EscalationLevels", "Unit", "Count"));
        assertThat(doc).containsEntry("service", "checkout").containsEntry("severity", "SEV2")
                .containsEntry("TimeToAcknowledge", 240.5).containsEntry("TimeToResolve", 720.0)
                .containsEntry("PagesSent", 2).containsEntry("EscalationLevels", 0).containsEntry("incidentId", "7")
                .containsEntry("alarm", "checkout-api-5xx-high").containsEntry("autoResolved", true)
                .doesNotContainKey("TimeToDetect");
    }
}
