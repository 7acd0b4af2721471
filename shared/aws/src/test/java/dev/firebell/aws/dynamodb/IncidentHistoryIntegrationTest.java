package dev.firebell.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.metrics.IncidentMetrics;
import dev.firebell.routing.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Period and service queries over the real indexes, across month boundaries, and metrics recorded once. */
@LocalStackTest
class IncidentHistoryIntegrationTest {

    private final LocalStack local;
    private final String table;
    private DynamoIncidentStore store;
    private DynamoIncidentHistory history;
    private DynamoMetricsStore metrics;

    IncidentHistoryIntegrationTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.table = resources.tableName("FirebellTable");
    }

    @BeforeEach
    void emptyTable() {
        local.dynamoDb().scanPaginator(r -> r.tableName(table)).items().forEach(item ->
                local.dynamoDb().deleteItem(r -> r.tableName(table).key(Map.of("PK", item.get("PK"), "SK", item.get("SK")))));
        store = new DynamoIncidentStore(local.dynamoDb(), table, () -> Instant.parse("2026-12-01T00:00:00Z"));
        history = new DynamoIncidentHistory(local.dynamoDb(), table);
        metrics = new DynamoMetricsStore(local.dynamoDb(), table);
    }

    private Incident write(String id, String service, String dedupKey, String openedAt) {
        Instant at = Instant.parse(openedAt);
        Incident incident = Incident.builder().id(id).title("t" + id).service(service).severity(Severity.SEV3)
                .status(IncidentStatus.RESOLVED).dedupKey(dedupKey).triggeredAt(at).openedAt(at)
                .resolvedAt(at.plusSeconds(300)).resolvedBy("alarm").build();
        store.update(incident, List.of(), List.of(), null);
        return incident;
    }

    @Test
    void openedBetween_shouldQueryEachMonthOfThePeriod_andKeepItsBounds() {
        write("1", "checkout", "a", "2026-09-30T23:59:59.999Z");
        write("2", "checkout", "a", "2026-10-01T00:00:00Z");
        write("3", "payments", "b", "2026-10-31T23:00:00Z");
        write("4", "checkout", "a", "2026-11-15T12:00:00Z");
        write("5", "checkout", "a", "2026-12-01T00:00:00Z");

        List<Incident> found = history.openedBetween(Instant.parse("2026-10-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"));

        assertThat(found).extracting(Incident::id).containsExactly("2", "3", "4");
        assertThat(history.openedBetween(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")))
                .isEmpty();
    }

    @Test
    void ofServiceAndWithDedupKey_shouldFindRelatedIncidents() {
        write("1", "checkout", "arn:a", "2026-10-20T10:00:00Z");
        write("2", "storefront", "arn:a", "2026-11-02T10:00:00Z");
        write("3", "checkout", "arn:b", "2026-11-10T10:00:00Z");
        write("4", "checkout", "arn:a", "2026-11-20T10:00:00Z");

        Instant from = Instant.parse("2026-10-21T10:00:00Z");
        Instant to = Instant.parse("2026-11-20T10:00:00Z");
        assertThat(history.ofServiceOpenedBetween("checkout", from, to)).extracting(Incident::id).containsExactly("3");
        assertThat(history.withDedupKeyOpenedBetween("arn:a", from, to)).extracting(Incident::id).containsExactly("2");
        assertThat(history.withDedupKeyOpenedBetween("arn:a", from.minus(Duration.ofDays(2)), to.plusSeconds(1)))
                .extracting(Incident::id).containsExactly("1", "2", "4");
    }

    @Test
    void record_shouldCountEachResolutionOnce_andReadBackByPeriod() {
        Instant opened = Instant.parse("2026-11-05T08:00:00Z");
        IncidentMetrics first = new IncidentMetrics("9", "checkout", Severity.SEV2, "alarm-x", "arn:x", opened,
                opened.plusSeconds(600), Duration.ofSeconds(180), Duration.ofMillis(61_500), Duration.ofSeconds(600), 1, 2,
                false, 0);

        assertThat(metrics.record(first)).isTrue();
        assertThat(metrics.record(first)).as("the same resolution again").isFalse();
        IncidentMetrics reResolved = new IncidentMetrics("9", "checkout", Severity.SEV2, "alarm-x", "arn:x", opened,
                opened.plusSeconds(900), null, null, Duration.ofSeconds(900), 1, 2, false, 1);
        assertThat(metrics.record(reResolved)).as("a later resolution after a reopen").isTrue();

        assertThat(metrics.openedBetween(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")))
                .containsExactly(reResolved);
        assertThat(history.openedBetween(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")))
                .as("metrics items are not incidents").isEmpty();
        assertThatThrownBy(() -> metrics.record(new IncidentMetrics("10", "checkout", Severity.SEV2, null, null, opened,
                null, null, null, null, 0, 0, false, 0))).hasMessageContaining("have no resolve time");
    }
}
