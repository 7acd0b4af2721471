package dev.firebell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The web console in headless Chromium, for tests that walk its pages: sign in through a sign-in link's button, open
 * pages, press buttons, sign out; after each page, what the browser requested is checked (every response with the strict
 * headers, nothing from anywhere but the console's own origin, no script) and a screenshot is saved under
 * {@code target/console-screenshots/}.
 *
 * <pre>
 * try (ConsoleBrowser console = ConsoleBrowser.start(profile, web.url())) {
 *     console.signIn(link);                      // lands on /console/incidents
 *     console.open("/console/on-call", "on-call"); // checks the page, saves on-call.png
 * }
 * </pre>
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final String SESSION_COOKIE = "__Host-firebell";
    /** A laptop's browser window, for the README's screenshots. */
    static final int DESKTOP_WIDTH = 1280;
    static final int DESKTOP_HEIGHT = 800;

    private final HeadlessChromium chromium;
    private final URI origin;

    private ConsoleBrowser(HeadlessChromium chromium, URI origin) {
        this.chromium = chromium;
        this.origin = origin;
    }

    /** Chromium with a fresh profile in {@code profile}, for the console served at {@code origin} (ending with /). */
    static ConsoleBrowser start(Path profile, URI origin) {
        return new ConsoleBrowser(HeadlessChromium.start(profile), origin);
    }

    WebDriver driver() {
        return chromium.driver();
    }

    HeadlessChromium chromium() {
        return chromium;
    }

    /**
     * Opens a sign-in link (its page has one button and sets no cookie), presses Sign in, and returns once the console's
     * first page is shown, with the status it was answered with. Both pages are checked and saved as {@code sign-in}
     * and {@code <landing>}.
     */
    int signIn(URI link, String landing) {
        driver().get(link.toString());
        assertThat(driver().findElement(By.tagName("h1")).getText()).startsWith("Sign in to Firebell as ");
        assertThat(sessionCookie()).as("the cookie after only opening the link").isNull();
        checked("sign-in", "GET", 200);
        chromium.clickThrough(button("Sign in"));
        List<HeadlessChromium.Exchange> landed = chromium.exchanges();
        assertStrictAndAlone(landed, "GET", null);
        saved(landing);
        return landed.get(landed.size() - 1).status();
    }

    /** Opens a path of the console and checks what the browser got (a document of {@code status}, strict, alone). */
    void open(String path, String name, int status) {
        driver().get(origin.resolve(path).toString());
        checked(name, "GET", status);
    }

    /** Follows the link of exactly this text on the page shown, and checks the page it leads to (a 200). */
    void follow(String linkText, String name) {
        List<WebElement> links = driver().findElements(By.linkText(linkText));
        assertThat(links).as("links reading %s", linkText).isNotEmpty();
        chromium.clickThrough(links.get(0));
        checked(name, "GET", 200);
    }

    /**
     * Presses the button whose text starts with {@code label}; its form is answered with a redirect (Post/Redirect/Get)
     * to a page the browser shows: every response is checked, the last a 200.
     */
    void submit(String label, String name) {
        chromium.clickThrough(button(label));
        checked(name, "GET", 200);
    }

    /**
     * What a person with a screen reader or a keyboard needs of the page shown: one h1, every form control named by a
     * label (or aria-label), nothing in the browser's console (a blocked style or a CSP violation would be there), and
     * the first Tab lands on the skip link (unless the page was opened at a #part). Call it after the page's screenshots: the Tab leaves the skip link shown.
     */
    void assertUsable() {
        assertThat(driver().findElements(By.tagName("h1"))).as("h1 elements").hasSize(1);
        Object unlabelled = ((JavascriptExecutor) driver()).executeScript(
                "return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))"
                        + ".filter(e => (!e.labels || e.labels.length === 0) && !e.getAttribute('aria-label'))"
                        + ".map(e => e.outerHTML)");
        assertThat((List<?>) unlabelled).as("form controls without a label").isEmpty();
        assertThat(chromium.console()).as("the browser's console").isEmpty();
        if (URI.create(driver().getCurrentUrl()).getFragment() != null) {
            return; // a page opened at a #part starts Tab from there (after a form that leads back to its part)
        }
        new Actions(driver()).sendKeys(Keys.TAB).perform();
        WebElement focused = driver().switchTo().activeElement();
        assertThat(focused.getAttribute("class")).as("what the first Tab focuses").isEqualTo("skip");
        assertThat(focused.getAttribute("href")).endsWith("#main");
    }

    /** Presses the button whose text starts with {@code label} and waits for the page its form leads to. */
    void press(String label, String name) {
        chromium.clickThrough(button(label));
        saved(name);
    }

    /** Signs out with the navigation's button; the browser ends on the signed-out page. */
    void signOut() {
        press("Sign out", "signed-out");
        assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo("You are signed out");
    }

    /** The session cookie as the browser holds it, or null. */
    Cookie sessionCookie() {
        return driver().manage().getCookieNamed(SESSION_COOKIE);
    }

    WebElement button(String label) {
        List<WebElement> buttons = driver().findElements(By.tagName("button")).stream()
                .filter(b -> b.getText().startsWith(label)).toList();
        assertThat(buttons).as("buttons labelled %s", label).hasSize(1);
        return buttons.get(0);
    }

    /** What the browser requested for the page now shown: checked, and the page saved as {@code name}.png. */
    private void checked(String name, String method, Integer status) {
        assertStrictAndAlone(chromium.exchanges(), method, status);
        saved(name);
    }

    /**
     * Every request over the network went to the console's origin; every document the console answered carried the
     * strict headers; the last document is of {@code method} and {@code status}; the page has no script and does not
     * scroll sideways at a phone's width.
     */
    void assertStrictAndAlone(List<HeadlessChromium.Exchange> all, String method, Integer status) {
        List<HeadlessChromium.Exchange> network = all.stream()
                .filter(e -> !e.url().startsWith("chrome:") && !e.url().startsWith("data:")).toList();
        assertThat(network).as("requests over the network").isNotEmpty().allSatisfy(e ->
                assertThat(URI.create(e.url()).resolve("/")).isEqualTo(origin));
        assertThat(network).allSatisfy(e -> {
            assertThat(e.responseHeader("content-security-policy")).as("CSP of %s", e.url())
                    .startsWith("default-src 'none';").contains("form-action 'self'")
                    .contains("frame-ancestors 'none'").doesNotContain("script-src");
            assertThat(e.responseHeader("referrer-policy")).isEqualTo("no-referrer");
            assertThat(e.responseHeader("cache-control")).isEqualTo("no-store");
            assertThat(e.responseHeader("x-content-type-options")).isEqualTo("nosniff");
            assertThat(e.responseHeader("x-frame-options")).isEqualTo("DENY");
        });
        // The page itself: the last request for a document (what it loads after it, a favicon say, may end later).
        HeadlessChromium.Exchange last = network.stream().filter(e -> e.url().equals(e.documentUrl()))
                .reduce((first, second) -> second).orElse(network.get(network.size() - 1));
        assertThat(last.method()).as("method of %s", last.url()).isEqualTo(method);
        if (status != null) {
            assertThat(last.status()).as("status of %s (page \"%s\"; all: %s)", last.url(), driver().getTitle(),
                    network.stream().map(e -> e.method() + " " + e.url() + " " + e.status()).toList()).isEqualTo(status);
        }
        assertThat(last.responseHeader("content-type")).isEqualTo("text/html; charset=utf-8");
        long viewport = ((Number) ((JavascriptExecutor) driver()).executeScript("return window.innerWidth")).longValue();
        assertThat(viewport).as("the phone's viewport").isEqualTo(HeadlessChromium.PHONE_WIDTH);
        assertNoSidewaysScrolling();
        assertThat(driver().findElements(By.tagName("script"))).isEmpty();
    }

    /** Saves what the browser shows as {@code target/console-screenshots/<name>.png}. */
    Path saved(String name) {
        return screenshot(SCREENSHOTS.resolve(name + ".png"));
    }

    /**
     * Saves the page as a desktop browser shows it, {@link #DESKTOP_WIDTH} by {@link #DESKTOP_HEIGHT} CSS pixels (the top of the page, not all of
     * it: the README's pictures), as {@code target/console-screenshots/desktop/<name>.png}; the window is then a phone's
     * again. The page must not scroll sideways at that width either.
     */
    Path savedWide(String name) {
        chromium.viewport(DESKTOP_WIDTH, DESKTOP_HEIGHT);
        try {
            assertNoSidewaysScrolling();
            return screenshot(SCREENSHOTS.resolve("desktop").resolve(name + ".png"));
        } finally {
            chromium.viewport(HeadlessChromium.PHONE_WIDTH, HeadlessChromium.PHONE_HEIGHT);
        }
    }

    private void assertNoSidewaysScrolling() {
        JavascriptExecutor js = (JavascriptExecutor) driver();
        long viewport = ((Number) js.executeScript("return window.innerWidth")).longValue();
        long content = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertThat(content).as("page width at a viewport of %d px", viewport).isLessThanOrEqualTo(viewport);
    }

    private Path screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver()).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        chromium.close();
    }
}
