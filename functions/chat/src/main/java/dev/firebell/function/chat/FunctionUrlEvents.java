package dev.firebell.function.chat;

import dev.firebell.chat.slack.WebRequest;
import dev.firebell.chat.slack.WebResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Lambda Function URL event (the same "payload format 2.0" as an API Gateway HTTP API): header names arrive
 * lower-cased, form bodies usually base64-encoded ({@code isBase64Encoded: true}). The signature is checked over
 * the decoded bytes, so they are kept as bytes.
 */
final class FunctionUrlEvents {

    private FunctionUrlEvents() {
    }

    static WebRequest decode(Map<String, Object> event) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (event.get("headers") instanceof Map<?, ?> given) {
            given.forEach((name, value) -> {
                if (name instanceof String n && value instanceof String v) {
                    headers.put(n, v);
                }
            });
        }
        String method = null;
        if (event.get("requestContext") instanceof Map<?, ?> context && context.get("http") instanceof Map<?, ?> http
                && http.get("method") instanceof String m) {
            method = m;
        }
        byte[] body = new byte[0];
        if (event.get("body") instanceof String text) {
            if (Boolean.TRUE.equals(event.get("isBase64Encoded"))) {
                try {
                    body = Base64.getDecoder().decode(text);
                } catch (IllegalArgumentException e) {
                    throw new BadEventException("body is not valid base64");
                }
            } else {
                body = text.getBytes(StandardCharsets.UTF_8);
            }
        }
        return new WebRequest(method, headers, body);
    }

    static Map<String, Object> encode(WebResponse response) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("statusCode", response.status());
        out.put("headers", Map.of("content-type", response.contentType(), "cache-control", "no-store"));
        out.put("body", response.body());
        out.put("isBase64Encoded", false);
        return out;
    }

    /** The event is not a well-formed Function URL event. */
    static final class BadEventException extends RuntimeException {
        BadEventException(String message) {
            super(message);
        }
    }
}
