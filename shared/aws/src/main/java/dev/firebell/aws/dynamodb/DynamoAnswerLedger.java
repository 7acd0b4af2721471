package dev.firebell.aws.dynamodb;

import dev.firebell.answer.AnswerLedger;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Answers that act once: a conditional put of {@code ANSWER#<key>} claims the key; the item leaves through TTL once
 * nobody can present the key again (a link past its expiry, an SMS past its redeliveries).
 */
public final class DynamoAnswerLedger implements AnswerLedger {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAnswerLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean claim(String key, Instant keepUntil) {
        try {
            dynamo.putItem(r -> r.tableName(table)
                    .item(Item.builder().str(Keys.PK, Keys.answer(key)).str(Keys.SK, Keys.ANSWER_SK)
                            .str("type", "answer").num("expiresAt", keepUntil.getEpochSecond()).build())
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK)));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public void release(String key) {
        dynamo.deleteItem(r -> r.tableName(table).key(Map.of(Keys.PK, Item.s(Keys.answer(key)),
                Keys.SK, Item.s(Keys.ANSWER_SK))));
    }
}
