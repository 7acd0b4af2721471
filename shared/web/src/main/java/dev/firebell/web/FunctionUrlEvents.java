package dev.firebell.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lambda Function URL events (payload format 2.0, as an API Gateway HTTP API) to {@link HttpRequest}, and
 * {@link HttpResponse} to what the function returns. Header names arrive lower-cased; bodies of forms and binary
 * content arrive base64-encoded ({@code isBase64Encoded: true}). Cookies travel outside the headers both ways: a request's
 * arrive in a {@code cookies} list (and no {@code cookie} header), a response's are returned in a {@code cookies} list,
 * which the Function URL turns into one {@code Set-Cookie} header each.
 */
public final class FunctionUrlEvents {

    private FunctionUrlEvents() {
    }

    /** The event is not a well-formed Function URL event. */
    public static final class BadEventException extends RuntimeException {
        public BadEventException(String message) {
            super(message);
        }
    }

    /** @throws BadEventException a body that claims base64 and is not, or an event without an HTTP method */
    public static HttpRequest decode(Map<String, Object> event) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (event.get("headers") instanceof Map<?, ?> given) {
            given.forEach((name, value) -> {
                if (name instanceof String n && value instanceof String v) {
                    headers.put(n, v);
                }
            });
        }
        if (event.get("cookies") instanceof List<?> cookies && !cookies.isEmpty()) {
            // As a browser would send them: one Cookie header, pairs separated by "; ".
            List<String> pairs = new ArrayList<>();
            cookies.forEach(c -> {
                if (c instanceof String pair) {
                    pairs.add(pair);
                }
            });
            headers.put("cookie", String.join("; ", pairs));
        }
        String method = null;
        String domainName = null;
        String sourceIp = null;
        if (event.get("requestContext") instanceof Map<?, ?> context) {
            domainName = context.get("domainName") instanceof String d ? d : null;
            if (context.get("http") instanceof Map<?, ?> http) {
                method = http.get("method") instanceof String m ? m : null;
                sourceIp = http.get("sourceIp") instanceof String ip ? ip : null;
            }
        }
        if (method == null) {
            throw new BadEventException("no requestContext.http.method");
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
        String path = event.get("rawPath") instanceof String p ? p : "/";
        String query = event.get("rawQueryString") instanceof String q ? q : "";
        return new HttpRequest(method, path, query, headers, body, domainName, sourceIp);
    }

    public static Map<String, Object> encode(HttpResponse response) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("statusCode", response.status());
        out.put("headers", response.headers());
        out.put("body", response.body());
        out.put("isBase64Encoded", false);
        if (!response.cookies().isEmpty()) {
            out.put("cookies", response.cookies());
        }
        return out;
    }
}
