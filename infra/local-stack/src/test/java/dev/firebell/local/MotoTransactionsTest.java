package dev.firebell.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The emulator's TransactWriteItems, which MotoServer replaces so that a transaction no longer copies the whole table:
 * all or nothing, with DynamoDB's cancellation reasons, on a table with a stream like FirebellTable.
 */
class MotoTransactionsTest {

    private static LocalStack local;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        local = LocalStack.start();
        dynamo = local.dynamoDb();
        dynamo.createTable(r -> r.tableName("t").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("PK").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("PK").keyType(KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Test
    void transaction_shouldWriteEveryAction_whenEveryConditionHolds() {
        dynamo.transactWriteItems(r -> r.transactItems(
                put("a1", "attribute_not_exists(PK)"), put("a2", null), update("a3", "attribute_not_exists(PK)")));

        assertThat(get("a1")).containsEntry("v", AttributeValue.fromS("a1"));
        assertThat(get("a2")).containsEntry("v", AttributeValue.fromS("a2"));
        assertThat(get("a3")).containsEntry("n", AttributeValue.fromN("1"));
    }

    @Test
    void transaction_shouldWriteNothing_andGiveEachActionsReason_whenOneConditionFails() {
        dynamo.putItem(r -> r.tableName("t").item(Map.of("PK", AttributeValue.fromS("b2"), "v", AttributeValue.fromS("old"))));

        assertThatThrownBy(() -> dynamo.transactWriteItems(r -> r.transactItems(
                put("b1", "attribute_not_exists(PK)"), put("b2", "attribute_not_exists(PK)"), update("b3", null))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.cancellationReasons()).extracting(c -> c.code())
                            .containsExactly("None", "ConditionalCheckFailed", "None");
                    assertThat(e.cancellationReasons().get(1).item()).containsEntry("v", AttributeValue.fromS("old"));
                });

        assertThat(get("b1")).isEmpty();
        assertThat(get("b2")).containsEntry("v", AttributeValue.fromS("old"));
        assertThat(get("b3")).isEmpty();
    }

    @Test
    void transaction_shouldBeRefused_whenTwoActionsTouchOneItem() {
        assertThatThrownBy(() -> dynamo.transactWriteItems(r -> r.transactItems(put("c1", null), update("c1", null))))
                .hasMessageContaining("multiple operations on one item");
        assertThat(get("c1")).isEmpty();
    }

    private static TransactWriteItem put(String pk, String condition) {
        Put.Builder put = Put.builder().tableName("t")
                .item(Map.of("PK", AttributeValue.fromS(pk), "v", AttributeValue.fromS(pk)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        if (condition != null) {
            put.conditionExpression(condition);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private static TransactWriteItem update(String pk, String condition) {
        Update.Builder update = Update.builder().tableName("t").key(Map.of("PK", AttributeValue.fromS(pk)))
                .updateExpression("ADD n :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")));
        if (condition != null) {
            update.conditionExpression(condition);
        }
        return TransactWriteItem.builder().update(update.build()).build();
    }

    private static Map<String, AttributeValue> get(String pk) {
        return dynamo.getItem(r -> r.tableName("t").consistentRead(true).key(Map.of("PK", AttributeValue.fromS(pk))))
                .item();
    }
}
