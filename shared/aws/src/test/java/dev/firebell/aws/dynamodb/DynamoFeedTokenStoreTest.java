package dev.firebell.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.calendar.FeedTokenStore;
import dev.firebell.calendar.FeedTokenStoreContract;
import dev.firebell.link.SecretTokens;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB feed token store keeps the feed token store contract on the emulator through the real SDK, and writes
 * the keys docs/dynamodb-design.md gives it. Each test starts on an empty table.
 */
@LocalStackTest
class DynamoFeedTokenStoreTest extends FeedTokenStoreContract {

    private final LocalStack local;
    private final String table;

    DynamoFeedTokenStoreTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.table = resources.tableName("FirebellTable");
    }

    @Override
    protected FeedTokenStore emptyStore() {
        local.emptyTable(table);
        return new DynamoFeedTokenStore(local.dynamoDb(), table);
    }

    @Test
    void create_shouldWriteTheSubjectItemWithItsToken_andALookupItemByTheTokensHashOnly() {
        store.create(ALICE, "token-a");

        Map<String, AttributeValue> subject = item("FEED#person:alice", "FEED");
        assertThat(subject.get("token").s()).isEqualTo("token-a");
        assertThat(subject.get("tokenHash").s()).isEqualTo(SecretTokens.hash("token-a"));
        Map<String, AttributeValue> lookup = item("FEEDTOKEN#" + SecretTokens.hash("token-a"), "FEEDTOKEN");
        assertThat(lookup.get("subject").s()).isEqualTo("person:alice");
        assertThat(lookup.values()).as("the lookup item never holds the token itself")
                .noneMatch(v -> "token-a".equals(v.s()));
    }

    @Test
    void replaceAndRevoke_shouldLeaveNoLookupItemOfAnOldToken() {
        store.create(ALICE, "token-a");
        store.replace(ALICE, "token-b");
        assertThat(item("FEEDTOKEN#" + SecretTokens.hash("token-a"), "FEEDTOKEN")).isEmpty();

        store.revoke(ALICE);

        assertThat(item("FEEDTOKEN#" + SecretTokens.hash("token-b"), "FEEDTOKEN")).isEmpty();
        assertThat(item("FEED#person:alice", "FEED")).isEmpty();
    }

    private Map<String, AttributeValue> item(String pk, String sk) {
        return local.dynamoDb().getItem(r -> r.tableName(table).key(Table.key(pk, sk))).item();
    }
}
