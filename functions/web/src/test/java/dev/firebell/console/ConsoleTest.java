package dev.firebell.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.web.HttpRequest;
import dev.firebell.web.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsoleTest {

    private static final String TOKEN = "csrf-of-alices-session";

    private final List<ConsoleRequest> reached = new ArrayList<>();
    private final ConsolePages incidents = new ConsolePages() {
        @Override
        public boolean handles(String path) {
            return path.startsWith("/console/incidents");
        }

        @Override
        public HttpResponse handle(ConsoleRequest request) {
            reached.add(request);
            return ConsoleLayout.page(request, ConsoleLayout.Section.INCIDENTS, "Incidents", "<p>none</p>");
        }
    };

    @Test
    void withoutASession_noPageIsReached_andTheAnswerSaysHowToSignIn() {
        HttpResponse response = console(Optional.empty()).handle(get("/console/incidents"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).contains("/incident console").contains("./firebell console-link");
        assertThat(reached).isEmpty();
    }

    @Test
    void aSignedInViewer_reachesTheArea_andTheHomeIsTheIncidentsPage() {
        Console console = console(session(true));

        HttpResponse home = console.handle(get("/console"));

        assertThat(home.status()).isEqualTo(200);
        assertThat(reached).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/console/incidents");
            assertThat(r.viewer().personId()).isEqualTo("alice");
        });
        assertThat(home.body()).contains("<a href=\"/console/incidents\" aria-current=\"page\">Incidents</a>")
                .contains("<a href=\"/console/people/alice\">My shifts</a>")
                .contains("<input type=\"hidden\" name=\"csrf\" value=\"" + TOKEN + "\">");
    }

    @Test
    void aPostWithoutItsSessionsCsrfToken_isRefused_beforeAnyPageActs() {
        Console console = console(session(true));

        HttpResponse missing = console.handle(post("/console/incidents/7/acknowledge", "note=x"));
        HttpResponse wrong = console.handle(post("/console/incidents/7/acknowledge", "csrf=csrf-of-bobs-session"));

        assertThat(missing.status()).isEqualTo(403);
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.body()).contains("Nothing was changed");
        assertThat(reached).isEmpty();
    }

    @Test
    void aPostFromAReaderOutsideTheConfiguration_isRefused_evenWithItsToken() {
        HttpResponse response = console(session(false)).handle(post("/console/incidents/7/acknowledge",
                "csrf=" + TOKEN));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("U024BE7LH is not a person of Firebell&#39;s configuration");
        assertThat(reached).isEmpty();
    }

    @Test
    void aPostWithItsToken_fromAPersonOfTheConfiguration_reachesThePage() {
        HttpResponse response = console(session(true)).handle(post("/console/incidents/7/acknowledge",
                "csrf=" + TOKEN + "&note=on+it"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(reached).singleElement().satisfies(r -> assertThat(r.form()).containsEntry("note", "on it"));
    }

    @Test
    void anUnknownPath_isANotFoundPage_withTheNavigation() {
        HttpResponse response = console(session(true)).handle(get("/console/nowhere"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).contains("aria-label=\"Console\"");
    }

    @Test
    void aPathClaimedByTwoAreas_isABug_neverAnswerDecidedByTheSetsOrder() {
        ConsolePages greedy = new ConsolePages() {
            @Override
            public boolean handles(String path) {
                return path.startsWith("/console/");
            }

            @Override
            public HttpResponse handle(ConsoleRequest request) {
                throw new AssertionError("never chosen");
            }
        };
        Console console = new Console(new ConsoleSessions() {
            @Override
            public Optional<Session> session(HttpRequest request) {
                return ConsoleTest.session(true);
            }

            @Override
            public boolean handles(String path) {
                return false;
            }

            @Override
            public HttpResponse handle(HttpRequest request) {
                throw new AssertionError("no sign-in path in these tests");
            }
        }, Set.of(incidents, greedy));

        assertThatThrownBy(() -> console.handle(get("/console/incidents")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("claimed by 2 areas");
        assertThat(reached).isEmpty();
    }

    @Test
    void otherMethods_areRefused() {
        HttpResponse response = console(session(true)).handle(new HttpRequest("DELETE", "/console/incidents", "",
                Map.of(), null, "console.example", "192.0.2.1"));

        assertThat(response.status()).isEqualTo(405);
        assertThat(reached).isEmpty();
    }

    @Test
    void everyAnswer_allowsOnlyTheConsolesOwnStyle_byItsHash_andNoScript() throws Exception {
        HttpResponse response = console(session(true)).handle(get("/console/incidents"));

        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(ConsoleStyle.ALL.getBytes(StandardCharsets.UTF_8)));
        assertThat(response.header("content-security-policy")).isEqualTo("default-src 'none'; style-src 'sha256-"
                + hash + "'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        assertThat(response.body()).contains("<style>" + ConsoleStyle.ALL + "</style>").doesNotContain("<script");
        assertThat(response.headers()).containsEntry("referrer-policy", "no-referrer")
                .containsEntry("cache-control", "no-store").containsEntry("x-frame-options", "DENY");
    }

    @Test
    void queryParameters_areDecoded_andAMalformedOneIsLeftOut() {
        ConsoleRequest request = new ConsoleRequest(new HttpRequest("GET", "/console/incidents",
                "service=checkout%20api&severity=SEV2&bad=%zz&period=", Map.of(), null, "c", "i"),
                new Viewer("alice", "Alice", true), TOKEN);

        assertThat(request.queryParameters()).containsEntry("service", "checkout api")
                .containsEntry("severity", "SEV2").doesNotContainKey("bad");
        assertThat(request.query("period")).isEmpty();
    }

    private Console console(Optional<ConsoleSessions.Session> session) {
        return new Console(new ConsoleSessions() {
            @Override
            public Optional<Session> session(HttpRequest request) {
                return session;
            }

            @Override
            public boolean handles(String path) {
                return false;
            }

            @Override
            public HttpResponse handle(HttpRequest request) {
                throw new AssertionError("no sign-in path in these tests");
            }
        }, Set.of(incidents));
    }

    private static Optional<ConsoleSessions.Session> session(boolean mayAct) {
        Viewer viewer = mayAct ? new Viewer("alice", "Alice Martin", true) : new Viewer("U024BE7LH", null, false);
        return Optional.of(new ConsoleSessions.Session(viewer, TOKEN));
    }

    private static HttpRequest get(String path) {
        return new HttpRequest("GET", path, "", Map.of(), null, "console.example", "192.0.2.1");
    }

    private static HttpRequest post(String path, String form) {
        return new HttpRequest("POST", path, "", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                form.getBytes(StandardCharsets.UTF_8), "console.example", "192.0.2.1");
    }
}
