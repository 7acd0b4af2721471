package dev.firebell.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a public endpoint answers: a status, headers (lower-case names), a text body. */
public record HttpResponse(int status, Map<String, String> headers, String body) {

    public HttpResponse {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? "" : body;
    }

    /** The same response with one more header (or a header replaced). */
    public HttpResponse with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpResponse(status, more, body);
    }

    public String header(String name) {
        return headers.get(name);
    }
}
