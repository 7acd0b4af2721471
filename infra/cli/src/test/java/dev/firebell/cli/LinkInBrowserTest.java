package dev.firebell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.function.web.WebHandler;
import dev.firebell.incident.Actor;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.ShiftedClock;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.routing.Severity;
import dev.firebell.timeline.TimelineEntryType;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A page's link in a real browser: an incident pages alice through the local stack's topic, the Acknowledge link of the
 * e-mail she received is opened in headless Chromium (the web function served on 127.0.0.1 as its Function URL), the
 * confirmation shows the incident and one button, the button acknowledges, and the table says so. What the browser
 * itself saw is checked too: the strict headers, no Referer sent, nothing loaded from anywhere else, the page's style
 * allowed by its Content Security Policy, no script, no sideways scrolling on a phone's width.
 */
@LocalStackTest
class LinkInBrowserTest {

    private static final String WEB_FUNCTION = "WebFunction";
    private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final Map<String, Object> CONFIGURATION = Map.of(
            "routing", Map.of("default", Map.of("service", "checkout", "severity", "SEV2")),
            "services", Map.of("checkout", Map.of("escalationPolicy", "checkout", "groupingWindow", "0s")),
            "people", Map.of(
                    "alice", Map.of("name", "Alice Martin", "timeZone", "Europe/Paris", "contacts",
                            List.of(Map.of("email", "alice@example.com"), Map.of("sms", "+33612345678"))),
                    "bob", Map.of("name", "Bob Jones", "timeZone", "America/New_York")),
            "escalationPolicies", Map.of("checkout", Map.of("levels", List.of(
                    Map.of("escalateAfter", "5m", "targets", List.of(Map.of("person", "alice"))),
                    Map.of("escalateAfter", "5m", "targets", List.of(Map.of("person", "bob")))))));

    private final LocalStack local;
    private final LocalResources resources;

    LinkInBrowserTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @Test
    void theAcknowledgeLinkOfAnEmailPage_showsTheIncident_andItsButtonAcknowledges_inChromium(@TempDir Path profile)
            throws Exception {
        // GIVEN the web function served on 127.0.0.1 as its Function URL, and an incident that paged alice
        ShiftedClock clock = ShiftedClock.startingAt(T0);
        String table = resources.tableName("FirebellTable");
        local.emptyTable(table);
        new DynamoConfigStore(local.dynamoDb(), table, clock, Duration.ZERO).apply(CONFIGURATION, "browser test");
        FunctionRunner runner = new FunctionRunner(resources, QUIET)
                .handler(WEB_FUNCTION, environment -> new WebHandler(environment, clock));
        try (FunctionUrlServer web = FunctionUrlServer.start(runner, WEB_FUNCTION, 0, QUIET);
             HeadlessChromium chromium = HeadlessChromium.start(profile)) {
            resources.serveFunctionUrl(WEB_FUNCTION, web.url());
            LocalComponent paging = DaggerLocalComponent.builder()
                    .environment(runner.environmentOf("AlarmIngestFunction")).clock(clock).build();
            String id = paging.incidentCommands()
                    .declare("Checkout <5xx> high", Severity.SEV2, "checkout", Actor.of("carol")).incident().id();
            URI link = DemoAnswers.emailLink(DemoAnswers.lastPage(local, resources, id, "alice"), "Acknowledge");
            assertThat(link.toString()).startsWith(web.url() + "l/");
            WebDriver browser = chromium.driver();

            // WHEN alice opens the link
            browser.get(link.toString());

            // THEN the confirmation shows the incident and one button, and nothing changed
            assertThat(browser.getTitle()).isEqualTo("Acknowledge #" + id + " - Firebell");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Acknowledge incident #" + id + "?");
            assertThat(facts(browser)).containsEntry("Incident", "#" + id)
                    .containsEntry("Title", "Checkout <5xx> high")
                    .containsEntry("Service", "checkout")
                    .containsEntry("Severity", "SEV2")
                    .containsEntry("Status", "Triggered");
            List<WebElement> buttons = browser.findElements(By.tagName("button"));
            assertThat(buttons).hasSize(1);
            WebElement button = buttons.get(0);
            assertThat(button.getText()).isEqualTo("Acknowledge #" + id);
            assertThat(button.isDisplayed()).isTrue();
            // The page's only style is inline and allowed by its hash: the browser applied it.
            assertThat(button.getCssValue("background-color")).isEqualTo("rgba(11, 79, 138, 1)");
            assertUsableOnAPhone(browser);
            assertThat(paging.store().incident(id)).hasValueSatisfying(i -> assertThat(i.status())
                    .as("a GET changes nothing").isEqualTo(IncidentStatus.TRIGGERED));
            List<HeadlessChromium.Exchange> shown = chromium.exchanges();
            assertStrictAndAlone(shown, web.url(), "GET");

            // WHEN she presses the button
            chromium.clickThrough(button);

            // THEN the result page says it is done, with no button, and the table says alice acknowledged it
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("#" + id + " acknowledged");
            assertThat(browser.findElement(By.tagName("main")).getText())
                    .contains("#" + id + " acknowledged by alice from an e-mail link; escalation stopped");
            assertThat(browser.findElements(By.tagName("button"))).isEmpty();
            assertThat(facts(browser)).containsEntry("Status", "Acknowledged by alice");
            assertThat(browser.getCurrentUrl()).isEqualTo(link.toString());
            Incident acknowledged = paging.store().incident(id).orElseThrow();
            assertThat(acknowledged.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
            assertThat(acknowledged.acknowledgedBy()).isEqualTo("alice");
            assertThat(paging.store().timeline(id)).filteredOn(e -> e.type() == TimelineEntryType.ACKNOWLEDGED)
                    .singleElement().satisfies(e -> {
                        assertThat(e.summary()).isEqualTo("acknowledged by alice from an e-mail link;"
                                + " escalation stopped");
                        assertThat(e.details()).containsEntry("via", "email-link");
                    });
            List<HeadlessChromium.Exchange> pressed = chromium.exchanges();
            assertStrictAndAlone(pressed, web.url(), "POST");
            assertThat(pressed.get(0).referrerPolicy()).as("the policy the button's request was sent under")
                    .isEqualTo("no-referrer");
            assertThat(chromium.console()).as("the browser's console (a CSP violation would show here)").isEmpty();
        }
    }

    /** The facts list of the page: label to value, as the browser shows them. */
    private static Map<String, String> facts(WebDriver browser) {
        List<WebElement> labels = browser.findElements(By.tagName("dt"));
        List<WebElement> values = browser.findElements(By.tagName("dd"));
        assertThat(values).hasSameSizeAs(labels);
        Map<String, String> facts = new java.util.LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            facts.put(labels.get(i).getText(), values.get(i).getText());
        }
        return facts;
    }

