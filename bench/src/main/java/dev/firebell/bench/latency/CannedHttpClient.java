package dev.firebell.bench.latency;

import dev.firebell.aws.Json;
import dev.firebell.bench.latency.DynamoExpressions.Placeholders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An {@link SdkHttpClient} that answers from memory what DynamoDB, Secrets Manager and SNS would, so a benchmark
 * measures Firebell and the SDK's own work (building, signing, marshalling, unmarshalling) and no network.
 * <ul>
 *   <li>DynamoDB: one table keyed by {@code PK}/{@code SK} whose indexes {@code GSIn} are keyed by
 *       {@code GSInPK}/{@code GSInSK} (sparse: an item without both is not in the index), as template.yaml declares.
 *       GetItem, BatchGetItem, PutItem, DeleteItem, UpdateItem, Query (table or index, key condition, filter, order,
 *       Limit, paging), BatchWriteItem and TransactWriteItems, with condition and update expressions evaluated
 *       ({@link DynamoExpressions}); a failed condition is DynamoDB's error (ConditionalCheckFailedException, or
 *       TransactionCanceledException with its cancellation reasons, the old item when asked for), a transaction
 *       touching one item twice is a ValidationException; every read is strongly consistent.</li>
 *   <li>Secrets Manager: GetSecretValue of the current version of a secret put with {@link #putSecret}, else
 *       (another stage, such as the AWSPREVIOUS of a secret never rotated, or another secret)
 *       ResourceNotFoundException.</li>
 *   <li>SNS: Publish answers a message id.</li>
 *   <li>S3 (a versioned bucket, read only): ListObjectVersions of a key prefix (one page) and GetObject of a key, its
 *       latest or a given version, of objects put with {@link #putObjectVersion}; an unknown key or version is S3's
 *       404 (NoSuchKey, NoSuchVersion).</li>
 * </ul>
 * Anything it does not model fails the call loudly instead of answering wrongly. Writes after {@link #freeze()}
 * are kept apart and dropped by {@link #forgetWrites()}, so a benchmark operation can start from the same state
 * every time; {@link #answered()} counts the calls answered.
 */
final class CannedHttpClient implements SdkHttpClient {

    private static final String DYNAMODB = "DynamoDB_20120810.";
    private static final String SECRETS_MANAGER = "secretsmanager.";
    /** In the overlay: an item deleted since {@link #freeze()}. */
    private static final Map<String, Object> DELETED = Collections.unmodifiableMap(new HashMap<>());

    private final Map<String, Map<String, Object>> base = new HashMap<>();
    private final Map<String, Map<String, Object>> writes = new HashMap<>();
    private final Map<String, String> secrets = new HashMap<>();
    private final Map<String, Integer> answered = new TreeMap<>();
    /** S3 objects by bucket and key ({@code bucket/key}), their versions oldest first. */
    private final Map<String, List<ObjectVersion>> objects = new HashMap<>();
    private boolean frozen;

    /** Items written from now on are kept apart, and dropped by {@link #forgetWrites()}. */
    synchronized void freeze() {
        frozen = true;
    }

    synchronized void forgetWrites() {
        writes.clear();
    }

    /** The current value of a Secrets Manager secret, found by its name. */
    synchronized void putSecret(String name, String value) {
        secrets.put(name, value);
    }

    /** A new version of an S3 object in a versioned bucket, saved at {@code savedAt}: its latest from now on. */
    synchronized void putObjectVersion(String bucket, String key, String versionId, Instant savedAt, String text) {
        objects.computeIfAbsent(bucket + "/" + key, k -> new ArrayList<>())
                .add(new ObjectVersion(key, versionId, savedAt, text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Calls answered since the last call of this, per service and operation ({@code DynamoDB.GetItem}, ...). */
    synchronized Map<String, Integer> answered() {
        Map<String, Integer> out = new TreeMap<>(answered);
        answered.clear();
        return out;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                byte[] body;
                if (request.contentStreamProvider().isPresent()) {
                    try (InputStream in = request.contentStreamProvider().get().newStream()) {
                        body = in.readAllBytes();
                    }
                } else {
                    body = new byte[0];
                }
                String text = new String(body, StandardCharsets.UTF_8);
                String host = request.httpRequest().host();
                if (host.startsWith("s3.") || host.contains(".s3.")) {
                    return s3(request.httpRequest());
                }
                String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
                if (target.startsWith(DYNAMODB)) {
                    return dynamoDb(target.substring(DYNAMODB.length()), Json.readObject(text));
                }
                if (target.startsWith(SECRETS_MANAGER)) {
                    return secretsManager(target.substring(SECRETS_MANAGER.length()), Json.readObject(text));
                }
                Map<String, String> form = form(text);
                if ("Publish".equals(form.get("Action")) && form.containsKey("TopicArn") && form.containsKey("Message")) {
                    count("SNS.Publish");
                    return response(200, "text/xml", "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
                            + "<PublishResult><MessageId>" + UUID.randomUUID() + "</MessageId></PublishResult>"
                            + "<ResponseMetadata><RequestId>canned</RequestId></ResponseMetadata></PublishResponse>");
                }
                throw new IllegalStateException("no canned answer for " + request.httpRequest().getUri() + " " + target);
            }

            @Override
            public void abort() {
            }
        };
    }

    // ------------------------------------------------------------------ DynamoDB

    @SuppressWarnings("unchecked")
    private synchronized HttpExecuteResponse dynamoDb(String operation, Map<String, Object> r) {
        count("DynamoDB." + operation);
        for (String legacy : List.of("ProjectionExpression", "Select", "AttributesToGet", "KeyConditions", "QueryFilter",
                "Expected", "ConditionalOperator", "AttributeUpdates")) {
            if (r.containsKey(legacy)) {
                throw new IllegalStateException("the canned DynamoDB does not model " + legacy);
            }
        }
        Placeholders p = placeholders(r);
        try {
            switch (operation) {
                case "GetItem": {
                    Map<String, Object> item = get(key((Map<String, Object>) r.get("Key")));
                    return ok(item == null ? Map.of() : Map.of("Item", item));
                }
                case "PutItem": {
                    Map<String, Object> item = (Map<String, Object>) r.get("Item");
                    String key = key(item);
                    Map<String, Object> old = checked(r, get(key), p);
                    store(key, item);
                    return ok(old != null && "ALL_OLD".equals(r.get("ReturnValues")) ? Map.of("Attributes", old) : Map.of());
                }
                case "DeleteItem": {
                    String key = key((Map<String, Object>) r.get("Key"));
                    Map<String, Object> old = checked(r, get(key), p);
                    store(key, null);
                    return ok(old != null && "ALL_OLD".equals(r.get("ReturnValues")) ? Map.of("Attributes", old) : Map.of());
                }
                case "UpdateItem": {
                    Map<String, Object> keyAttributes = (Map<String, Object>) r.get("Key");
                    String key = key(keyAttributes);
                    Map<String, Object> old = checked(r, get(key), p);
                    Set<String> updated = new LinkedHashSet<>();
                    Map<String, Object> item = updated(r, old == null ? keyAttributes : old, p, updated);
                    store(key, item);
                    return ok(returnValues(String.valueOf(r.get("ReturnValues")), old, item, updated));
                }
                case "Query":
                    return ok(query(r, p));
                case "BatchGetItem": {
                    Map<String, Object> responses = new LinkedHashMap<>();
                    ((Map<String, Object>) r.get("RequestItems")).forEach((table, asked) -> {
                        if (((Map<String, Object>) asked).containsKey("ProjectionExpression")) {
                            throw new IllegalStateException("the canned DynamoDB does not model ProjectionExpression");
                        }
                        List<Object> items = new ArrayList<>();
                        for (Object k : (List<Object>) ((Map<String, Object>) asked).get("Keys")) {
                            Map<String, Object> item = get(key((Map<String, Object>) k));
                            if (item != null) {
                                items.add(item);
                            }
                        }
                        responses.put(table, items);
                    });
                    return ok(Map.of("Responses", responses, "UnprocessedKeys", Map.of()));
                }
                case "BatchWriteItem":
                    for (Object requests : ((Map<String, Object>) r.get("RequestItems")).values()) {
                        for (Object w : (List<Object>) requests) {
                            Map<String, Object> put = (Map<String, Object>) ((Map<String, Object>) w).get("PutRequest");
                            if (put != null) {
                                Map<String, Object> item = (Map<String, Object>) put.get("Item");
                                store(key(item), item);
                            } else {
                                Map<String, Object> delete = (Map<String, Object>) ((Map<String, Object>) w).get("DeleteRequest");
                                store(key((Map<String, Object>) delete.get("Key")), null);
                            }
                        }
                    }
                    return ok(Map.of("UnprocessedItems", Map.of()));
                case "TransactWriteItems":
                    return transact((List<Object>) r.get("TransactItems"));
                default:
                    throw new IllegalStateException("no canned answer for DynamoDB " + operation);
            }
        } catch (Refused e) {
            return e.response();
        }
    }

    /** All conditions first; then every write, or none. */
    @SuppressWarnings("unchecked")
    private HttpExecuteResponse transact(List<Object> actions) {
        List<Object> reasons = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        boolean failed = false;
        for (Object a : actions) {
            Map.Entry<String, Object> only = ((Map<String, Object>) a).entrySet().iterator().next();
            Map<String, Object> action = (Map<String, Object>) only.getValue();
            String key = key((Map<String, Object>) action.get(only.getKey().equals("Put") ? "Item" : "Key"));
            if (!keys.add(key)) {
                throw new Refused("ValidationException",
                        "Transaction request cannot include multiple operations on one item", Map.of());
            }
            Map<String, Object> old = get(key);
            Object condition = action.get("ConditionExpression");
            if (condition == null || DynamoExpressions.condition((String) condition).test(old, placeholders(action))) {
                reasons.add(Map.of("Code", "None"));
            } else {
                failed = true;
                Map<String, Object> reason = new LinkedHashMap<>(Map.of("Code", "ConditionalCheckFailed",
                        "Message", "The conditional request failed"));
                reason.putAll(oldItem(action, old));
                reasons.add(reason);
            }
        }
        if (failed) {
            throw new Refused("TransactionCanceledException", "Transaction cancelled, please refer cancellation reasons"
                    + " for specific reasons " + reasons.stream().map(r -> ((Map<String, Object>) r).get("Code")).toList(),
                    Map.of("CancellationReasons", reasons));
        }
        for (Object a : actions) {
            Map.Entry<String, Object> only = ((Map<String, Object>) a).entrySet().iterator().next();
            Map<String, Object> action = (Map<String, Object>) only.getValue();
            switch (only.getKey()) {
                case "Put" -> {
                    Map<String, Object> item = (Map<String, Object>) action.get("Item");
                    store(key(item), item);
                }
                case "Delete" -> store(key((Map<String, Object>) action.get("Key")), null);
                case "Update" -> {
                    Map<String, Object> keyAttributes = (Map<String, Object>) action.get("Key");
                    Map<String, Object> old = get(key(keyAttributes));
                    store(key(keyAttributes), updated(action, old == null ? keyAttributes : old, placeholders(action),
                            new HashSet<>()));
                }
                case "ConditionCheck" -> {
                }
                default -> throw new IllegalStateException("no canned TransactWriteItems action " + only.getKey());
            }
        }
        return ok(Map.of());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> query(Map<String, Object> r, Placeholders p) {
        String index = (String) r.get("IndexName");
        String pk = index == null ? "PK" : index + "PK";
        String sk = index == null ? "SK" : index + "SK";
        DynamoExpressions.Condition keyCondition = DynamoExpressions.condition((String) r.get("KeyConditionExpression"));
        List<Map<String, Object>> matches = new ArrayList<>();
        forEachItem(item -> {
            if (item.containsKey(pk) && item.containsKey(sk) && keyCondition.test(item, p)) {
                matches.add(item);
            }
        });
        Comparator<Map<String, Object>> order = (a, b) -> DynamoExpressions.compare(a.get(sk), b.get(sk));
        order = order.thenComparing(CannedHttpClient::key);
        matches.sort(Boolean.FALSE.equals(r.get("ScanIndexForward")) ? order.reversed() : order);
        int from = 0;
        if (r.get("ExclusiveStartKey") != null) {
            String after = key((Map<String, Object>) r.get("ExclusiveStartKey"));
            while (from < matches.size() && !key(matches.get(from)).equals(after)) {
                from++;
            }
            from++;
        }
        int to = r.get("Limit") == null ? matches.size()
                : Math.min(matches.size(), from + ((Number) r.get("Limit")).intValue());
        List<Map<String, Object>> scanned = from >= matches.size() ? List.of() : matches.subList(from, to);
        List<Map<String, Object>> items = new ArrayList<>();
        DynamoExpressions.Condition filter = r.get("FilterExpression") == null ? null
                : DynamoExpressions.condition((String) r.get("FilterExpression"));
        for (Map<String, Object> item : scanned) {
            if (filter == null || filter.test(item, p)) {
                items.add(item);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Items", items);
        out.put("Count", items.size());
        out.put("ScannedCount", scanned.size());
        if (to < matches.size()) {
            Map<String, Object> last = matches.get(to - 1);
            Map<String, Object> lastKey = new LinkedHashMap<>(Map.of("PK", last.get("PK"), "SK", last.get("SK")));
            if (index != null) {
                lastKey.put(pk, last.get(pk));
                lastKey.put(sk, last.get(sk));
            }
            out.put("LastEvaluatedKey", lastKey);
        }
        return out;
    }

    /** The item, or DynamoDB's refusal when the request's condition does not hold for it. */
    private static Map<String, Object> checked(Map<String, Object> r, Map<String, Object> old, Placeholders p) {
        Object condition = r.get("ConditionExpression");
        if (condition != null && !DynamoExpressions.condition((String) condition).test(old, p)) {
            throw new Refused("ConditionalCheckFailedException", "The conditional request failed", oldItem(r, old));
        }
        return old;
    }

    /** With a failed condition, DynamoDB returns the item as it was when asked to (and there is one). */
    private static Map<String, Object> oldItem(Map<String, Object> r, Map<String, Object> old) {
        return old != null && "ALL_OLD".equals(r.get("ReturnValuesOnConditionCheckFailure")) ? Map.of("Item", old) : Map.of();
    }

    private static Map<String, Object> updated(Map<String, Object> r, Map<String, Object> item, Placeholders p,
                                               Set<String> updated) {
        Map<String, Object> out = DynamoExpressions.update((String) r.get("UpdateExpression")).apply(item, p, updated);
        if (!key(out).equals(key(item))) {
            throw new Refused("ValidationException", "Cannot update attribute PK or SK: part of the key", Map.of());
        }
        return out;
    }

    private static Map<String, Object> returnValues(String which, Map<String, Object> old, Map<String, Object> now,
                                                    Set<String> updated) {
        Map<String, Object> attributes = switch (which) {
            case "ALL_OLD" -> old;
            case "ALL_NEW" -> now;
            case "UPDATED_OLD", "UPDATED_NEW" -> {
                Map<String, Object> from = which.equals("UPDATED_OLD") ? old : now;
                Map<String, Object> some = new LinkedHashMap<>();
                for (String name : updated) {
                    if (from != null && from.containsKey(name)) {
                        some.put(name, from.get(name));
                    }
                }
                yield some;
            }
            default -> null;
        };
        return attributes == null || attributes.isEmpty() ? Map.of() : Map.of("Attributes", attributes);
    }

    @SuppressWarnings("unchecked")
    private static Placeholders placeholders(Map<String, Object> r) {
        return new Placeholders((Map<String, Object>) r.get("ExpressionAttributeNames"),
                (Map<String, Object>) r.get("ExpressionAttributeValues"));
    }

    private Map<String, Object> get(String key) {
        Map<String, Object> item = writes.get(key);
        if (item != null) {
            return item == DELETED ? null : item;
        }
        return base.get(key);
    }

    /** Stores the item (null: deletes it); stored items are never changed afterwards, only replaced. */
    private void store(String key, Map<String, Object> item) {
        if (frozen) {
            writes.put(key, item == null ? DELETED : item);
        } else if (item == null) {
            base.remove(key);
        } else {
            base.put(key, item);
        }
    }

    private void forEachItem(Consumer<Map<String, Object>> each) {
        base.forEach((key, item) -> {
            if (!writes.containsKey(key)) {
                each.accept(item);
            }
        });
        writes.values().forEach(item -> {
            if (item != DELETED) {
                each.accept(item);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static String key(Map<String, Object> item) {
        Object pk = item == null ? null : item.get("PK");
        Object sk = item == null ? null : item.get("SK");
        if (!(pk instanceof Map<?, ?> p && p.get("S") instanceof String) || !(sk instanceof Map<?, ?> s && s.get("S") instanceof String)) {
            throw new Refused("ValidationException", "The provided key element does not match the schema", Map.of());
        }
        return ((Map<String, Object>) pk).get("S") + "|" + ((Map<String, Object>) sk).get("S");
    }

    // ------------------------------------------------------------------ Secrets Manager

    private synchronized HttpExecuteResponse secretsManager(String operation, Map<String, Object> r) {
        count("SecretsManager." + operation);
        if (!operation.equals("GetSecretValue") || r.containsKey("VersionId")) {
            throw new IllegalStateException("the canned Secrets Manager answers GetSecretValue by stage only: " + r);
        }
        String name = String.valueOf(r.get("SecretId"));
        String value = secrets.get(name);
        // Its secrets were never rotated: no version has AWSPREVIOUS (or any other stage), as AWS answers then.
        boolean current = !r.containsKey("VersionStage") || "AWSCURRENT".equals(r.get("VersionStage"));
        if (value == null || !current) {
            return response(400, "application/x-amz-json-1.1", Json.write(Map.of("__type", "ResourceNotFoundException",
                    "Message", "Secrets Manager can't find the specified secret.")));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + name + "-AbCdEf");
        out.put("Name", name);
        out.put("VersionId", "a1b2c3d4-0000-4000-8000-00000000c0de");
        out.put("SecretString", value);
        out.put("VersionStages", List.of("AWSCURRENT"));
        out.put("CreatedDate", 1764201600);
        return response(200, "application/x-amz-json-1.1", Json.write(out));
    }

    // ------------------------------------------------------------------ S3

    private record ObjectVersion(String key, String versionId, Instant savedAt, byte[] body) {
        String etag() {
            try {
                return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body)) + "\"";
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Virtual-hosted ({@code bucket.s3.region.amazonaws.com/key}) or path-style ({@code s3.../bucket/key}) requests. */
    private synchronized HttpExecuteResponse s3(SdkHttpRequest request) {
        String host = request.host();
        String path = URLDecoder.decode(request.encodedPath().replace("+", "%2B"), StandardCharsets.UTF_8);
        path = path.startsWith("/") ? path.substring(1) : path;
        String bucket;
        String key;
        if (host.startsWith("s3.")) {
            int slash = path.indexOf('/');
            bucket = slash < 0 ? path : path.substring(0, slash);
            key = slash < 0 ? "" : path.substring(slash + 1);
        } else {
            bucket = host.substring(0, host.indexOf(".s3."));
            key = path;
        }
        Map<String, List<String>> query = request.rawQueryParameters();
        if (request.method() == SdkHttpMethod.GET && key.isEmpty() && query.containsKey("versions")) {
            count("S3.ListObjectVersions");
            if (query.containsKey("key-marker") || query.containsKey("version-id-marker")) {
                throw new IllegalStateException("the canned S3 answers one page of versions only: " + query);
            }
            String prefix = query.getOrDefault("prefix", List.of("")).get(0);
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListVersionsResult"
                    + " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>" + bucket + "</Name><Prefix>" + prefix
                    + "</Prefix><KeyMarker></KeyMarker><VersionIdMarker></VersionIdMarker><MaxKeys>1000</MaxKeys>"
                    + "<IsTruncated>false</IsTruncated>");
            new TreeMap<>(objects).forEach((bucketKey, versions) -> {
                if (bucketKey.startsWith(bucket + "/" + prefix)) {
                    for (int i = versions.size() - 1; i >= 0; i--) {
                        ObjectVersion v = versions.get(i);
                        xml.append("<Version><Key>").append(v.key()).append("</Key><VersionId>").append(v.versionId())
                                .append("</VersionId><IsLatest>").append(i == versions.size() - 1)
                                .append("</IsLatest><LastModified>").append(v.savedAt()).append("</LastModified><ETag>")
                                .append(v.etag().replace("\"", "&quot;")).append("</ETag><Size>").append(v.body().length)
                                .append("</Size><StorageClass>STANDARD</StorageClass></Version>");
                    }
                }
            });
            return response(200, "application/xml", xml.append("</ListVersionsResult>").toString());
        }
        if (request.method() == SdkHttpMethod.GET && !key.isEmpty() && query.keySet().stream()
                .allMatch(name -> name.equals("versionId"))) {
            count("S3.GetObject");
            List<ObjectVersion> versions = objects.getOrDefault(bucket + "/" + key, List.of());
            String wanted = query.containsKey("versionId") ? query.get("versionId").get(0) : null;
            ObjectVersion found = null;
            for (ObjectVersion v : versions) {
                if (wanted == null || v.versionId().equals(wanted)) {
                    found = v;
                }
            }
            if (found == null) {
                String code = versions.isEmpty() ? "NoSuchKey" : "NoSuchVersion";
                return response(404, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code
                        + "</Code><Message>The specified " + (versions.isEmpty() ? "key" : "version")
                        + " does not exist.</Message><Key>" + key + "</Key><RequestId>canned</RequestId></Error>");
            }
            return HttpExecuteResponse.builder()
                    .response(SdkHttpResponse.builder().statusCode(200).putHeader("Content-Type", "text/markdown; charset=utf-8")
                            .putHeader("Content-Length", String.valueOf(found.body().length))
                            .putHeader("ETag", found.etag()).putHeader("x-amz-version-id", found.versionId())
                            .putHeader("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                    found.savedAt().atZone(ZoneOffset.UTC)))
                            .putHeader("x-amz-request-id", "canned").build())
                    .responseBody(AbortableInputStream.create(new ByteArrayInputStream(found.body())))
                    .build();
        }
        throw new IllegalStateException("no canned S3 answer for " + request.method() + " " + request.getUri());
    }

    // ------------------------------------------------------------------ wire

    private synchronized void count(String call) {
        answered.merge(call, 1, Integer::sum);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static HttpExecuteResponse ok(Map<String, Object> body) {
        return response(200, "application/x-amz-json-1.0", Json.write(body));
    }

    private static HttpExecuteResponse response(int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpExecuteResponse.builder()
                .response(SdkHttpResponse.builder().statusCode(status).putHeader("Content-Type", contentType)
                        .putHeader("Content-Length", String.valueOf(bytes.length))
                        .putHeader("x-amzn-RequestId", "canned").build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                .build();
    }

    /** A DynamoDB error answer: HTTP 400 with its {@code __type}, message and any other fields. */
    private static final class Refused extends RuntimeException {
        private final String type;
        private final Map<String, Object> fields;

        Refused(String type, String message, Map<String, Object> fields) {
            super(message, null, false, false);
            this.type = type;
            this.fields = fields;
        }

        HttpExecuteResponse response() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("__type", "com.amazonaws.dynamodb.v20120810#" + type);
            body.put("message", getMessage());
            body.putAll(fields);
            return CannedHttpClient.response(400, "application/x-amz-json-1.0", Json.write(body));
        }
    }

    @Override
    public String clientName() {
        return "canned";
    }

    @Override
    public void close() {
    }
}
