package dev.firebell.console.session;

import dev.firebell.config.ConfigSource;
import dev.firebell.console.ConsoleLayout;
import dev.firebell.console.ConsoleRequest;
import dev.firebell.console.ConsoleSessions;
import dev.firebell.console.Viewer;
import dev.firebell.link.LinkKey;
import dev.firebell.link.LinkKeys;
import dev.firebell.link.SignInClaim;
import dev.firebell.link.SignInLinks;
import dev.firebell.link.SignInTokens;
import dev.firebell.person.Person;
import dev.firebell.session.SessionStore;
import dev.firebell.session.SessionStore.StoredSession;
import dev.firebell.web.HttpRequest;
import dev.firebell.web.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * The console's sessions (ADR 0120-0122). Signing in: a GET of {@code /console/sign-in/<token>} only shows a button;
 * its POST uses the link (once) and starts a session in one transaction, then sets the sealed cookie and goes to the
 * incidents. Each request after that: the cookie is opened (no AWS call; a forged or expired one stops here), then its
 * session is read (one GetItem), so that signing out, which deletes it, ends it everywhere at once. Who may act is read
 * from the configuration in force at each request.
 */
public final class SignedSessions implements ConsoleSessions {

    public static final String SIGN_IN_PREFIX = "/" + SignInLinks.PATH;
    public static final String SIGNED_OUT_PATH = "/console/signed-out";

    private final LinkKeys keys;
    private final SessionStore store;
    private final ConfigSource config;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();

    public SignedSessions(LinkKeys keys, SessionStore store, ConfigSource config, InstantSource clock) {
        this.keys = keys;
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public boolean handles(String path) {
        return path.startsWith(SIGN_IN_PREFIX) || path.equals(ConsoleLayout.SIGN_OUT_PATH)
                || path.equals(SIGNED_OUT_PATH);
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        String path = request.path();
        boolean post = request.method().equals("POST");
        if (path.equals(SIGNED_OUT_PATH)) {
            return post ? SignInPages.methodNotAllowed() : SignInPages.signedOut();
        }
        if (path.equals(ConsoleLayout.SIGN_OUT_PATH)) {
            return post ? signOut(request) : SignInPages.methodNotAllowed();
        }
        try {
            return signIn(request, path.substring(SIGN_IN_PREFIX.length()), post);
        } catch (LinkKeys.KeysUnavailableException e) {
            return SignInPages.unavailable();
        }
    }

    @Override
    public Optional<Session> session(HttpRequest request) {
        Optional<Current> current;
        try {
            current = current(request);
        } catch (LinkKeys.KeysUnavailableException e) {
            return Optional.empty(); // fail closed: nothing can be checked
        }
        return current.map(c -> new Session(viewer(c.stored()), c.csrfToken()));
    }

    /** A request's valid session: what the table holds for it, and its CSRF token. */
    private record Current(StoredSession stored, String csrfToken) {
    }

    private Optional<Current> current(HttpRequest request) {
        Optional<String> value = SessionCookie.valueIn(request.header("cookie").orElse(null));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<SessionCookie.Opened> opened = SessionCookie.open(value.get(), keys.verificationKeys());
        if (opened.isEmpty() && SessionCookie.unknownKey(value.get(), keys.verificationKeys())
                && keys.reloadAfterUnknownKey()) {
            opened = SessionCookie.open(value.get(), keys.verificationKeys());
        }
        Instant now = clock.instant();
        if (opened.isEmpty() || !now.isBefore(opened.get().contents().expiresAt())) {
            return Optional.empty();
        }
        SessionCookie.Contents c = opened.get().contents();
        String csrf = SessionCookie.csrfToken(c.sessionId(), opened.get().key());
        return store.find(c.key())
                .filter(s -> s.personId().equals(c.personId()) && s.reader() == c.reader() && now.isBefore(s.expiresAt()))
                .map(s -> new Current(s, csrf));
    }

    private Viewer viewer(StoredSession s) {
        Person person = s.reader() ? null : config.current().onCall().people().get(s.personId());
        return new Viewer(s.personId(), person == null ? s.personId() : person.name(), person != null);
    }

    private HttpResponse signIn(HttpRequest request, String token, boolean post) {
        Instant now = clock.instant();
        SignInTokens.Verification verified = SignInTokens.verify(token, keys.verificationKeys(), now);
        if (verified instanceof SignInTokens.Verification.UnknownKey && keys.reloadAfterUnknownKey()) {
            verified = SignInTokens.verify(token, keys.verificationKeys(), now);
        }
        if (verified instanceof SignInTokens.Verification.Expired e) {
            return SignInPages.expired(e.claim().expiresAt());
        }
        if (!(verified instanceof SignInTokens.Verification.Valid valid)) {
            return SignInPages.invalid();
        }
        SignInClaim claim = valid.claim();
        String fingerprint = SessionCookie.sha256Hex(token.getBytes(StandardCharsets.UTF_8));
        if (!post) {
            // A GET never uses the link: mail scanners and link previews open it too.
            return store.linkUsed(fingerprint) ? SignInPages.used() : SignInPages.confirm(name(claim), claim.reader(),
                    claim.expiresAt());
        }
        if (crossSite(request)) {
            return SignInPages.crossSite();
        }
        byte[] sessionId = SessionCookie.newSessionId(random);
        Instant expiresAt = now.plus(SessionCookie.LIFETIME);
        SessionCookie.Contents contents = new SessionCookie.Contents(sessionId, claim.personId(), claim.reader(),
                expiresAt);
        if (!store.start(fingerprint, claim.expiresAt(), new StoredSession(contents.key(), claim.personId(),
                claim.reader(), expiresAt))) {
            return SignInPages.used();
        }
        LinkKey key = keys.signingKey();
        return ConsoleLayout.seeOther(ConsoleLayout.Section.INCIDENTS.path())
                .withCookie(SessionCookie.set(SessionCookie.seal(contents, key), now, expiresAt));
    }

    private String name(SignInClaim claim) {
        Person person = claim.reader() ? null : config.current().onCall().people().get(claim.personId());
        return person == null ? claim.personId() : person.name();
    }

    /**
     * A sign-in posted from another site (login CSRF: someone signing you in as them). Browsers say where a form came
     * from: {@code Sec-Fetch-Site}, and {@code Origin} (which is {@code null} under our no-referrer policy, so it can
     * only refuse a foreign origin, never vouch for ours).
     */
    private static boolean crossSite(HttpRequest request) {
        String site = request.header("sec-fetch-site").orElse("same-origin");
        if (!site.equals("same-origin") && !site.equals("none")) {
            return true;
        }
        String origin = request.header("origin").orElse("null");
        if (origin.equals("null")) {
            return false;
        }
        String host = request.header("host").orElse(request.domainName());
        return host == null || !(origin.equals("https://" + host) || origin.equals("http://" + host));
    }

    private HttpResponse signOut(HttpRequest request) {
        Optional<Current> current;
        try {
            current = current(request);
        } catch (LinkKeys.KeysUnavailableException e) {
            current = Optional.empty();
        }
        if (current.isPresent()) {
            String given = request.form().get(ConsoleRequest.CSRF_FIELD);
            if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                    current.get().csrfToken().getBytes(StandardCharsets.UTF_8))) {
                return SignInPages.formExpired();
            }
            store.end(current.get().stored().key());
        }
        // Without a valid session there is nothing to end: the browser still forgets whatever cookie it holds.
        return ConsoleLayout.seeOther(SIGNED_OUT_PATH).withCookie(SessionCookie.cleared());
    }
}
