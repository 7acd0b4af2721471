package dev.firebell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.aws.secrets.SecretsManagerLinkKeys;
import dev.firebell.function.web.WebHandler;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.ShiftedClock;
import dev.firebell.local.junit.LocalStackTest;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;

/**
 * Signing in to the web console in a real browser: a link made by {@code console-link}'s code is opened in headless
 * Chromium (the web function served on http://127.0.0.1 as its Function URL would be), its page only shows a button, the button signs in
 * and lands on the console with a {@code __Host-} cookie the browser keeps as HttpOnly, Secure and SameSite=Lax;
 * signing out ends the session (the next page is the 401 page) and the link cannot be used again. Every page is
 * checked (strict headers, nothing from elsewhere, no script) and saved under {@code target/console-screenshots/}.
 */
@LocalStackTest
class ConsoleInBrowserTest {

    private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final Map<String, Object> CONFIGURATION = Map.of(
            "routing", Map.of("default", Map.of("service", "checkout", "severity", "SEV2")),
            "services", Map.of("checkout", Map.of("pageTarget", "person:alice", "groupingWindow", "0s")),
            "people", Map.of("alice", Map.of("name", "Alice Martin", "timeZone", "Europe/Paris")));

    private final LocalStack local;
    private final LocalResources resources;

    ConsoleInBrowserTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @Test
    void aConsoleLink_signsInOnce_withAStrictCookie_andSigningOutEndsTheSession(@TempDir Path profile) throws Exception {
        // GIVEN the web function served on http://127.0.0.1 (as ./firebell serve does), and a link for alice
        ShiftedClock clock = ShiftedClock.startingAt(T0);
        DynamoConfigStore config = configured(clock);
        FunctionRunner runner = new FunctionRunner(resources, QUIET)
                .handler(ServeCommand.WEB_FUNCTION, environment -> new WebHandler(environment, clock));
        try (FunctionUrlServer web = FunctionUrlServer.start(runner, ServeCommand.WEB_FUNCTION, 0, QUIET)) {
            URI base = ConsoleLinkCommand.localBase(web.url());
            URI link = URI.create(ConsoleLinkCommand.link(config.current(), keys(clock), base.toString(), "alice", clock)
                    .url());
            assertThat(link.toString()).startsWith(base + "console/sign-in/");
            try (ConsoleBrowser console = ConsoleBrowser.start(profile, base)) {
                WebDriver browser = console.driver();

                // WHEN alice opens it and presses Sign in
                int landed = console.signIn(link, "console-home");

                // THEN she is on the console (the incidents area, or its frame's 404 page until that area exists) with a
                // session cookie Chromium keeps HttpOnly, Secure and SameSite even on http://127.0.0.1
                assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/console/incidents");
                assertThat(landed).isIn(200, 404);
                assertThat(browser.findElement(By.tagName("nav")).getText()).contains("Sign out Alice Martin");
                Cookie cookie = console.sessionCookie();
                assertThat(cookie).as("the session cookie").isNotNull();
                assertThat(cookie.isHttpOnly()).isTrue();
                assertThat(cookie.isSecure()).isTrue();
                assertThat(cookie.getSameSite()).isEqualTo("Lax");
                assertThat(cookie.getPath()).isEqualTo("/");
                assertThat(cookie.getDomain()).isEqualTo("127.0.0.1");
                assertThat(cookie.getExpiry()).as("a session of 12 hours, not a browser-session cookie").isNotNull();

                // WHEN she signs out
                console.signOut();

                // THEN the cookie is gone, and a page asked for with the old cookie is the 401 page
                assertThat(console.sessionCookie()).isNull();
                browser.manage().addCookie(cookie);
                console.open("/console/incidents", "signed-out-401", 401);
                assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in to Firebell");

                // AND the link, used once, signs nobody in again
                browser.get(link.toString());
                assertThat(browser.findElement(By.tagName("h1")).getText())
                        .isEqualTo("This sign-in link was already used");
                console.assertStrictAndAlone(console.chromium().exchanges(), "GET", 410);
                console.saved("link-used");
                // The console lists each 4xx page it was answered; nothing else (a CSP violation would show here).
                assertThat(console.chromium().console()).as("the browser's console")
                        .allMatch(m -> m.contains("Failed to load resource: the server responded with a status of 4"));
            }
        }
    }

    private DynamoConfigStore configured(ShiftedClock clock) {
        String table = resources.tableName("FirebellTable");
        local.emptyTable(table);
        DynamoConfigStore config = new DynamoConfigStore(local.dynamoDb(), table, clock, Duration.ZERO);
        config.apply(CONFIGURATION, "browser test");
        return config;
    }

    private SecretsManagerLinkKeys keys(ShiftedClock clock) {
        return new SecretsManagerLinkKeys(local.secretsManager(),
                resources.environmentOf(ServeCommand.WEB_FUNCTION).get("LINK_KEY_SECRET_ARN"), clock);
    }

}
