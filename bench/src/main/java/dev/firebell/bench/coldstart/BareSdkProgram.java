package dev.firebell.bench.coldstart;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The baseline Firebell is measured against: the same two AWS calls an alarm costs at minimum (write
 * the incident, publish the page) with the same HTTP client, and nothing else.
 */
public final class BareSdkProgram {
    private BareSdkProgram() {
    }

    public static void main(String[] args) {
        long main = System.currentTimeMillis();
        String table = System.getenv("TABLE_NAME");
        String topic = System.getenv("PAGE_TOPIC_ARN");
        String id = "bare-" + System.nanoTime();
        try (DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
             SnsClient sns = SnsClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            long built = System.currentTimeMillis();
            dynamo.putItem(r -> r.tableName(table).item(Map.of(
                    "PK", AttributeValue.fromS("BARE#" + id), "SK", AttributeValue.fromS("BARE"),
                    "at", AttributeValue.fromS(Instant.now().toString()))));
            String messageId = sns.publish(r -> r.topicArn(topic).message("bare " + id)).messageId();
            System.out.println("published " + messageId);
            String launchedAt = System.getProperty("probe.launchedAt");
            if (launchedAt != null) {
                System.out.println("probe-phases jvm=" + (main - Long.parseLong(launchedAt)) + " init=" + (built - main)
                        + " event=" + (System.currentTimeMillis() - built));
            }
            if (Boolean.getBoolean("probe.second")) {
                long start = System.currentTimeMillis();
                dynamo.putItem(r -> r.tableName(table).item(Map.of(
                        "PK", AttributeValue.fromS("BARE#" + id + "-again"), "SK", AttributeValue.fromS("BARE"),
                        "at", AttributeValue.fromS(Instant.now().toString()))));
                sns.publish(r -> r.topicArn(topic).message("bare again " + id));
                System.out.println("probe-second " + (System.currentTimeMillis() - start));
            }
        }
    }
}
