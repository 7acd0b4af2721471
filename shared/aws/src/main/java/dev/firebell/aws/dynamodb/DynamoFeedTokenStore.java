package dev.firebell.aws.dynamodb;

import dev.firebell.calendar.FeedSubject;
import dev.firebell.calendar.FeedTokenStore;
import dev.firebell.link.SecretTokens;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Calendar feed tokens in the table (docs/adr/0124): the subject's item with its current token, and a lookup item per
 * token keyed by the token's SHA-256. Opening a feed reads the lookup item only (strongly consistent, so a replaced or
 * revoked token stops at once); every change writes both items in one transaction, the old lookup item deleted.
 */
public final class DynamoFeedTokenStore implements FeedTokenStore {

    private final Table table;

    public DynamoFeedTokenStore(DynamoDbClient dynamo, String table) {
        this.table = new Table(dynamo, table);
    }

    @Override
    public Optional<FeedSubject> subjectOf(String tokenHash) {
        Map<String, AttributeValue> lookup = table.get(Keys.feedToken(tokenHash), Keys.FEED_TOKEN_SK);
        String subject = lookup == null ? null : Item.of(lookup).str("subject");
        return subject == null ? Optional.empty() : Optional.of(FeedSubject.parse(subject));
    }

    @Override
    public Map<FeedSubject, String> tokens(Collection<FeedSubject> subjects) {
        Map<FeedSubject, String> out = new LinkedHashMap<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (FeedSubject s : subjects) {
            keys.add(Table.key(Keys.feed(s.key()), Keys.FEED_SK));
        }
        var items = table.getAll(keys);
        for (FeedSubject s : subjects) {
            Map<String, AttributeValue> item = items.get(Table.key(Keys.feed(s.key()), Keys.FEED_SK));
            if (item != null) {
                out.put(s, Item.of(item).str("token"));
            }
        }
        return out;
    }

    @Override
    public boolean create(FeedSubject subject, String token) {
        String hash = SecretTokens.hash(token);
        try {
            table.transact(List.of(table.putNew(subjectItem(subject, token, hash)), table.putNew(lookupItem(subject,
                    hash))));
            return true;
        } catch (TransactionCanceledException e) {
            if (Table.failedCondition(e, 0)) {
                return false;
            }
            throw new IllegalStateException("could not give " + subject + " a calendar token: " + Table.codes(e), e);
        }
    }

    @Override
    public void replace(FeedSubject subject, String token) {
        Map<String, AttributeValue> item = table.get(Keys.feed(subject.key()), Keys.FEED_SK);
        if (item == null) {
            if (!create(subject, token)) {
                throw new IllegalStateException(subject + " got a calendar token meanwhile; replace it again");
            }
            return;
        }
        String old = Item.of(item).str("tokenHash");
        String hash = SecretTokens.hash(token);
        try {
            table.transact(List.of(
                    table.update(Keys.feed(subject.key()), Keys.FEED_SK, "SET #token = :token, #hash = :hash",
                            "#hash = :old", Map.of("#token", "token", "#hash", "tokenHash"),
                            Map.of(":token", Item.s(token), ":hash", Item.s(hash), ":old", Item.s(old))),
                    table.delete(Keys.feedToken(old), Keys.FEED_TOKEN_SK),
                    table.putNew(lookupItem(subject, hash))));
        } catch (TransactionCanceledException e) {
            throw new IllegalStateException(subject + "'s calendar token changed meanwhile; replace it again ("
                    + Table.codes(e) + ")", e);
        }
    }

    @Override
    public boolean revoke(FeedSubject subject) {
        Map<String, AttributeValue> item = table.get(Keys.feed(subject.key()), Keys.FEED_SK);
        if (item == null) {
            return false;
        }
        String old = Item.of(item).str("tokenHash");
        try {
            // Only the token read: a token given meanwhile is never left working without its subject item.
            table.transact(List.of(table.deleteIf(Keys.feed(subject.key()), Keys.FEED_SK, "#hash = :old",
                            Map.of("#hash", "tokenHash"), Map.of(":old", Item.s(old))),
                    table.delete(Keys.feedToken(old), Keys.FEED_TOKEN_SK)));
        } catch (TransactionCanceledException e) {
            throw new IllegalStateException(subject + "'s calendar token changed meanwhile; revoke it again ("
                    + Table.codes(e) + ")", e);
        }
        return true;
    }

    private static Map<String, AttributeValue> subjectItem(FeedSubject subject, String token, String hash) {
        return Item.builder().str(Keys.PK, Keys.feed(subject.key())).str(Keys.SK, Keys.FEED_SK).str("type", "feed")
                .str("subject", subject.key()).str("token", token).str("tokenHash", hash).build();
    }

    private static Map<String, AttributeValue> lookupItem(FeedSubject subject, String hash) {
        return Item.builder().str(Keys.PK, Keys.feedToken(hash)).str(Keys.SK, Keys.FEED_TOKEN_SK)
                .str("type", "feedToken").str("subject", subject.key()).build();
    }

}
