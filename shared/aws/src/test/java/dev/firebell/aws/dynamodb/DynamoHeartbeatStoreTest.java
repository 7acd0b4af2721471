package dev.firebell.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.heartbeat.HeartbeatStore;
import dev.firebell.heartbeat.HeartbeatStoreContract;
import dev.firebell.heartbeat.HeartbeatTokens;
import dev.firebell.heartbeat.MonitorRecord;
import dev.firebell.heartbeat.MonitorState;
import dev.firebell.heartbeat.PingKind;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The DynamoDB heartbeat store keeps the heartbeat store contract on the emulator through the real SDK, and writes the
 * keys docs/dynamodb-design.md gives it. Each test starts on an empty table.
 */
@LocalStackTest
class DynamoHeartbeatStoreTest extends HeartbeatStoreContract {

    private final LocalStack local;
    private final String table;

    DynamoHeartbeatStoreTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.table = resources.tableName("FirebellTable");
    }

    @Override
    protected HeartbeatStore emptyStore() {
        local.emptyTable(table);
        return new DynamoHeartbeatStore(local.dynamoDb(), table);
    }

    @Test
    void replace_shouldPutADueRecordInTheDueIndexByTime_andTakeItOutWhenItCannotExpire() {
        store.createToken("backup", "token-a");
        MonitorRecord read = store.record("backup");
        store.replace(read, new MonitorRecord("backup", MonitorState.UP, T0, PingKind.SUCCESS, T0.plusSeconds(3900),
                null, null, null, read.version()));

        Map<String, AttributeValue> item = item(Keys.heartbeat("backup"), Keys.HEARTBEAT_SK);
        assertThat(item.get(Keys.GSI1PK).s()).isEqualTo("HEARTBEAT#DUE");
        assertThat(item.get(Keys.GSI1SK).s()).isEqualTo("2026-12-01T10:05:00.000Z#backup");
        assertThat(item.get("tokenHash").s()).isEqualTo(HeartbeatTokens.hash("token-a"));

        MonitorRecord up = store.record("backup");
        store.replace(up, new MonitorRecord("backup", MonitorState.UP, T0, PingKind.SUCCESS, null, null, null, null,
                up.version()));
        Map<String, AttributeValue> out = item(Keys.heartbeat("backup"), Keys.HEARTBEAT_SK);
        assertThat(out).doesNotContainKeys(Keys.GSI1PK, Keys.GSI1SK, "dueAt");
        assertThat(out.get("token").s()).as("the token stays with the record").isEqualTo("token-a");
    }

    @Test
    void byTokenHash_shouldReadTwoItems_whetherTheTokenIsKnownOrNot() {
        store.createToken("backup", "token-a");
        CountingDynamo counting = new CountingDynamo(local.dynamoDb());
        DynamoHeartbeatStore counted = new DynamoHeartbeatStore(counting, table);

        counted.byTokenHash(HeartbeatTokens.hash("token-a"));
        int known = counting.getItems();
        counted.byTokenHash(HeartbeatTokens.hash("token-b"));

        assertThat(known).isEqualTo(2);
        assertThat(counting.getItems() - known).isEqualTo(2);
    }

    /** Counts the reads that reach DynamoDB. */
    private static final class CountingDynamo implements DynamoDbClient {
        private final DynamoDbClient delegate;
        private int getItems;

        CountingDynamo(DynamoDbClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public GetItemResponse getItem(GetItemRequest request) {
            getItems++;
            return delegate.getItem(request);
        }

        int getItems() {
            return getItems;
        }

        @Override
        public String serviceName() {
            return delegate.serviceName();
        }

        @Override
        public void close() {
        }
    }

    private Map<String, AttributeValue> item(String pk, String sk) {
        return local.dynamoDb().getItem(r -> r.tableName(table).key(Table.key(pk, sk))).item();
    }
}
