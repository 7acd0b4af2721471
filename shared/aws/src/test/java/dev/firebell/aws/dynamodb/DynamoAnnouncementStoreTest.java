package dev.firebell.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.announcement.AnnouncementStore;
import dev.firebell.announcement.AnnouncementStoreContract;
import dev.firebell.announcement.MessageRef;
import dev.firebell.announcement.Revision;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB store keeps the announcement store contract, on the emulator through the real SDK; the in-memory store
 * the domain's tests use keeps the same one. Each test starts on an empty table.
 */
@LocalStackTest
class DynamoAnnouncementStoreTest extends AnnouncementStoreContract {

    private final LocalStack local;
    private final String table;

    DynamoAnnouncementStoreTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.table = resources.tableName("FirebellTable");
    }

    @Override
    protected AnnouncementStore emptyStore() {
        local.emptyTable(table);
        return new DynamoAnnouncementStore(local.dynamoDb(), table);
    }

    @Test
    void theItem_shouldSitBesideItsIncident_withTheKeysDocumented() {
        store.claim("7", "C0CHECKOUT", T0, T0.plusSeconds(60), "token");
        store.posted("7", "token", new MessageRef("C0CHECKOUT", "1765357200.000100"), new Revision(3, 1), T0);

        Map<String, AttributeValue> item = local.dynamoDb().getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("PK", AttributeValue.fromS("INCIDENT#7"), "SK", AttributeValue.fromS("ANNOUNCEMENT"))))
                .item();
        assertThat(item).containsEntry("type", AttributeValue.fromS("announcement"))
                .containsEntry("channel", AttributeValue.fromS("C0CHECKOUT"))
                .containsEntry("messageTs", AttributeValue.fromS("1765357200.000100"))
                .containsEntry("incidentVersion", AttributeValue.fromN("3"))
                .containsEntry("escalationVersion", AttributeValue.fromN("1"))
                .containsEntry("leaseUntil", AttributeValue.fromN(Long.toString(T0.plusSeconds(60).toEpochMilli())))
                .doesNotContainKeys("GSI1PK", "GSI2PK", "GSI3PK", "expiresAt");
    }
}
