package dev.firebell.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.config.ConfigBinder;
import dev.firebell.config.FirebellConfig;
import dev.firebell.console.Console;
import dev.firebell.console.ConsoleSessions;
import dev.firebell.link.SignInLinks;
import dev.firebell.link.TestLinks;
import dev.firebell.testing.MutableClock;
import dev.firebell.web.HttpRequest;
import dev.firebell.web.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignedSessionsTest {

    private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");
    private static final String HOST = "abc.lambda-url.eu-west-1.on.aws";

    private final MutableClock clock = new MutableClock(T0);
    private final MemorySessionStore store = new MemorySessionStore();
    private FirebellConfig config = new ConfigBinder().bind(Map.of("people", Map.of(
            "alice", Map.of("name", "Alice Martin", "timeZone", "Europe/Paris"))));
    private final SignedSessions sessions = new SignedSessions(TestLinks.fixed(TestLinks.KEY), store, () -> config,
            clock);
    private final SignInLinks links = new SignInLinks(TestLinks.fixed(TestLinks.KEY),
            () -> Optional.of("https://" + HOST + "/"), clock);

    @Test
    void aGetOfTheLink_showsOneButton_andUsesNothing_thenItsPostSignsInWithAStrictCookie() {
        String path = path(links.issue("alice", false).url());

        HttpResponse shown = sessions.handle(request("GET", path, Map.of()));
        HttpResponse shownAgain = sessions.handle(request("GET", path, Map.of()));
        HttpResponse signedIn = sessions.handle(request("POST", path, Map.of("origin", "null")));

        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("Sign in to Firebell as Alice Martin?").contains("<form method=\"post\">")
                .contains(">Sign in</button>");
        assertThat(shown.cookies()).isEmpty();
        assertThat(shownAgain.status()).as("a scanner's GET used nothing").isEqualTo(200);
        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.header("location")).isEqualTo("/console/incidents");
        assertThat(signedIn.header("content-security-policy")).startsWith("default-src 'none'");
        assertThat(signedIn.cookies()).singleElement().satisfies(c -> assertThat(c)
                .startsWith(SessionCookie.NAME + "=").endsWith("; Path=/; Max-Age=43200; Secure; HttpOnly; SameSite=Lax")
                .doesNotContain("Domain"));
        assertThat(store.sessions.values()).singleElement().satisfies(s -> {
            assertThat(s.personId()).isEqualTo("alice");
            assertThat(s.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(12)));
        });
    }

    @Test
    void theLink_signsInOnce_andItsSecondUseIsRefusedWithAClearPage() {
        String path = path(links.issue("alice", false).url());
        sessions.handle(request("POST", path, Map.of()));

        HttpResponse again = sessions.handle(request("POST", path, Map.of()));
        HttpResponse opened = sessions.handle(request("GET", path, Map.of()));

        assertThat(again.status()).isEqualTo(410);
        assertThat(again.body()).contains("This sign-in link was already used");
        assertThat(again.cookies()).isEmpty();
        assertThat(opened.status()).isEqualTo(410);
        assertThat(store.sessions).hasSize(1);
    }

    @Test
    void anExpiredTamperedOrCrossSiteSignIn_signsNobodyIn() {
        String path = path(links.issue("alice", false).url());
        char last = path.charAt(path.length() - 1);
        String tampered = path.substring(0, path.length() - 1) + (last == 'A' ? 'B' : 'A');

        HttpResponse crossSite = sessions.handle(request("POST", path, Map.of("sec-fetch-site", "cross-site")));
        HttpResponse foreignOrigin = sessions.handle(request("POST", path, Map.of("origin", "https://evil.example")));
        HttpResponse forged = sessions.handle(request("POST", tampered, Map.of()));
        clock.advance(SignInLinks.VALIDITY);
        HttpResponse expired = sessions.handle(request("POST", path, Map.of()));

        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(foreignOrigin.status()).isEqualTo(403);
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body()).contains("This sign-in link is not valid");
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.body()).contains("This sign-in link has expired");
        assertThat(store.sessions).isEmpty();
        assertThat(store.usedLinks).isEmpty();
    }

    @Test
    void aSession_isOneRead_givesTheViewerAndACsrfTokenBoundToIt_andEndsAtItsExpiry() {
        String alice = cookie(signIn("alice", false));
        String again = cookie(signIn("alice", false));
        store.reads = 0;

        Optional<ConsoleSessions.Session> session = sessions.session(request("GET", "/console", Map.of("cookie",
                "other=1; " + alice)));

        assertThat(store.reads).as("reads of the table for one request").isEqualTo(1);
        assertThat(session).hasValueSatisfying(s -> {
            assertThat(s.viewer().personId()).isEqualTo("alice");
            assertThat(s.viewer().name()).isEqualTo("Alice Martin");
            assertThat(s.viewer().mayAct()).isTrue();
            assertThat(s.csrfToken()).matches("[A-Za-z0-9_-]{32}");
        });
        assertThat(sessions.session(request("GET", "/console", Map.of("cookie", again))).orElseThrow().csrfToken())
                .as("another session's token").isNotEqualTo(session.get().csrfToken());
        clock.advance(SessionCookie.LIFETIME);
        assertThat(sessions.session(request("GET", "/console", Map.of("cookie", alice)))).isEmpty();
    }

    @Test
    void aForgedCookie_isNoSession_andCostsNoRead() {
        String alice = cookie(signIn("alice", false));
        String value = alice.substring(alice.indexOf('=') + 1);
        store.reads = 0;

        for (String forged : List.of(SessionCookie.NAME + "=" + value.substring(0, value.length() - 2) + "AA",
                SessionCookie.NAME + "=", SessionCookie.NAME + "=!!", "firebell=" + value)) {
            assertThat(sessions.session(request("GET", "/console", Map.of("cookie", forged)))).as(forged).isEmpty();
        }
        assertThat(store.reads).isZero();
    }

    @Test
    void aReader_andSomeoneRemovedFromTheConfiguration_mayReadButNotAct() {
        String stranger = cookie(signIn("U0STRANGER", true));
        String sameId = cookie(signIn("bob", true));
        String alice = cookie(signIn("alice", false));
        config = new ConfigBinder().bind(Map.of("people", Map.of(
                "bob", Map.of("name", "Bob, whose id a reader's happens to be", "timeZone", "UTC"))));

        ConsoleSessions.Session reader = sessions.session(request("GET", "/console", Map.of("cookie", stranger)))
                .orElseThrow();
        ConsoleSessions.Session removed = sessions.session(request("GET", "/console", Map.of("cookie", alice)))
                .orElseThrow();

        assertThat(reader.viewer().mayAct()).isFalse();
        assertThat(sessions.session(request("GET", "/console", Map.of("cookie", sameId))).orElseThrow().viewer()
                .mayAct()).as("a reader stays a reader, whatever ids the configuration holds").isFalse();
        assertThat(reader.viewer().personId()).isEqualTo("U0STRANGER");
        assertThat(removed.viewer().mayAct()).isFalse();
        HttpResponse refused = new Console(sessions, Set.of()).handle(request("POST", "/console/incidents/1/ack",
                Map.of("cookie", stranger), "csrf=" + reader.csrfToken()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Read only");
    }

    @Test
    void signingOut_needsTheSessionsCsrfToken_endsTheSession_andClearsTheCookie() {
        String alice = cookie(signIn("alice", false));
        String csrf = sessions.session(request("GET", "/console", Map.of("cookie", alice))).orElseThrow().csrfToken();

        HttpResponse withoutToken = sessions.handle(request("POST", "/console/sign-out", Map.of("cookie", alice),
                "csrf=wrong"));
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(sessions.session(request("GET", "/console", Map.of("cookie", alice)))).isPresent();

        HttpResponse out = sessions.handle(request("POST", "/console/sign-out", Map.of("cookie", alice), "csrf=" + csrf));

        assertThat(out.status()).isEqualTo(303);
        assertThat(out.header("location")).isEqualTo("/console/signed-out");
        assertThat(out.cookies()).containsExactly(SessionCookie.NAME + "=; Path=/; Max-Age=0; Secure; HttpOnly;"
                + " SameSite=Lax");
        assertThat(sessions.session(request("GET", "/console", Map.of("cookie", alice)))).as("the old cookie").isEmpty();
        assertThat(store.sessions).isEmpty();
        assertThat(sessions.handle(request("GET", "/console/signed-out", Map.of())).body())
                .contains("You are signed out");
        assertThat(sessions.handle(request("GET", "/console/sign-out", Map.of())).status()).isEqualTo(405);
    }

    /** Signs {@code person} in through a link's button; the response that set the cookie. */
    private HttpResponse signIn(String person, boolean reader) {
        HttpResponse response = sessions.handle(request("POST", path(links.issue(person, reader).url()), Map.of()));
        assertThat(response.status()).isEqualTo(303);
        return response;
    }

    /** The {@code name=value} a browser sends back for the cookie the response set. */
    private static String cookie(HttpResponse response) {
        String set = response.cookies().get(0);
        return set.substring(0, set.indexOf(';'));
    }

    private static String path(String url) {
        return url.substring(url.indexOf('/', "https://".length()));
    }

    private static HttpRequest request(String method, String path, Map<String, String> headers) {
        return request(method, path, headers, "");
    }

    private static HttpRequest request(String method, String path, Map<String, String> headers, String form) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("host", HOST);
        if (method.equals("POST")) {
            all.put("content-type", "application/x-www-form-urlencoded");
        }
        return new HttpRequest(method, path, "", all, form.getBytes(StandardCharsets.UTF_8), HOST, "198.51.100.7");
    }
}
