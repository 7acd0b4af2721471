package dev.firebell.aws.dynamodb;

import dev.firebell.metrics.IncidentMetrics;
import dev.firebell.metrics.IncidentMetricsStore;
import dev.firebell.routing.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One metrics item per incident ({@code INCIDENT#<id>} / {@code METRICS}), rewritten for each new resolution and
 * indexed in GSI3 under {@code METRICS#<yyyy-MM>} of the incident's opening, so a report reads a period's metrics
 * with one Query per month. Its {@code type} is {@code metrics}, which the postmortem function's stream filter
 * (incident items only) never matches: writing it triggers nothing.
 */
public final class DynamoMetricsStore implements IncidentMetricsStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoMetricsStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Conditional on a different (or no) resolve time, so a redelivered resolution is not counted twice. */
    @Override
    public boolean record(IncidentMetrics m) {
        if (m.resolvedAt() == null) {
            throw new IllegalArgumentException("metrics of incident " + m.incidentId() + " have no resolve time: only"
                    + " resolutions are recorded");
        }
        String sortKey = Keys.sortable(m.openedAt()) + "#" + m.incidentId();
        Item.Builder item = Item.builder()
                .str(Keys.PK, Keys.incident(m.incidentId())).str(Keys.SK, Keys.METRICS_SK).str("type", "metrics")
                .str("incidentId", m.incidentId()).str("service", m.service()).str("severity", m.severity().name())
                .str("alarmName", m.alarmName()).str("dedupKey", m.dedupKey())
                .instant("openedAt", m.openedAt()).instant("resolvedAt", m.resolvedAt())
                .num("pagesSent", m.pagesSent()).num("escalationLevels", m.escalationLevels())
                .bool("autoResolved", m.autoResolved()).num("reopenCount", m.reopenCount())
                .str(Keys.GSI3PK, Keys.METRICS_MONTH_PREFIX + MonthPartitions.month(m.openedAt()))
                .str(Keys.GSI3SK, sortKey);
        millis(item, "timeToDetectMs", m.timeToDetect());
        millis(item, "timeToAcknowledgeMs", m.timeToAcknowledge());
        millis(item, "timeToResolveMs", m.timeToResolve());
        try {
            dynamo.putItem(r -> r.tableName(table).item(item.build())
                    .conditionExpression("attribute_not_exists(PK) OR resolvedAt <> :resolvedAt")
                    .expressionAttributeValues(Map.of(":resolvedAt", Item.s(m.resolvedAt().toString()))));
            return true;
        } catch (ConditionalCheckFailedException sameResolution) {
            return false;
        }
    }

    @Override
    public List<IncidentMetrics> openedBetween(Instant from, Instant to) {
        List<IncidentMetrics> out = new ArrayList<>();
        MonthPartitions.query(dynamo, table, Keys.METRICS_MONTH_PREFIX, from, to, null, Map.of(), raw -> out.add(metrics(raw)));
        return out;
    }

    private static IncidentMetrics metrics(Map<String, AttributeValue> raw) {
        Item it = Item.of(raw);
        return new IncidentMetrics(it.str("incidentId"), it.str("service"), Severity.valueOf(it.str("severity")),
                it.str("alarmName"), it.str("dedupKey"), it.instant("openedAt"), it.instant("resolvedAt"),
                duration(it, "timeToDetectMs"), duration(it, "timeToAcknowledgeMs"), duration(it, "timeToResolveMs"),
                (int) it.num("pagesSent", 0), (int) it.num("escalationLevels", 0), it.bool("autoResolved"),
                (int) it.num("reopenCount", 0));
    }

    private static void millis(Item.Builder item, String name, Duration d) {
        if (d != null) {
            item.num(name, d.toMillis());
        }
    }

    private static Duration duration(Item it, String name) {
        long ms = it.num(name, -1);
        return ms < 0 ? null : Duration.ofMillis(ms);
    }
}
