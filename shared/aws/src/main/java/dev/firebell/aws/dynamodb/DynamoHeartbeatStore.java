package dev.firebell.aws.dynamodb;

import dev.firebell.heartbeat.DownCause;
import dev.firebell.heartbeat.HeartbeatStore;
import dev.firebell.heartbeat.HeartbeatTokens;
import dev.firebell.heartbeat.MonitorRecord;
import dev.firebell.heartbeat.MonitorState;
import dev.firebell.heartbeat.PingKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Heartbeat monitors in the table (docs/dynamodb-design.md): the monitor's record with its token, and a lookup item
 * per token keyed by the token's SHA-256. A ping reads two items whether its token is known or not (an unknown one
 * reads a key that never exists), and writes the record only when the rules say so, on the version it read. While a
 * monitor can expire its record sits in GSI1's {@code HEARTBEAT#DUE} partition sorted by due time, which the sweep
 * queries up to now: work in proportion to what is due, never to how many monitors exist.
 */
public final class DynamoHeartbeatStore implements HeartbeatStore {

    /** Never written: what an unknown token's second read asks for, so that it costs what a known one costs. */
    static final String NOBODY = Keys.heartbeat("~");

    private final Table table;

    public DynamoHeartbeatStore(DynamoDbClient dynamo, String table) {
        this.table = new Table(dynamo, table);
    }

    /** The monitors in the table a configuration is stored in: what {@code config apply} gives tokens. */
    public static DynamoHeartbeatStore besides(DynamoConfigStore config) {
        return new DynamoHeartbeatStore(config.dynamo(), config.table());
    }

    @Override
    public Optional<MonitorRecord> byTokenHash(String tokenHash) {
        Map<String, AttributeValue> lookup = table.get(Keys.pingToken(tokenHash), Keys.PING_TOKEN_SK);
        String name = lookup == null ? null : Item.of(lookup).str("monitor");
        Map<String, AttributeValue> item = table.get(name == null ? NOBODY : Keys.heartbeat(name), Keys.HEARTBEAT_SK);
        // A record whose token moved on since the lookup was read is not this token's.
        if (item == null || !tokenHash.equals(Item.of(item).str("tokenHash"))) {
            return Optional.empty();
        }
        return Optional.of(record(item));
    }

    @Override
    public MonitorRecord record(String name) {
        Map<String, AttributeValue> item = table.get(Keys.heartbeat(name), Keys.HEARTBEAT_SK);
        return item == null ? MonitorRecord.fresh(name) : record(item);
    }

    @Override
    public boolean replace(MonitorRecord current, MonitorRecord next) {
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        assign("state", next.state().name(), set, remove, names, values);
        assign("lastPingAt", text(next.lastPingAt()), set, remove, names, values);
        assign("lastPingKind", next.lastPingKind() == null ? null : next.lastPingKind().name(), set, remove, names,
                values);
        assign("dueAt", text(next.dueAt()), set, remove, names, values);
        assign("downSince", text(next.downSince()), set, remove, names, values);
        assign("cause", next.cause() == null ? null : next.cause().name(), set, remove, names, values);
        assign("alarmAt", text(next.alarmAt()), set, remove, names, values);
        boolean due = next.dueAt() != null;
        assign(Keys.GSI1PK, due ? Keys.DUE_HEARTBEATS_PARTITION : null, set, remove, names, values);
        assign(Keys.GSI1SK, due ? Keys.sortable(next.dueAt()) + "#" + next.name() : null, set, remove, names, values);
        names.put("#version", "version");
        values.put(":next", Item.n(current.version() + 1));
        values.put(":v", Item.n(current.version()));
        set.add("#version = :next");
        String expression = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        return table.updateIf(Keys.heartbeat(current.name()), Keys.HEARTBEAT_SK, expression, "#version = :v", names,
                values);
    }

