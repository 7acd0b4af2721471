package dev.firebell.chat.slack;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as the chat endpoint needs it: method, headers by lower-case name (Function URLs and HTTP APIs
 * lower-case them already; this makes sure) and the raw body bytes, base64 already undone.
 */
public record WebRequest(String method, Map<String, String> headers, byte[] body) {

    public WebRequest {
        method = method == null ? "" : method.toUpperCase(Locale.ROOT);
        Map<String, String> lower = new TreeMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (name != null && value != null) {
                    lower.put(name.toLowerCase(Locale.ROOT), value);
                }
            });
        }
        headers = Map.copyOf(lower);
        body = body == null ? new byte[0] : body;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
