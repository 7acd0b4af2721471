package dev.firebell.aws.dynamodb;

import dev.firebell.oncall.OverrideStore;
import dev.firebell.oncall.ShiftOverride;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Shift overrides, one item each in a partition per rotation or schedule, sorted by when they end: "the
 * overrides of X not over yet" is one Query reading only those (strongly consistent, so an override
 * just written by chat counts for the very next page). Expired ones leave through TTL a year later.
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
        Map<String, List<ShiftOverride>> out = new LinkedHashMap<>();
        for (String source : sources) {
            List<ShiftOverride> list = new ArrayList<>();
            for (Map<String, AttributeValue> item : EndSortedItems.notEndedBy(dynamo, table, Keys.override(source), from)) {
                list.add(IncidentItems.override(item));
            }
            if (!list.isEmpty()) {
                out.put(source, list);
            }
        }
        return out;
    }

    @Override
    public void put(ShiftOverride override) {
        dynamo.putItem(r -> r.tableName(table).item(IncidentItems.override(override)));
    }

    @Override
    public boolean remove(String source, String id) {
        var request = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk")
                .filterExpression("#id = :id")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#id", "id"))
                .expressionAttributeValues(Map.of(":pk", Item.s(Keys.override(source)), ":id", Item.s(id)))
                .build();
        boolean removed = false;
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(request).items()) {
            dynamo.deleteItem(r -> r.tableName(table).key(Map.of(Keys.PK, item.get(Keys.PK), Keys.SK, item.get(Keys.SK))));
            removed = true;
        }
        return removed;
    }
}
