package dev.firebell.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plain-text answers for machines (a cron job's {@code curl -fsS}), with the same strict headers as the pages: nothing
 * may run, frame, cache or sniff them.
 */
public final class PlainText {

    /** The headers of every plain-text answer. */
    public static final Map<String, String> HEADERS = headers();

    private PlainText() {
    }

    /** {@code text} and a line end, with {@code status}. */
    public static HttpResponse of(int status, String text) {
        return new HttpResponse(status, HEADERS, text + "\n");
    }

    private static Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>(HtmlPage.SECURITY_HEADERS);
        h.put("content-type", "text/plain; charset=utf-8");
        h.put("content-security-policy", "default-src 'none'; base-uri 'none'; frame-ancestors 'none'");
        return Collections.unmodifiableMap(h);
    }
}
