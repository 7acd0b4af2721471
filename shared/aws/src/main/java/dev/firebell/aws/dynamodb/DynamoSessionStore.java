package dev.firebell.aws.dynamodb;

import dev.firebell.session.SessionStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Console sessions and used sign-in links in the table (ADR 0120, 0121): signing in is one transaction, a conditional
 * put of {@code SIGNIN#<fingerprint>} (fails when the link was used) with the put of {@code SESSION#<fingerprint>};
 * checking a session is one strongly consistent GetItem; signing out deletes the session item. TTL removes both.
 */
public final class DynamoSessionStore implements SessionStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSessionStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean start(String linkFingerprint, Instant linkExpiresAt, StoredSession session) {
        Map<String, AttributeValue> used = Item.builder().str(Keys.PK, Keys.signIn(linkFingerprint))
                .str(Keys.SK, Keys.SIGN_IN_SK).str("type", "sign-in").str("personId", session.personId())
                .num("expiresAt", linkExpiresAt.getEpochSecond()).build();
        Map<String, AttributeValue> started = Item.builder().str(Keys.PK, Keys.session(session.key()))
                .str(Keys.SK, Keys.SESSION_SK).str("type", "session").str("personId", session.personId())
                .bool("reader", session.reader()).num("expiresAt", session.expiresAt().getEpochSecond()).build();
        try {
            new Table(dynamo, table).transact(List.of(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(used)
                            .conditionExpression("attribute_not_exists(#pk)")
                            .expressionAttributeNames(Map.of("#pk", Keys.PK)).build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(started)
                            .conditionExpression("attribute_not_exists(#pk)")
                            .expressionAttributeNames(Map.of("#pk", Keys.PK)).build()).build()));
            return true;
        } catch (TransactionCanceledException e) {
            if (Table.failedCondition(e, 0)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean linkUsed(String linkFingerprint) {
        return dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(key(Keys.signIn(linkFingerprint),
                Keys.SIGN_IN_SK))).hasItem();
    }

    @Override
    public Optional<StoredSession> find(String key) {
        var got = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(key(Keys.session(key),
                Keys.SESSION_SK)));
        if (!got.hasItem() || got.item().isEmpty()) {
            return Optional.empty();
        }
        Item item = Item.of(got.item());
        return Optional.of(new StoredSession(key, item.str("personId"), item.bool("reader"),
                Instant.ofEpochSecond(item.num("expiresAt", 0))));
    }

    @Override
    public void end(String key) {
        dynamo.deleteItem(r -> r.tableName(table).key(key(Keys.session(key), Keys.SESSION_SK)));
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(Keys.PK, Item.s(pk), Keys.SK, Item.s(sk));
    }
}
