package dev.firebell.aws.dynamodb;

import dev.firebell.aws.Json;
import dev.firebell.config.ConfigBinder;
import dev.firebell.config.ConfigException;
import dev.firebell.config.ConfigSource;
import dev.firebell.config.FirebellConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The configuration in DynamoDB. Each apply writes a complete new version (one item per service,
 * person, rotation...) and then flips the {@code CONFIG/CURRENT} pointer with a conditional write,
 * so readers switch from one whole version to the next, never see half of one, and earlier versions
 * stay as an audit trail. The pointer also carries the whole version as one JSON document when it is
 * small enough ({@value #INLINE_LIMIT} bytes, gzipped when larger: thousands of heartbeat monitors), so a function
 * reads its configuration with one GetItem
 * (a pointer without it, from an older apply or a huge configuration, is followed by a Query of the
 * version's items). Functions cache what they read for a short time.
 */
public final class DynamoConfigStore implements ConfigSource {

    /** Well under DynamoDB's 400 KB item limit, with room for the pointer's other attributes. */
    static final int INLINE_LIMIT = 300_000;

    private final DynamoDbClient dynamo;
    private final String table;
    private final InstantSource clock;
    private final Duration cacheFor;
    private final ConfigBinder binder = new ConfigBinder();

    private FirebellConfig cached;
    private Instant cachedAt;

    public DynamoConfigStore(DynamoDbClient dynamo, String table, InstantSource clock, Duration cacheFor) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.cacheFor = cacheFor;
    }

    DynamoDbClient dynamo() {
        return dynamo;
    }

    String table() {
        return table;
    }

    /**
     * The configuration in force. Before any apply that is the empty configuration (every alarm to the
     * default route). A stored version that no longer binds (edited by hand) keeps the last good one.
     */
    @Override
    public synchronized FirebellConfig current() {
        Instant now = clock.instant();
        if (!stale(now)) {
            return cached;
        }
        cache(() -> storedDocument(), now);
        return cached;
    }

    /** Whether {@link #current()} would read the table at {@code now}: nothing cached, or cached too long ago. */
    synchronized boolean stale(Instant now) {
        return cached == null || !now.isBefore(cachedAt.plus(cacheFor));
    }

    /**
     * The pointer item ({@code null}: none), read strongly consistent at {@code readAt} by another store in the same
     * request as its own items (ADR 0055): cached as {@link #current()} would have cached it. A pointer without its
     * document (a configuration over {@value #INLINE_LIMIT} bytes) is left for {@link #current()} to follow.
     */
    synchronized void accept(Map<String, AttributeValue> pointer, Instant readAt) {
        if (pointer == null || pointer.containsKey("doc")) {
            cache(() -> documentOf(pointer), readAt);
        }
    }

    private void cache(java.util.function.Supplier<Map<String, Object>> document, Instant readAt) {
        try {
            cached = binder.bind(document.get());
        } catch (ConfigException e) {
            if (cached == null) {
                throw e;
            }
        }
        cachedAt = readAt;
    }

    static Map<String, AttributeValue> pointerKey() {
        return Table.key(Keys.CONFIG_POINTER, Keys.CONFIG_POINTER_SK);
    }

    /** The stored configuration as one document, as a file would hold it. */
    public Map<String, Object> storedDocument() {
        return documentOf(pointer());
    }

    private Map<String, Object> documentOf(Map<String, AttributeValue> pointer) {
        if (pointer != null && (pointer.containsKey("doc") || pointer.containsKey("docGzip"))) {
            try {
                String text = pointer.containsKey("doc") ? pointer.get("doc").s()
                        : gunzip(pointer.get("docGzip").b().asByteArray());
                @SuppressWarnings("unchecked")
                Map<String, Object> inline = (Map<String, Object>) Json.read(text);
                return inline;
            } catch (IOException e) {
                throw new UncheckedIOException("the configuration pointer's document is not JSON", e);
            }
        }
        long version = versionOf(pointer);
        return assemble(version == 0 ? Map.of() : items(version));
    }

    /** What {@link #apply} would change, item by item. */
    public List<ConfigChange> diff(Map<String, Object> document) {
        return diff(storedItems(), split(document));
    }

    /**
     * Validates and stores a configuration; applying the same document again changes nothing.
     *
     * @throws ConfigException if the document is invalid: then nothing is written
     */
    public List<ConfigChange> apply(Map<String, Object> document, String appliedBy) {
        FirebellConfig bound = binder.bind(document);
        // Overrides and maintenance windows an older deployment kept elsewhere move to where one Query reads them.
        new OnCallPartition(dynamo, table).migrate(OnCallPartition.sourcesOf(bound),
                dev.firebell.maintenance.MaintenanceCalendar.knownServices(bound), clock.instant());
        Map<String, Object> wanted = split(document);
        long version = currentVersion();
        List<ConfigChange> changes = diff(version == 0 ? Map.of() : items(version), wanted);
        if (changes.isEmpty()) {
            return changes;
        }
        long next = version + 1;
        List<WriteRequest> puts = new ArrayList<>();
        wanted.forEach((sk, doc) -> puts.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                Keys.PK, Item.s(Keys.config(next)), Keys.SK, Item.s(sk),
                "type", Item.s("config"), "doc", Item.s(Json.write(doc)))).build()).build()));
        for (int i = 0; i < puts.size(); i += 25) {
            writeBatch(puts.subList(i, Math.min(puts.size(), i + 25)));
        }
        Map<String, AttributeValue> pointer = new java.util.HashMap<>(Map.of(Keys.PK, Item.s(Keys.CONFIG_POINTER),
                Keys.SK, Item.s(Keys.CONFIG_POINTER_SK), "type", Item.s("config-pointer"), "version", Item.n(next),
                "appliedAt", Item.s(clock.instant().toString()),
                "appliedBy", Item.s(appliedBy == null ? "unknown" : appliedBy)));
        // The same document a reader would assemble from the items (each item through JSON, in item order).
        String inline = Json.write(assemble(normaliseItems(wanted)));
        byte[] utf8 = inline.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (utf8.length <= INLINE_LIMIT) {
            pointer.put("doc", Item.s(inline));
        } else {
            // Thousands of heartbeat monitors make the document large but repetitive: compressed, it still fits.
            byte[] compressed = gzip(utf8);
            if (compressed.length <= INLINE_LIMIT) {
                pointer.put("docGzip", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(
                        compressed)));
            }
        }
        try {
            dynamo.putItem(r -> r.tableName(table)
                    .item(pointer)
                    .conditionExpression(version == 0 ? "attribute_not_exists(PK)" : "version = :v")
                    .expressionAttributeValues(version == 0 ? null : Map.of(":v", Item.n(version))));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("someone else applied a configuration at the same time; run again", e);
        }
        synchronized (this) {
            cached = null;
        }
        return changes;
    }

    private static byte[] gzip(byte[] data) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(data.length / 8 + 64);
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
            zip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String gunzip(byte[] data) throws IOException {
        try (java.util.zip.GZIPInputStream zip = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(data))) {
            return new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private void writeBatch(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        for (int attempt = 0; !pending.isEmpty() && attempt < 10; attempt++) {
            Map<String, List<WriteRequest>> request = pending;
            var result = dynamo.batchWriteItem(r -> r.requestItems(request));
            pending = result.hasUnprocessedItems() ? result.unprocessedItems() : Map.of();
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("DynamoDB left configuration items unprocessed after 10 attempts");
        }
    }

    public long currentVersion() {
        return versionOf(pointer());
    }

    private Map<String, AttributeValue> pointer() {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of(Keys.PK, Item.s(Keys.CONFIG_POINTER), Keys.SK, Item.s(Keys.CONFIG_POINTER_SK)))).item();
        return item == null || item.isEmpty() ? null : item;
    }

    private static long versionOf(Map<String, AttributeValue> pointer) {
        return pointer == null ? 0 : Long.parseLong(pointer.get("version").n());
    }

    private Map<String, Object> storedItems() {
        long version = currentVersion();
        return version == 0 ? Map.of() : items(version);
    }

    private Map<String, Object> items(long version) {
        Map<String, Object> out = new TreeMap<>();
        var request = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Keys.PK))
                .expressionAttributeValues(Map.of(":pk", Item.s(Keys.config(version))))
                .build();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(request).items()) {
            try {
                out.put(item.get(Keys.SK).s(), Json.read(item.get("doc").s()));
            } catch (IOException e) {
                throw new UncheckedIOException("stored configuration item " + item.get(Keys.SK).s() + " is not JSON", e);
            }
        }
        return out;
    }

    /** One item per named entity ({@code services#checkout}), one per other section ({@code routing}). */
    static Map<String, Object> split(Map<String, Object> document) {
        Map<String, Object> out = new TreeMap<>();
        if (document == null) {
            return out;
        }
        document.forEach((section, value) -> {
            if (ConfigBinder.NAMED_SECTIONS.contains(section) && value instanceof Map<?, ?> named) {
                named.forEach((name, doc) -> out.put(section + "#" + name, doc == null ? Map.of() : doc));
            } else if (value != null) {
                out.put(section, value);
            }
        });
        return out;
    }

    static Map<String, Object> assemble(Map<String, Object> items) {
        Map<String, Object> document = new LinkedHashMap<>();
        items.forEach((sk, doc) -> {
            int hash = sk.indexOf('#');
            if (hash < 0) {
                document.put(sk, doc);
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> section = (Map<String, Object>) document.computeIfAbsent(sk.substring(0, hash),
                        k -> new LinkedHashMap<String, Object>());
                section.put(sk.substring(hash + 1), doc);
            }
        });
        return document;
    }

    private static List<ConfigChange> diff(Map<String, Object> stored, Map<String, Object> wanted) {
        List<ConfigChange> changes = new ArrayList<>();
        wanted.forEach((item, doc) -> {
            Object before = stored.get(item);
            if (before == null) {
                changes.add(new ConfigChange(ConfigChange.Kind.ADDED, item.replace('#', '/'), null, doc));
            } else if (!normalise(before).equals(normalise(doc))) {
                changes.add(new ConfigChange(ConfigChange.Kind.CHANGED, item.replace('#', '/'), before, doc));
            }
        });
        stored.forEach((item, doc) -> {
            if (!wanted.containsKey(item)) {
                changes.add(new ConfigChange(ConfigChange.Kind.REMOVED, item.replace('#', '/'), doc, null));
            }
        });
        return changes;
    }

    /** Each item's document as JSON gives it back. */
    private static Map<String, Object> normaliseItems(Map<String, Object> items) {
        Map<String, Object> out = new TreeMap<>();
        items.forEach((sk, doc) -> out.put(sk, normalise(doc)));
        return out;
    }

    /** Compares documents as JSON would store them (a YAML 15 and a stored 15 are the same). */
    private static Object normalise(Object doc) {
        try {
            return Json.read(Json.write(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
