package dev.firebell.aws.dynamodb;

import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentCursor;
import dev.firebell.incident.IncidentPage;
import dev.firebell.incident.IncidentQuery;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.routing.Severity;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Pages of incidents, newest first, read backwards through an index: the service's GSI2 partition when the query
 * names a service, else GSI3's month partitions from the period's last month to its first. Severity and status are
 * a FilterExpression. A page ends at the last incident shown; the next starts there with that position as the
 * index's ExclusiveStartKey in the partition of its month (or the service's), so nothing is skipped or shown twice.
 * Reads are eventually consistent, as index reads are: a list, not a decision.
 */
final class IncidentIndexPages {

    private final Table table;

    IncidentIndexPages(Table table) {
        this.table = table;
    }

    IncidentPage page(IncidentQuery query) {
        int wanted = query.limit() + 1;
        List<Incident> found = new ArrayList<>(wanted);
        for (Partition partition : partitions(query)) {
            Map<String, AttributeValue> start = query.after() == null || !partition.holds(query.after())
                    ? null : partition.startAfter(query.after());
            do {
                QueryResponse response = table.dynamo().query(request(query, partition, start, wanted));
                for (Map<String, AttributeValue> item : response.items()) {
                    Incident incident = IncidentItems.incident(item);
                    if (query.matches(incident) && found.size() < wanted) {
                        found.add(incident);
                    }
                }
                start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey() : null;
            } while (start != null && found.size() < wanted);
            if (found.size() >= wanted) {
                break;
            }
        }
        return IncidentPage.of(found, query.limit());
    }

    /**
     * The partitions to read, newest first; with a position, those newer than its own are already read. A position
     * outside the period never gets here ({@link IncidentQuery} refuses it).
     */
    private static List<Partition> partitions(IncidentQuery query) {
        List<Partition> out = new ArrayList<>();
        if (query.service() != null) {
            out.add(new Partition(Keys.GSI2, Keys.GSI2PK, Keys.GSI2SK, Keys.service(query.service()), null));
            return out;
        }
        List<YearMonth> months = MonthPartitions.months(query.from(), query.to());
        YearMonth newest = query.after() == null ? null : MonthPartitions.month(query.after().openedAt());
        for (int i = months.size() - 1; i >= 0; i--) {
            YearMonth month = months.get(i);
            if (newest == null || !month.isAfter(newest)) {
                out.add(new Partition(Keys.GSI3, Keys.GSI3PK, Keys.GSI3SK, Keys.INCIDENT_MONTH_PREFIX + month, month));
            }
        }
        return out;
    }

    private QueryRequest request(IncidentQuery query, Partition partition, Map<String, AttributeValue> start,
                                 int limit) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", partition.pkAttribute(), "#sk",
                partition.skAttribute()));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", Item.s(partition.pk()),
                ":from", Item.s(Keys.sortable(query.from())), ":to", Item.s(Keys.sortable(query.to()))));
        List<String> filters = new ArrayList<>();
        if (!query.severities().isEmpty()) {
            names.put("#severity", "severity");
            filters.add("#severity IN (" + placeholders("sev", query.severities().stream().map(Severity::name)
                    .sorted().toList(), values) + ")");
        }
        if (!query.statuses().isEmpty()) {
            names.put("#status", "status");
            filters.add("#status IN (" + placeholders("st", query.statuses().stream().map(IncidentStatus::name)
                    .sorted().toList(), values) + ")");
        }
        // Sort keys are "<openedAt>#<id>": BETWEEN "<from>" AND "<to>" keeps [from, to).
        QueryRequest.Builder request = QueryRequest.builder().tableName(table.name()).indexName(partition.index())
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                .expressionAttributeNames(names).expressionAttributeValues(values)
                .scanIndexForward(false).limit(limit);
        if (!filters.isEmpty()) {
            request.filterExpression(String.join(" AND ", filters));
        }
        if (start != null) {
            request.exclusiveStartKey(start);
        }
        return request.build();
    }

    private static String placeholders(String prefix, List<String> given, Map<String, AttributeValue> values) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            values.put(":" + prefix + i, Item.s(given.get(i)));
            out.add(":" + prefix + i);
        }
        return String.join(", ", out);
    }

    /** One index partition: GSI2's for a service, or GSI3's for a month ({@code month} null for the former). */
    private record Partition(String index, String pkAttribute, String skAttribute, String pk, YearMonth month) {

        boolean holds(IncidentCursor position) {
            return month == null || month.equals(MonthPartitions.month(position.openedAt()));
        }

        /** The index key of the incident at the position: where the index resumes, just past it. */
        Map<String, AttributeValue> startAfter(IncidentCursor position) {
            return Map.of(Keys.PK, Item.s(Keys.incident(position.id())), Keys.SK, Item.s(Keys.INCIDENT_SK),
                    pkAttribute, Item.s(pk), skAttribute,
                    Item.s(IncidentItems.openedSortKey(position.openedAt(), position.id())));
        }
    }
}
