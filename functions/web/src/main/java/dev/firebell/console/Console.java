package dev.firebell.console;

import dev.firebell.web.HttpRequest;
import dev.firebell.web.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The console under {@code /console}: signing in and out first, then, for a valid session only, the page areas. It
 * holds the rules every page shares, so no page can forget one: no session, no page (401); a POST without its
 * session's CSRF token changes nothing (403); a POST by a reader outside the configuration changes nothing (403).
 */
public final class Console {

    public static final String PREFIX = "/console";

    private final ConsoleSessions sessions;
    private final List<ConsolePages> areas;

    public Console(ConsoleSessions sessions, Set<ConsolePages> areas) {
        this.sessions = sessions;
        this.areas = List.copyOf(areas);
    }

    public static boolean handles(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    public HttpResponse handle(HttpRequest request) {
        String method = request.method();
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("POST")) {
            return ConsoleLayout.message(405, "Method not allowed", "The console answers GET and POST only.");
        }
        if (sessions.handles(request.path())) {
            return sessions.handle(request);
        }
        Optional<ConsoleSessions.Session> session = sessions.session(request);
        if (session.isEmpty()) {
            return ConsoleLayout.message(401, "Sign in to Firebell", "Type /incident console in Slack for a sign-in"
                    + " link (it is shown to you only), or ask a platform admin for ./firebell console-link <you>.");
        }
        ConsoleRequest console = new ConsoleRequest(request, session.get().viewer(), session.get().csrfToken());
        if (method.equals("POST")) {
            if (!sameToken(console.form().get(ConsoleRequest.CSRF_FIELD), console.csrfToken())) {
                return ConsoleLayout.message(403, "Form expired", "This form does not belong to your session (it"
                        + " may be from before you signed in again). Nothing was changed: reload the page and retry.");
            }
            if (!console.viewer().mayAct()) {
                return ConsoleLayout.message(403, "Read only", console.viewer().personId() + " is not a person of"
                        + " Firebell's configuration: you may read everything here, but not act. Nothing was changed.");
            }
        }
        String path = request.path().equals(PREFIX) || request.path().equals(PREFIX + "/")
                ? ConsoleLayout.Section.INCIDENTS.path() : request.path();
        List<ConsolePages> claimants = areas.stream().filter(a -> a.handles(path)).toList();
        if (claimants.size() > 1) {
            // Which area answers must never depend on the order of a set: two claimants is a bug, and says so.
            throw new IllegalStateException("console path " + path + " is claimed by " + claimants.size()
                    + " areas: " + claimants.stream().map(a -> a.getClass().getSimpleName()).toList());
        }
        if (claimants.size() == 1) {
            return claimants.get(0).handle(path.equals(request.path()) ? console : console.at(path));
        }
        return ConsoleLayout.page(404, console, null, "Not found", "<p>No page of the console is at this address."
                + " The navigation above leads to every page.</p>\n");
    }

    /** Constant-time comparison: the time taken says nothing about how much of a guessed token was right. */
    private static boolean sameToken(String given, String expected) {
        return given != null && expected != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
