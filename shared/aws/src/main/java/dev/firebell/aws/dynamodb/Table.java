package dev.firebell.aws.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The single table as the incident, page and escalation stores use it: how a read, a conditional put or update, and a
 * transaction are built and sent, in one place. Reads are strongly consistent (they feed decisions).
 */
final class Table {

    static final AttributeValue ONE = Item.n(1);
    static final AttributeValue MINUS_ONE = Item.n(-1);

    private final DynamoDbClient dynamo;
    private final String name;

    Table(DynamoDbClient dynamo, String name) {
        this.dynamo = dynamo;
        this.name = name;
    }

    DynamoDbClient dynamo() {
        return dynamo;
    }

    String name() {
        return name;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(Keys.PK, Item.s(pk), Keys.SK, Item.s(sk));
    }

    /** The item, strongly consistent; null when there is none. */
    Map<String, AttributeValue> get(String pk, String sk) {
        var item = dynamo.getItem(r -> r.tableName(name).consistentRead(true).key(key(pk, sk))).item();
        return item == null || item.isEmpty() ? null : item;
    }

    /**
     * These items (by key), strongly consistent, in one BatchGetItem. Keys it leaves unprocessed (it may, when
     * throttled) are read with a GetItem each, which the SDK retries with its backoff. Absent items are absent from the
     * map.
     */
    Map<Map<String, AttributeValue>, Map<String, AttributeValue>> getAll(List<Map<String, AttributeValue>> keys) {
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> out = new java.util.HashMap<>();
        var response = dynamo.batchGetItem(r -> r.requestItems(Map.of(name,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));
        for (Map<String, AttributeValue> item : response.responses().getOrDefault(name, List.of())) {
            out.put(key(item.get(Keys.PK).s(), item.get(Keys.SK).s()), item);
        }
        KeysAndAttributes unprocessed = response.unprocessedKeys().get(name);
        if (unprocessed != null && unprocessed.hasKeys()) {
            for (Map<String, AttributeValue> key : unprocessed.keys()) {
                Map<String, AttributeValue> item = get(key.get(Keys.PK).s(), key.get(Keys.SK).s());
                if (item != null) {
                    out.put(key(key.get(Keys.PK).s(), key.get(Keys.SK).s()), item);
                }
            }
        }
        return out;
    }

    /**
     * The items of one partition whose sort key starts with {@code skPrefix} (every item for an empty prefix), in sort
     * key order, every page read.
     */
    List<Map<String, AttributeValue>> partition(String pk, String skPrefix) {
        boolean whole = skPrefix.isEmpty();
        var request = QueryRequest.builder().tableName(name).consistentRead(true)
                .keyConditionExpression(whole ? "#pk = :pk" : "#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(whole ? Map.of("#pk", Keys.PK) : Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(whole ? Map.of(":pk", Item.s(pk))
                        : Map.of(":pk", Item.s(pk), ":prefix", Item.s(skPrefix)))
                .build();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.queryPaginator(request).items().forEach(items::add);
        return items;
    }

    /** Every item of one partition, in sort key order: what one Query gives about one thing. */
    List<Map<String, AttributeValue>> partition(String pk) {
        return partition(pk, "");
    }

    /** The item of the partition with the greatest sort key, strongly consistent. */
    java.util.Optional<Map<String, AttributeValue>> newest(String pk) {
        var items = dynamo.query(r -> r.tableName(name).consistentRead(true).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Keys.PK)).expressionAttributeValues(Map.of(":pk", Item.s(pk)))
                .scanIndexForward(false).limit(1)).items();
        return items.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(items.get(0));
    }

    /** Up to {@code limit} items of a GSI1 partition whose sort key is at most {@code upTo} (null: any). */
    List<Map<String, AttributeValue>> index(String gsi1pk, String upTo, int limit) {
        QueryRequest.Builder request = QueryRequest.builder().tableName(name).indexName(Keys.GSI1).limit(limit);
        if (upTo == null) {
            request.keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", Keys.GSI1PK))
                    .expressionAttributeValues(Map.of(":pk", Item.s(gsi1pk)));
        } else {
            request.keyConditionExpression("#pk = :pk AND #sk <= :upTo")
                    .expressionAttributeNames(Map.of("#pk", Keys.GSI1PK, "#sk", Keys.GSI1SK))
                    .expressionAttributeValues(Map.of(":pk", Item.s(gsi1pk), ":upTo", Item.s(upTo)));
        }
        return dynamo.query(request.build()).items();
    }

    /** Every item of a GSI1 partition, every page read. */
    List<Map<String, AttributeValue>> index(String gsi1pk) {
        var request = QueryRequest.builder().tableName(name).indexName(Keys.GSI1)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Keys.GSI1PK))
                .expressionAttributeValues(Map.of(":pk", Item.s(gsi1pk)))
                .build();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.queryPaginator(request).items().forEach(items::add);
        return items;
    }

    /** A put of the whole item, unconditional. */
    TransactWriteItem put(Map<String, AttributeValue> item) {
        return put(item, null, Map.of(), Map.of());
    }

    /** A put of the whole item, only where it does not exist yet. */
    TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return put(item, "attribute_not_exists(PK)", Map.of(), Map.of());
    }

    /** A put of the whole item, only where it is still at {@code version} (absent when 0). */
    TransactWriteItem putVersioned(Map<String, AttributeValue> item, long version) {
        return version == 0 ? putNew(item) : put(item, "version = :v", Map.of(), Map.of(":v", Item.n(version)));
    }

    TransactWriteItem put(Map<String, AttributeValue> item, String condition, Map<String, String> names,
                          Map<String, AttributeValue> values) {
        Put.Builder put = Put.builder().tableName(name).item(item);
        if (condition != null) {
            put.conditionExpression(condition);
        }
        if (!names.isEmpty()) {
            put.expressionAttributeNames(names);
        }
        if (!values.isEmpty()) {
            put.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    TransactWriteItem update(String pk, String sk, String expression, String condition, Map<String, String> names,
                             Map<String, AttributeValue> values) {
        Update.Builder update = Update.builder().tableName(name).key(key(pk, sk)).updateExpression(expression)
                .conditionExpression(condition).expressionAttributeValues(values);
        if (!names.isEmpty()) {
            update.expressionAttributeNames(names);
        }
        return TransactWriteItem.builder().update(update.build()).build();
    }

    /** A delete of the item, unconditional (nothing to delete is no failure). */
    TransactWriteItem delete(String pk, String sk) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(name).key(key(pk, sk)).build()).build();
    }

    /** A delete of the item, only where {@code condition} holds. */
    TransactWriteItem deleteIf(String pk, String sk, String condition, Map<String, String> names,
                               Map<String, AttributeValue> values) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(name).key(key(pk, sk))
                .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
                .build()).build();
    }

    /** A condition on an item the transaction does not write. */
    TransactWriteItem check(String pk, String sk, String condition, Map<String, String> names,
                            Map<String, AttributeValue> values) {
        ConditionCheck.Builder check = ConditionCheck.builder().tableName(name).key(key(pk, sk))
                .conditionExpression(condition).expressionAttributeValues(values);
        if (!names.isEmpty()) {
            check.expressionAttributeNames(names);
        }
        return TransactWriteItem.builder().conditionCheck(check.build()).build();
    }

    /** One conditional update on its own, outside any transaction; false when its condition failed. */
    boolean updateIf(String pk, String sk, String expression, String condition, Map<String, String> names,
                     Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(r -> {
                r.tableName(name).key(key(pk, sk)).updateExpression(expression).conditionExpression(condition)
                        .expressionAttributeValues(values);
                if (!names.isEmpty()) {
                    r.expressionAttributeNames(names);
                }
            });
            return true;
        } catch (ConditionalCheckFailedException failed) {
            return false;
        }
    }

    /**
     * All the writes or none.
     *
     * @throws TransactionCanceledException a condition failed (or another transaction held an item); its reasons
     *                                      come in the order of {@code writes}
     */
    void transact(List<TransactWriteItem> writes) {
        dynamo.transactWriteItems(r -> r.transactItems(writes));
    }

    static List<CancellationReason> reasons(TransactionCanceledException e) {
        return e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
    }

    /** Whether the write at {@code index} of a cancelled transaction failed its own condition. */
    static boolean failedCondition(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = reasons(e);
        return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    /** The cancellation reasons' codes, for an error message. */
    static String codes(TransactionCanceledException e) {
        List<String> codes = new ArrayList<>();
        for (CancellationReason r : reasons(e)) {
            codes.add(r.code());
        }
        return String.join(",", codes);
    }
}
