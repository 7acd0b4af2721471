package dev.firebell.function.web;

import dev.firebell.calendar.CalendarFeeds;
import dev.firebell.link.SecretTokens;
import dev.firebell.web.HttpRequest;
import dev.firebell.web.HttpResponse;
import dev.firebell.web.PlainText;
import dev.firebell.web.RequestLog;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Calendar feeds (docs/adr/0123, 0124): {@code GET} or {@code HEAD /calendar/<token>.ics}, what calendar apps fetch.
 * The token in the path is the only credential (calendar apps send no headers). 200 with the calendar for a subject's
 * current token; 404 in plain text for anything else (unknown, replaced, revoked, malformed), one answer that never
 * says which. Never cached anywhere, so a replaced link stops at once. Tokens are never logged.
 */
final class CalendarEndpoint {

    static final String PREFIX = "/" + CalendarFeeds.PATH;

    /** The calendar's headers: those of every plain answer (nothing may run, frame, cache or sniff it), as iCalendar. */
    static final Map<String, String> HEADERS = headers();

    private static final String NOT_FOUND = "Not found: no calendar has this address. If it was a Firebell calendar"
            + " link, it was replaced: copy the new one from your page in the console.";

    private final CalendarFeeds feeds;

    CalendarEndpoint(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    static boolean handles(String path) {
        return path.startsWith(PREFIX);
    }

    HttpResponse handle(HttpRequest request, RequestLog log) {
        String method = request.method();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return PlainText.of(405, "Method not allowed: calendars are read with GET.").with("allow", "GET, HEAD");
        }
        String name = request.path().substring(PREFIX.length());
        String token = name.endsWith(CalendarFeeds.SUFFIX)
                ? name.substring(0, name.length() - CalendarFeeds.SUFFIX.length()) : null;
        // A malformed token is no token of anyone's: it costs no read (the format is no secret).
        Optional<String> calendar = SecretTokens.wellFormed(token) ? feeds.feed(token) : Optional.empty();
        if (calendar.isEmpty()) {
            log.info("calendar refused (404): no feed has this token, or the path is not a feed");
            return PlainText.of(404, NOT_FOUND);
        }
        log.info("calendar served");
        return new HttpResponse(200, HEADERS, calendar.get());
    }

    private static Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>(PlainText.HEADERS);
        h.put("content-type", "text/calendar; charset=utf-8");
        h.put("content-disposition", "inline; filename=\"firebell-on-call.ics\"");
        return Collections.unmodifiableMap(h);
    }
}
