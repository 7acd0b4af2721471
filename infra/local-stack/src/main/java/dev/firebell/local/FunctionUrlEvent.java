package dev.firebell.local;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The event a Lambda Function URL hands its function for one HTTP request (payload format 2.0, as an API Gateway
 * HTTP API), for invoking a handler locally: {@code ./firebell serve}, tests, benchmarks.
 */
public final class FunctionUrlEvent {

    private FunctionUrlEvent() {
    }

    /** A POST to {@code /} from 127.0.0.1, its body base64-encoded as Function URLs deliver form posts. */
    public static byte[] post(Map<String, String> headers, byte[] body) {
        return of("POST", "/", "", headers, body, true, "127.0.0.1");
    }

    /**
     * @param headers  as the Function URL delivers them (it lower-cases names); written as given, except a
     *                 {@code cookie} header, which a Function URL delivers as the event's {@code cookies} list
     * @param base64   whether the body arrives base64-encoded ({@code isBase64Encoded}), as form and binary bodies do,
     *                 or as UTF-8 text
     * @param sourceIp the client's address
     */
    public static byte[] of(String method, String rawPath, String rawQueryString, Map<String, String> headers,
                            byte[] body, boolean base64, String sourceIp) {
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", method);
        http.put("path", rawPath);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", sourceIp);
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", "anonymous");
        context.put("apiId", "local");
        context.put("domainName", headers.getOrDefault("host", "127.0.0.1"));
        context.put("http", http);
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", "$default");
        context.put("stage", "$default");
        context.put("timeEpoch", System.currentTimeMillis());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", rawPath);
        event.put("rawQueryString", rawQueryString);
        Map<String, String> given = new LinkedHashMap<>(headers);
        String cookie = given.remove("cookie");
        if (cookie != null && !cookie.isBlank()) {
            event.put("cookies", Arrays.stream(cookie.split(";")).map(String::strip).filter(c -> !c.isEmpty()).toList());
        }
        event.put("headers", given);
        event.put("requestContext", context);
        event.put("body", base64 ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8));
        event.put("isBase64Encoded", base64);
        return Json.write(event).getBytes(StandardCharsets.UTF_8);
    }
}
