package dev.firebell.cli;

import dev.firebell.aws.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver through Selenium, the size of a phone's screen. Both are
 * given by path, so Selenium Manager never runs (it would try to download a driver or a browser). Nothing the browser
 * does leaves the machine: every host but the loopback resolves to nothing, and a proxy that does not exist stands in
 * front of anything else. The browser's own network log (Chrome's performance log: what it requested and what it was
 * answered, headers included) and console are kept for the test to read.
 *
 * <p>{@code .ci/run} installs {@code chromium} and {@code chromium-driver} when either is missing.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** A phone's screen, in CSS pixels (an iPhone 12 to 15). */
    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;

    /** Long enough for a page behind the local stack on a loaded 2-core machine; a wait, not a measurement. */
    private static final Duration NAVIGATION = Duration.ofSeconds(60);

    /**
     * One request the browser made, for the document at {@code documentUrl} (the page itself, or what loaded it), and
     * the response it got (from Chrome's DevTools network events).
     */
    record Exchange(String documentUrl, String url, String method, String referrerPolicy, Map<String, Object> requestHeaders, int status,
                    Map<String, Object> responseHeaders) {

        /** A response header, by its name in any case; null when absent. */
        String responseHeader(String name) {
            return responseHeaders.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.valueOf(e.getValue())).findFirst().orElse(null);
        }

        boolean sentHeader(String name) {
            return requestHeaders.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(name));
        }
    }

    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver) {
        this.service = service;
        this.driver = driver;
    }

    /** Starts the browser with a profile in {@code profile} (an empty directory the caller removes). */
    static HeadlessChromium start(Path profile) {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("a real-browser test needs " + BROWSER + " and " + DRIVER
                    + ": apt-get install -y chromium chromium-driver (.ci/run does this when they are missing)");
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile()).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=390,844",
                "--user-data-dir=" + profile.toAbsolutePath(),
                // Nothing leaves 127.0.0.1: no name resolves but the loopback's, and the rest meets a closed port.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--proxy-server=http://127.0.0.1:9",
                "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-domain-reliability",
                "--disable-client-side-phishing-detection", "--disable-extensions", "--no-pings");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        HeadlessChromium chromium;
        try {
            chromium = new HeadlessChromium(service, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
        chromium.viewport(PHONE_WIDTH, PHONE_HEIGHT);
        return chromium;
    }

    /**
     * Lays pages out in a viewport of exactly this many CSS pixels, as a phone (narrower than 600) or a desktop browser
     * would: headless Chromium keeps its window at least 500 px wide, so a window of a phone's width is not one.
     */
    void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 600));
    }

    WebDriver driver() {
        return driver;
    }

    /**
     * Clicks what submits a form or follows a link, and returns once the next page has replaced this one. A click does
     * not wait for the navigation it starts: looking for the next page's elements straight after it races the server
     * (and loses on a busy machine, where the old page is already gone and the new one not yet parsed).
     */
    void clickThrough(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, NAVIGATION).until(ExpectedConditions.and(ExpectedConditions.stalenessOf(page),
                d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"))));
    }

    /** What the browser requested since last asked (its network events, in order), with the responses it got. */
    List<Exchange> exchanges() {
        Map<String, Map<String, Object>> requests = new java.util.LinkedHashMap<>();
        Map<String, String> documents = new java.util.HashMap<>();
        Map<String, Map<String, Object>> responses = new java.util.HashMap<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            Map<String, Object> message = message(entry);
            Map<String, Object> params = map(message.get("params"));
            String requestId = String.valueOf(params.get("requestId"));
            switch (String.valueOf(message.get("method"))) {
                case "Network.requestWillBeSent" -> {
                    requests.put(requestId, map(params.get("request")));
                    documents.put(requestId, String.valueOf(params.get("documentURL")));
                }
                case "Network.responseReceived" -> responses.put(requestId, map(params.get("response")));
                default -> {
                }
            }
        }
        List<Exchange> exchanges = new ArrayList<>();
        requests.forEach((id, request) -> {
            Map<String, Object> response = responses.getOrDefault(id, Map.of());
            exchanges.add(new Exchange(documents.get(id), String.valueOf(request.get("url")), String.valueOf(request.get("method")),
                    String.valueOf(request.get("referrerPolicy")), map(request.get("headers")),
                    response.get("status") instanceof Number n ? n.intValue() : -1, map(response.get("headers"))));
        });
        return exchanges;
    }

    /** The browser console's messages since last asked (a Content Security Policy violation would be one). */
    List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }

    private static Map<String, Object> message(LogEntry entry) {
        try {
            return map(Json.readObject(entry.getMessage()).get("message"));
        } catch (IOException e) {
            throw new UncheckedIOException("not a DevTools event: " + entry.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