    @Override
    public List<MonitorRecord> due(Instant now, int limit) {
        List<MonitorRecord> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : table.index(Keys.DUE_HEARTBEATS_PARTITION, Keys.dueBy(now), limit)) {
            out.add(record(item));
        }
        return out;
    }

    @Override
    public Optional<Instant> nextDue() {
        List<Map<String, AttributeValue>> first = table.index(Keys.DUE_HEARTBEATS_PARTITION, null, 1);
        return first.isEmpty() ? Optional.empty() : Optional.ofNullable(Item.of(first.get(0)).instant("dueAt"));
    }

    @Override
    public Optional<String> token(String name) {
        Map<String, AttributeValue> item = table.get(Keys.heartbeat(name), Keys.HEARTBEAT_SK);
        return item == null ? Optional.empty() : Optional.ofNullable(Item.of(item).str("token"));
    }

    @Override
    public boolean createToken(String name, String token) {
        String hash = HeartbeatTokens.hash(token);
        Map<String, AttributeValue> record = Item.builder()
                .str(Keys.PK, Keys.heartbeat(name)).str(Keys.SK, Keys.HEARTBEAT_SK).str("type", "heartbeat")
                .str("name", name).str("token", token).str("tokenHash", hash).str("state", MonitorState.NEW.name())
                .num("version", 1).build();
        try {
            table.transact(List.of(table.putNew(record), table.putNew(tokenItem(name, hash))));
            return true;
        } catch (TransactionCanceledException e) {
            if (Table.failedCondition(e, 0)) {
                return false;
            }
            throw new IllegalStateException("could not give monitor " + name + " a token: " + Table.codes(e), e);
        }
    }

    @Override
    public void rotateToken(String name, String token) {
        Map<String, AttributeValue> item = table.get(Keys.heartbeat(name), Keys.HEARTBEAT_SK);
        if (item == null) {
            throw new IllegalArgumentException("monitor " + name + " has no token to rotate (run config apply first)");
        }
        String old = Item.of(item).str("tokenHash");
        String hash = HeartbeatTokens.hash(token);
        try {
            table.transact(List.of(
                    table.update(Keys.heartbeat(name), Keys.HEARTBEAT_SK, "SET #token = :token, #hash = :hash",
                            "#hash = :old", Map.of("#token", "token", "#hash", "tokenHash"),
                            Map.of(":token", Item.s(token), ":hash", Item.s(hash), ":old", Item.s(old))),
                    table.delete(Keys.pingToken(old), Keys.PING_TOKEN_SK),
                    table.putNew(tokenItem(name, hash))));
        } catch (TransactionCanceledException e) {
            throw new IllegalStateException("monitor " + name + "'s token changed meanwhile; run rotate again ("
                    + Table.codes(e) + ")", e);
        }
    }

    @Override
    public void remove(String name) {
        Map<String, AttributeValue> item = table.get(Keys.heartbeat(name), Keys.HEARTBEAT_SK);
        if (item == null) {
            return;
        }
        table.transact(List.of(table.delete(Keys.heartbeat(name), Keys.HEARTBEAT_SK),
                table.delete(Keys.pingToken(Item.of(item).str("tokenHash")), Keys.PING_TOKEN_SK)));
    }

    @Override
    public List<String> names() {
        var request = QueryRequest.builder().tableName(table.name()).indexName(Keys.GSI2)
                .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", Keys.GSI2PK))
                .expressionAttributeValues(Map.of(":pk", Item.s(Keys.ALL_HEARTBEATS_PARTITION))).build();
        List<String> names = new ArrayList<>();
        table.dynamo().queryPaginator(request).items().forEach(i -> names.add(Item.of(i).str("monitor")));
        return names;
    }

    private Map<String, AttributeValue> tokenItem(String name, String hash) {
        return Item.builder().str(Keys.PK, Keys.pingToken(hash)).str(Keys.SK, Keys.PING_TOKEN_SK)
                .str("type", "pingToken").str("monitor", name)
                .str(Keys.GSI2PK, Keys.ALL_HEARTBEATS_PARTITION).str(Keys.GSI2SK, name).build();
    }


    private static MonitorRecord record(Map<String, AttributeValue> values) {
        Item i = Item.of(values);
        return new MonitorRecord(i.str("name"), MonitorState.valueOf(i.str("state")), i.instant("lastPingAt"),
                i.str("lastPingKind") == null ? null : PingKind.valueOf(i.str("lastPingKind")), i.instant("dueAt"),
                i.instant("downSince"), i.str("cause") == null ? null : DownCause.valueOf(i.str("cause")),
                i.instant("alarmAt"), i.num("version", 0));
    }

    private static void assign(String attribute, String value, List<String> set, List<String> remove,
                               Map<String, String> names, Map<String, AttributeValue> values) {
        String name = "#a" + names.size();
        names.put(name, attribute);
        if (value == null) {
            remove.add(name);
        } else {
            values.put(":a" + names.size(), Item.s(value));
            set.add(name + " = :a" + names.size());
        }
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
