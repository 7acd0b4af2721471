package dev.firebell.aws.dynamodb;

import dev.firebell.answer.ReplyRateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A fixed-window counter per phone number: one conditional {@code ADD} on {@code REPLIES#<number>} /
 * {@code WINDOW#<start>}, refused once the window holds {@code max}. The item expires (TTL) a window after its own,
 * so the table keeps no history of who replied.
 */
public final class DynamoReplyRateLimit implements ReplyRateLimit {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoReplyRateLimit(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean allow(String number, Instant now, Duration window, int max) {
        long size = window.getSeconds();
        Instant start = Instant.ofEpochSecond(now.getEpochSecond() - Math.floorMod(now.getEpochSecond(), size));
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(Map.of(Keys.PK, Item.s(Keys.replies(number)), Keys.SK, Item.s(Keys.window(start))))
                    .updateExpression("ADD #count :one SET #type = :type, #expires = :expires")
                    .conditionExpression("attribute_not_exists(#count) OR #count < :max")
                    .expressionAttributeNames(Map.of("#count", "count", "#type", "type", "#expires", "expiresAt"))
                    .expressionAttributeValues(Map.of(":one", Item.n(1), ":max", Item.n(max),
                            ":type", Item.s("replyWindow"), ":expires", Item.n(start.plus(window).plus(window)
                                    .getEpochSecond()))));
            return true;
        } catch (ConditionalCheckFailedException full) {
            return false;
        }
    }
}
