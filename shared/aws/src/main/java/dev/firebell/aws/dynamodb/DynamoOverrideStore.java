package dev.firebell.aws.dynamodb;

import dev.firebell.oncall.OverrideStore;
import dev.firebell.oncall.ShiftOverride;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Shift overrides, one item each in the {@code ONCALL} partition, sorted by when they end ({@link OnCallPartition},
 * ADR 0055): "the overrides of these rotations and schedules not over yet" is one Query however many there are
 * (strongly consistent, so an override just written by chat counts for the very next page). Expired ones leave
 * through TTL a year later.
 */
public final class DynamoOverrideStore implements OverrideStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoOverrideStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Map<String, List<ShiftOverride>> notEndedBy(Collection<String> sources, Instant from) {
        return new OnCallPartition(dynamo, table).notEndedBy(sources, List.of(), from).overrides();
    }

    @Override
    public void put(ShiftOverride override) {
        dynamo.putItem(r -> r.tableName(table).item(IncidentItems.override(override)));
    }

    /** Removes it wherever it is: in {@code ONCALL}, and in its source's older partition if it was written there. */
    @Override
    public boolean remove(String source, String id) {
        boolean removed = false;
        var current = query(Keys.ONCALL, "#id = :id AND #source = :source", Map.of("#id", "id", "#source", "source"),
                Map.of(":id", Item.s(id), ":source", Item.s(source)));
        var legacy = query(Keys.legacyOverride(source), "#id = :id", Map.of("#id", "id"), Map.of(":id", Item.s(id)));
        for (Iterable<Map<String, AttributeValue>> items : List.of(current, legacy)) {
            for (Map<String, AttributeValue> item : items) {
                dynamo.deleteItem(r -> r.tableName(table).key(Map.of(Keys.PK, item.get(Keys.PK), Keys.SK, item.get(Keys.SK))));
                removed = true;
            }
        }
        return removed;
    }

    private Iterable<Map<String, AttributeValue>> query(String partition, String filter, Map<String, String> names,
                                                        Map<String, AttributeValue> values) {
        Map<String, String> allNames = new java.util.HashMap<>(names);
        allNames.put("#pk", Keys.PK);
        Map<String, AttributeValue> allValues = new java.util.HashMap<>(values);
        allValues.put(":pk", Item.s(partition));
        return dynamo.queryPaginator(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk").filterExpression(filter)
                .expressionAttributeNames(allNames).expressionAttributeValues(allValues).build()).items();
    }
}