    /** 390 CSS pixels wide: nothing scrolls sideways, the button spans the width, and the page has no script. */
    private static void assertUsableOnAPhone(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long viewport = ((Number) js.executeScript("return window.innerWidth")).longValue();
        long content = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertThat(content).as("page width at a viewport of %d px", viewport).isLessThanOrEqualTo(viewport);
        assertThat(browser.findElement(By.tagName("button")).getSize().getWidth()).isGreaterThan((int) (viewport / 2));
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
    }

    /**
     * What the browser saw: for the link's page, one request of {@code method} to the web function, answered with the
     * strict headers and sent without a Referer, and no other (no style, font, image or script from anywhere); and no
     * request of any page over the network to anywhere but the web function. (The browser's own chrome:// pages, such
     * as the tab it opened with, are not the network.)
     */
    private static void assertStrictAndAlone(List<HeadlessChromium.Exchange> all, URI origin, String method) {
        assertThat(all).filteredOn(e -> !e.url().startsWith("chrome:") && !e.url().startsWith("data:"))
                .as("every request over the network").allSatisfy(e ->
                        assertThat(URI.create(e.url()).resolve("/")).isEqualTo(origin));
        List<HeadlessChromium.Exchange> exchanges = all.stream()
                .filter(e -> e.documentUrl().startsWith(origin.toString())).toList();
        assertThat(exchanges).singleElement().satisfies(e -> {
            assertThat(e.method()).isEqualTo(method);
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.responseHeader("content-security-policy")).startsWith("default-src 'none';")
                    .contains("style-src 'sha256-").contains("form-action 'self'").contains("frame-ancestors 'none'")
                    .doesNotContain("script-src");
            assertThat(e.responseHeader("referrer-policy")).isEqualTo("no-referrer");
            assertThat(e.responseHeader("cache-control")).isEqualTo("no-store");
            assertThat(e.responseHeader("x-content-type-options")).isEqualTo("nosniff");
            assertThat(e.responseHeader("x-frame-options")).isEqualTo("DENY");
            assertThat(e.responseHeader("content-type")).isEqualTo("text/html; charset=utf-8");
            assertThat(e.sentHeader("Referer")).as("a Referer sent with %s %s", method, e.url()).isFalse();
        });
    }
}
