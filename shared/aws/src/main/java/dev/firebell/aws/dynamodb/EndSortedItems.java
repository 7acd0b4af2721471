package dev.firebell.aws.dynamodb;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Partitions of time-bounded items sorted by when each ends ({@code SK = <end>#<id>}): shift overrides per rotation,
 * maintenance windows per service. "Those not over by T" is then one Query reading only them, never a scan.
 */
final class EndSortedItems {

    private EndSortedItems() {
    }

    static String sortKey(Instant end, String id) {
        return Keys.sortable(end) + "#" + id;
    }

    /**
     * The items of {@code partition} ending after {@code from} (an item ending exactly then is over), strongly
     * consistent: one written a moment ago counts for the very next decision.
     */
    static Iterable<Map<String, AttributeValue>> notEndedBy(DynamoDbClient dynamo, String table, String partition,
                                                           Instant from) {
        var request = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND #sk > :from")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(Map.of(":pk", Item.s(partition), ":from", Item.s(sortKey(from, "~"))))
                .build();
        return dynamo.queryPaginator(request).items();
    }
}
