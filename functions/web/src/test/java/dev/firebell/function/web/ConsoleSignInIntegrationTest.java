package dev.firebell.function.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.Json;
import dev.firebell.link.SignInLinks;
import dev.firebell.local.FunctionUrlEvent;
import dev.firebell.local.LocalLambdaContext;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signing in to the console through the real web handler, its production graph and the emulator's table: the link's
 * button signs in once (one transaction writes the link's use and the session), the cookie comes back through the
 * Function URL's {@code cookies} lists, signing out deletes the session, and the used link is refused with a clear page.
 */
@LocalStackTest
class ConsoleSignInIntegrationTest {

    private static final String HOST = "4uzzxkbmqvl2gqvsdxqrvtd6pe0ozvzx.lambda-url.eu-west-1.on.aws";

    private final LocalStack local;
    private final LocalResources resources;
    private WebFixture fixture;
    private SignInLinks links;

    ConsoleSignInIntegrationTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @BeforeEach
    void scene() {
        fixture = new WebFixture(local, resources);
        links = new SignInLinks(fixture.web.linkKeys(), () -> Optional.of("https://" + HOST + "/"), fixture.clock);
    }

    /** What the Function URL returns: status, headers, body and the cookies it sets. */
    private record Answer(int status, Map<String, Object> headers, String body, List<String> cookies) {
    }

    @Test
    void theLinksButton_signsInOnce_signingOutEndsTheSession_andTheUsedLinkIsRefused() {
        String link = links.issue("alice", false).url();
        var before = fixture.items();

        Answer page = request("GET", link, null, "");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Sign in to Firebell as Alice?");
        assertThat(fixture.items()).as("a GET writes nothing").isEqualTo(before);

        Answer signedIn = request("POST", link, null, "");
        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.headers()).containsEntry("location", "/console/incidents");
        assertThat(signedIn.cookies()).singleElement().asString().startsWith("__Host-firebell=")
                .contains("; Secure; HttpOnly; SameSite=Lax");
        String cookie = signedIn.cookies().get(0).substring(0, signedIn.cookies().get(0).indexOf(';'));
        assertThat(fixture.items().keySet()).filteredOn(k -> !before.containsKey(k)).hasSize(2)
                .anyMatch(k -> k.startsWith("SIGNIN#") && k.endsWith(" | SIGNIN"))
                .anyMatch(k -> k.startsWith("SESSION#") && k.endsWith(" | SESSION"));
        assertThat(fixture.items().values()).filteredOn(i -> i.get("PK").s().startsWith("SESSION#"))
                .singleElement().satisfies(i -> {
                    assertThat(i.get("personId").s()).isEqualTo("alice");
                    assertThat(i.get("expiresAt").n()).as("TTL").isEqualTo(String.valueOf(WebFixture.T0
                            .plusSeconds(12 * 3600).getEpochSecond()));
                    assertThat(i.toString()).doesNotContain(cookie.substring(cookie.indexOf('=') + 1));
                });

        Answer home = request("GET", "https://" + HOST + "/console", cookie, "");
        assertThat(home.status()).as("signed in: the console's frame, not its 401 page").isNotEqualTo(401);
        assertThat(home.body()).contains("Sign out Alice");
        String csrf = home.body().replaceAll("(?s).*name=\"csrf\" value=\"([A-Za-z0-9_-]+)\".*", "$1");

        Answer again = request("POST", link, null, "");
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.body()).contains("This sign-in link was already used").contains("/incident console");
        assertThat(again.cookies()).isEmpty();

        Answer out = request("POST", "https://" + HOST + "/console/sign-out", cookie, "csrf=" + csrf);
        assertThat(out.status()).isEqualTo(303);
        assertThat(out.cookies()).singleElement().asString().contains("Max-Age=0");
        assertThat(fixture.items().keySet()).noneMatch(k -> k.startsWith("SESSION#"));
        Answer after = request("GET", "https://" + HOST + "/console/incidents", cookie, "");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.body()).contains("Sign in to Firebell");
    }

    @Test
    void twoPressesAtOnce_signInOnce() throws Exception {
        String link = links.issue("bob", false).url();
        List<java.util.concurrent.Callable<Answer>> presses = List.of(() -> request("POST", link, null, ""),
                () -> request("POST", link, null, ""), () -> request("POST", link, null, ""));

        List<Integer> statuses = new java.util.ArrayList<>();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            for (var f : pool.invokeAll(presses)) {
                statuses.add(f.get().status());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).containsExactlyInAnyOrder(303, 410, 410);
        assertThat(fixture.items().keySet()).filteredOn(k -> k.startsWith("SESSION#")).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private Answer request(String method, String url, String cookie, String form) {
        URI uri = URI.create(url);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", uri.getAuthority());
        if (cookie != null) {
            headers.put("cookie", cookie);
        }
        if (method.equals("POST")) {
            headers.put("content-type", "application/x-www-form-urlencoded");
            headers.put("sec-fetch-site", "same-origin");
        }
        byte[] event = FunctionUrlEvent.of(method, uri.getRawPath(), "", headers,
                form.getBytes(StandardCharsets.UTF_8), true, "198.51.100.7");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            fixture.handler.handleRequest(new ByteArrayInputStream(event), out, new LocalLambdaContext("WebFunction",
                    15, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
            Map<String, Object> encoded = Json.readObject(out.toString(StandardCharsets.UTF_8));
            return new Answer(((Number) encoded.get("statusCode")).intValue(), (Map<String, Object>) encoded
                    .get("headers"), String.valueOf(encoded.get("body")),
                    (List<String>) encoded.getOrDefault("cookies", List.of()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
