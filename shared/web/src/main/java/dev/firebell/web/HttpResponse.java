package dev.firebell.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a public endpoint answers: a status, headers (lower-case names), a text body, and the cookies to set (each a
 * whole {@code Set-Cookie} value). Cookies are kept apart from the headers because a Function URL returns them in its
 * own {@code cookies} list (a header map holds one value per name, and a response may set several cookies).
 */
public record HttpResponse(int status, Map<String, String> headers, String body, List<String> cookies) {

    public HttpResponse {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? "" : body;
        cookies = cookies == null ? List.of() : List.copyOf(cookies);
    }

    /** A response that sets no cookie. */
    public HttpResponse(int status, Map<String, String> headers, String body) {
        this(status, headers, body, List.of());
    }

    /** The same response with one more header (or a header replaced). */
    public HttpResponse with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpResponse(status, more, body, cookies);
    }

    /** The same response, also setting a cookie ({@code setCookie}: a whole {@code Set-Cookie} value). */
    public HttpResponse withCookie(String setCookie) {
        List<String> more = new java.util.ArrayList<>(cookies);
        more.add(setCookie);
        return new HttpResponse(status, headers, body, more);
    }

    /** The same response without its body (an answer to HEAD). */
    public HttpResponse withoutBody() {
        return new HttpResponse(status, headers, "", cookies);
    }

    public String header(String name) {
        return headers.get(name);
    }
}
