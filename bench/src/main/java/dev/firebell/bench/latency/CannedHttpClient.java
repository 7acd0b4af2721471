package dev.firebell.bench.latency;

import dev.firebell.aws.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An {@link SdkHttpClient} that answers from memory what DynamoDB and SNS would, so a benchmark measures Firebell
 * and the SDK's own work (building, signing, marshalling, unmarshalling) and no network. It is a tiny item store:
 * items written by PutItem, BatchWriteItem and the Puts of TransactWriteItems are kept (conditions and Updates are
 * not evaluated), GetItem finds them by key, Query finds them by partition key (and {@code begins_with} prefix) on
 * the table (index queries find nothing: nothing is due, nothing pending), UpdateItem with
 * {@code ReturnValues=UPDATED_NEW} answers a counter, Publish answers a message id. Writes after
 * {@link #freeze()} can be dropped with {@link #forgetWrites()}, so every benchmark operation starts from the
 * same state.
 */
final class CannedHttpClient implements SdkHttpClient {

    private static final Pattern FORM_ACTION = Pattern.compile("(?:^|&)Action=([A-Za-z]+)");

    private final Map<String, Map<String, Object>> base = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> writes = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong(1000);
    private volatile boolean frozen;

    /** Items written from now on are kept apart, and dropped by {@link #forgetWrites()}. */
    void freeze() {
        frozen = true;
    }

    void forgetWrites() {
        writes.clear();
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
                String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse(null);
                if (target != null) {
                    return json(dynamoDb(target.substring(target.indexOf('.') + 1), new String(body, StandardCharsets.UTF_8)));
                }
                Matcher action = FORM_ACTION.matcher(URLDecoder.decode(new String(body, StandardCharsets.UTF_8),
                        StandardCharsets.UTF_8));
                if (action.find() && action.group(1).equals("Publish")) {
                    return xml("<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                            + "<MessageId>" + java.util.UUID.randomUUID() + "</MessageId></PublishResult>"
                            + "<ResponseMetadata><RequestId>canned</RequestId></ResponseMetadata></PublishResponse>");
                }
                throw new IllegalStateException("no canned answer for " + request.httpRequest().getUri());
            }

            @Override
            public void abort() {
            }
        };
    }

    @SuppressWarnings("unchecked")
    private String dynamoDb(String operation, String request) throws IOException {
        Map<String, Object> r = Json.readObject(request);
        switch (operation) {
            case "GetItem": {
                Map<String, Object> item = find(key((Map<String, Object>) r.get("Key")));
                return item == null ? "{}" : Json.write(Map.of("Item", item));
            }
            case "PutItem":
                keep((Map<String, Object>) r.get("Item"));
                return "{}";
            case "BatchWriteItem":
                for (Object requests : ((Map<String, Object>) r.get("RequestItems")).values()) {
                    for (Object w : (List<Object>) requests) {
                        keep((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) w).get("PutRequest")).get("Item"));
                    }
                }
                return "{\"UnprocessedItems\":{}}";
            case "TransactWriteItems":
                for (Object t : (List<Object>) r.get("TransactItems")) {
                    Map<String, Object> put = (Map<String, Object>) ((Map<String, Object>) t).get("Put");
                    if (put != null) {
                        keep((Map<String, Object>) put.get("Item"));
                    }
                }
                return "{}";
            case "UpdateItem":
                return "UPDATED_NEW".equals(r.get("ReturnValues"))
                        ? "{\"Attributes\":{\"value\":{\"N\":\"" + counter.incrementAndGet() + "\"}}}" : "{}";
            case "Query":
                return Json.write(Map.of("Items", query(r), "Count", 0, "ScannedCount", 0));
            default:
                throw new IllegalStateException("no canned answer for DynamoDB " + operation);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> query(Map<String, Object> r) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (r.get("IndexName") != null) {
            return out;
        }
        Map<String, Object> values = (Map<String, Object>) r.get("ExpressionAttributeValues");
        String pk = (String) ((Map<String, Object>) values.get(":pk")).get("S");
        Object prefixValue = values.get(":prefix");
        String prefix = prefixValue == null ? "" : (String) ((Map<String, Object>) prefixValue).get("S");
        for (Map<String, Map<String, Object>> items : List.of(base, writes)) {
            items.forEach((k, item) -> {
                if (k.startsWith(pk + "|" + prefix)) {
                    out.add(item);
                }
            });
        }
        return out;
    }

    private void keep(Map<String, Object> item) {
        (frozen ? writes : base).put(key(item), item);
    }

    private Map<String, Object> find(String key) {
        Map<String, Object> item = writes.get(key);
        return item != null ? item : base.get(key);
    }

    @SuppressWarnings("unchecked")
    private static String key(Map<String, Object> item) {
        return ((Map<String, Object>) item.get("PK")).get("S") + "|" + ((Map<String, Object>) item.get("SK")).get("S");
    }

    private static HttpExecuteResponse json(String body) {
        return response("application/x-amz-json-1.0", body);
    }

    private static HttpExecuteResponse xml(String body) {
        return response("text/xml", body);
    }

    private static HttpExecuteResponse response(String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpExecuteResponse.builder()
                .response(SdkHttpResponse.builder().statusCode(200).putHeader("Content-Type", contentType)
                        .putHeader("Content-Length", String.valueOf(bytes.length))
                        .putHeader("x-amzn-RequestId", "canned").build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                .build();
    }

    @Override
    public String clientName() {
        return "canned";
    }

    @Override
    public void close() {
    }
}
