package dev.firebell.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request to a public endpoint: method (upper case), path, raw query, headers by lower-case name, the raw body
 * (base64 already undone), and where it arrived ({@code domainName}: the host the endpoint was reached at).
 */
public record HttpRequest(String method, String path, String rawQuery, Map<String, String> headers, byte[] body,
                          String domainName, String sourceIp) {

    public HttpRequest {
        method = method == null ? "" : method.toUpperCase(Locale.ROOT);
        path = path == null || path.isEmpty() ? "/" : path;
        rawQuery = rawQuery == null ? "" : rawQuery;
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

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * The fields of an {@code application/x-www-form-urlencoded} body, first value of each name; empty for any other
     * content type. Malformed percent-escapes make a field unreadable, never the request.
     */
    public Map<String, String> form() {
        String type = header("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/x-www-form-urlencoded")) {
            return Map.of();
        }
        return fields(new String(body, StandardCharsets.UTF_8));
    }

    /**
     * The fields of {@code application/x-www-form-urlencoded} text (a form's body or a URL's query), first value of each
     * name; a malformed percent-escape makes its field unreadable, never the whole.
     */
    public static Map<String, String> fields(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (name != null && value != null && !name.isEmpty()) {
                fields.putIfAbsent(name, value);
            }
        }
        return fields;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
