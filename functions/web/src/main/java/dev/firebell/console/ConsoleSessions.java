package dev.firebell.console;

import dev.firebell.web.HttpRequest;
import dev.firebell.web.HttpResponse;
import java.util.Optional;

/**
 * Sessions of the console: who a request's session cookie says is signed in, and the paths that sign in (a one-time
 * link) and out. Fails closed: a cookie that is missing, tampered with, expired or signed out is no session.
 */
public interface ConsoleSessions {

    /** A valid session: who, and the CSRF token its forms must carry. */
    record Session(Viewer viewer, String csrfToken) {
    }

    /** The session a request carries, if it is valid now. */
    Optional<Session> session(HttpRequest request);

    /** Whether {@code path} is one of the sign-in or sign-out paths, which are answered before any session exists. */
    boolean handles(String path);

    /** Signs in (a one-time link) or out; only called for paths {@link #handles} accepts. */
    HttpResponse handle(HttpRequest request);
}
