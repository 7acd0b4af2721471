package dev.firebell.aws.dynamodb;

import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Incidents by the time they opened: GSI3 month partitions for a period, GSI2 service partitions for a service.
 * Index reads are eventually consistent, which is what reports and "related incidents" need.
 */
public final class DynamoIncidentHistory implements IncidentHistory {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoIncidentHistory(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<Incident> openedBetween(Instant from, Instant to) {
        List<Incident> out = new ArrayList<>();
        MonthPartitions.query(dynamo, table, Keys.INCIDENT_MONTH_PREFIX, from, to, null, Map.of(),
                item -> out.add(IncidentItems.incident(item)));
        return out;
    }

    @Override
    public List<Incident> ofServiceOpenedBetween(String service, Instant from, Instant to) {
        List<Incident> out = new ArrayList<>();
        if (!from.isBefore(to)) {
            return out;
        }
        QueryRequest request = QueryRequest.builder().tableName(table).indexName(Keys.GSI2)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#pk", Keys.GSI2PK, "#sk", Keys.GSI2SK))
                .expressionAttributeValues(Map.of(":pk", Item.s(Keys.service(service)),
                        ":from", Item.s(Keys.sortable(from)), ":to", Item.s(Keys.sortable(to))))
                .build();
        dynamo.queryPaginator(request).items().forEach(item -> out.add(IncidentItems.incident(item)));
        return out;
    }

    /** The month partitions, filtered on the key: a few reads per month at incident volumes, and no new index. */
    @Override
    public List<Incident> withDedupKeyOpenedBetween(String dedupKey, Instant from, Instant to) {
        List<Incident> out = new ArrayList<>();
        MonthPartitions.query(dynamo, table, Keys.INCIDENT_MONTH_PREFIX, from, to, "dedupKey = :key",
                Map.of(":key", Item.s(dedupKey)), item -> out.add(IncidentItems.incident(item)));
        out.sort(Comparator.comparing(Incident::openedAt));
        return out;
    }
}
