package dev.firebell.function.chat;

import dev.firebell.chat.slack.SlackEndpoint;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Deferred commands run once: a conditional put of {@code CHATJOB#<signature>} before running. SNS and Lambda's
 * asynchronous invoke each deliver at least once, and a second {@code declare} would open a second incident and
 * page twice. The
 * signature names one request: Slack's body carries a {@code trigger_id} unique to it.
 * Items expire after a day (TTL); signatures older than five minutes are refused anyway.
 */
final class DynamoJobLedger implements SlackEndpoint.JobLedger {

    static final Duration RETENTION = Duration.ofDays(1);

    private final DynamoDbClient dynamo;
    private final String table;
    private final InstantSource clock;

    DynamoJobLedger(DynamoDbClient dynamo, String table, InstantSource clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public boolean claim(String key) {
        var now = clock.instant();
        try {
            dynamo.putItem(r -> r.tableName(table)
                    .item(Map.of(
                            "PK", AttributeValue.fromS("CHATJOB#" + key),
                            "SK", AttributeValue.fromS("CHATJOB"),
                            "type", AttributeValue.fromS("chatjob"),
                            "claimedAt", AttributeValue.fromS(now.toString()),
                            "expiresAt", AttributeValue.fromN(Long.toString(now.plus(RETENTION).getEpochSecond()))))
                    .conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException alreadyClaimed) {
            return false;
        }
    }
}
