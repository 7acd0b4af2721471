package dev.firebell.function.web;

import dev.firebell.heartbeat.Heartbeats;
import dev.firebell.heartbeat.PingKind;
import dev.firebell.heartbeat.PingOutcome;
import dev.firebell.web.HttpRequest;
import dev.firebell.web.HttpResponse;
import dev.firebell.web.PlainText;
import dev.firebell.web.RequestLog;
import java.util.Optional;

/**
 * Heartbeat pings (docs/heartbeats.md): {@code GET}, {@code POST} or {@code HEAD /ping/<token>}, with {@code /start} or
 * {@code /fail} after the token. Plain text for {@code curl -fsS}: 200 "OK" for a monitor's token whatever the ping
 * did, 404 for anything else, the same answer after the same lookups (an unknown token, a retired one, a path with
 * something else after the token). Tokens are never logged.
 */
final class PingEndpoint {

    static final String PREFIX = "/ping/";

    private static final String NOT_FOUND = "Not found: no heartbeat monitor has this URL.";

    private final Heartbeats heartbeats;

    PingEndpoint(Heartbeats heartbeats) {
        this.heartbeats = heartbeats;
    }

    static boolean handles(String path) {
        return path.startsWith(PREFIX);
    }

    HttpResponse handle(HttpRequest request, RequestLog log) {
        String method = request.method();
        if (!method.equals("GET") && !method.equals("POST") && !method.equals("HEAD")) {
            return PlainText.of(405, "Method not allowed: ping with GET or POST.").with("allow", "GET, POST, HEAD");
        }
        String rest = request.path().substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String token = slash < 0 ? rest : rest.substring(0, slash);
        Optional<PingKind> kind = PingKind.ofSuffix(slash < 0 ? "" : rest.substring(slash));
        // The lookup happens whatever the path holds after the token, so that nothing answers sooner than a known token.
        PingOutcome outcome = kind.isPresent() ? heartbeats.ping(token, kind.get()) : heartbeats.refuse(token);
        if (outcome == PingOutcome.UNKNOWN) {
            log.info("ping refused (404): no monitor has this token, or the path is not a ping");
            return PlainText.of(404, NOT_FOUND);
        }
        log.info("ping " + kind.get() + ": " + outcome);
        return PlainText.of(200, "OK");
    }
}
