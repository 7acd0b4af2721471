package dev.firebell.function.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.Json;
import dev.firebell.link.SignInLinks;
import dev.firebell.local.FunctionUrlEvent;
import dev.firebell.local.LocalLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console as a browser speaks to it, through {@link WebFixture}'s web handler (its production graph on the
 * emulator), for integration tests of console pages: sign a person in with a real one-time link, then GET and POST
 * pages with the session's cookie and CSRF token.
 *
 * <pre>
 * ConsoleClient console = new ConsoleClient(fixture);
 * String alice = console.signIn("alice");
 * ConsoleClient.Answer page = console.get("/console/incidents", alice);
 * console.post("/console/incidents/7/acknowledge", alice, "csrf=" + console.csrf(alice));
 * </pre>
 */
final class ConsoleClient {

    /** The host requests arrive at, as a Function URL's. */
    static final String HOST = "4uzzxkbmqvl2gqvsdxqrvtd6pe0ozvzx.lambda-url.eu-west-1.on.aws";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"");

    private final WebFixture fixture;
    private final SignInLinks links;

    ConsoleClient(WebFixture fixture) {
        this.fixture = fixture;
        this.links = new SignInLinks(fixture.web.linkKeys(), () -> Optional.of("https://" + HOST + "/"), fixture.clock);
    }

    /** What the Function URL returns: status, headers, body, and the cookies it sets (whole Set-Cookie values). */
    record Answer(int status, Map<String, Object> headers, String body, List<String> cookies) {
    }

    /** A sign-in link for {@code person} ({@code reader}: outside the configuration), as chat and the CLI make them. */
    String link(String person, boolean reader) {
        return links.issue(person, reader).url();
    }

    /** Signs a person of the configuration in through a link's button: the cookie to send ({@code name=value}). */
    String signIn(String person) {
        return signIn(person, false);
    }

    String signIn(String person, boolean reader) {
        Answer signedIn = request("POST", link(person, reader), null, "");
        assertThat(signedIn.status()).as("signing in %s", person).isEqualTo(303);
        String set = signedIn.cookies().get(0);
        return set.substring(0, set.indexOf(';'));
    }

    /** The CSRF token of the cookie's session, as every form of its pages holds it. */
    String csrf(String cookie) {
        Matcher m = CSRF.matcher(get("/console", cookie).body());
        assertThat(m.find()).as("a CSRF field on the console's page").isTrue();
        return m.group(1);
    }

    Answer get(String path, String cookie) {
        return request("GET", "https://" + HOST + path, cookie, "");
    }

    /** A form post ({@code form}: url-encoded fields, the CSRF token among them when it should pass). */
    Answer post(String path, String cookie, String form) {
        return request("POST", "https://" + HOST + path, cookie, form);
    }

    @SuppressWarnings("unchecked")
    Answer request(String method, String url, String cookie, String form) {
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
        byte[] event = FunctionUrlEvent.of(method, uri.getRawPath(), uri.getRawQuery() == null ? ""
                : uri.getRawQuery(), headers, form.getBytes(StandardCharsets.UTF_8), true, "198.51.100.7");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            fixture.handler.handleRequest(new ByteArrayInputStream(event), out, new LocalLambdaContext("WebFunction",
                    15, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
            Map<String, Object> encoded = Json.readObject(out.toString(StandardCharsets.UTF_8));
            return new Answer(((Number) encoded.get("statusCode")).intValue(),
                    (Map<String, Object>) encoded.get("headers"), String.valueOf(encoded.get("body")),
                    (List<String>) encoded.getOrDefault("cookies", List.of()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
