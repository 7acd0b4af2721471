package dev.firebell.slack;

import dev.firebell.aws.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * Slack's Web API with a bot token, through the JDK's HTTP client. Its wire contract, kept here in one place:
 * <ul>
 *   <li>writes are JSON bodies ({@link #call}), reads form-encoded query strings ({@link #read}), the token in
 *       {@code Authorization: Bearer xoxb-...};</li>
 *   <li>errors come as HTTP 200 with {@code "ok": false} and an {@code error} name, which the exception carries; a
 *       token Slack refuses ({@code invalid_auth}, {@code token_revoked}, ...) is read again once, in case it was
 *       rotated;</li>
 *   <li>HTTP 429 carries {@code Retry-After} seconds: waited out when the wait and the call still fit before the
 *       invocation's deadline, otherwise the call fails ({@link SlackApiException.Kind#RATE_LIMITED}) so that the
 *       stream retries later;</li>
 *   <li>anything else (HTTP 5xx, a timeout, a broken connection) fails at once and is not retried here: a post may
 *       have taken effect, and only the caller knows how to find out (the announcement's claim).</li>
 * </ul>
 * The base URL is a setting ({@code SLACK_API_URL}): https, or http on the loopback interface for the fake Web API
 * tests and the demo use ({@link #baseUrl}).
 */
public final class SlackWebApi {

    public static final String DEFAULT_URL = "https://slack.com/api/";
    /** One HTTP attempt; Slack answers in well under a second. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
    /** Rate-limited waits for one call before giving up to the stream's retries. */
    static final int MAX_WAITS = 5;
    /** A wait is taken only if this much is left after it, for the call itself. */
    static final Duration CALL_ROOM = ATTEMPT_TIMEOUT.plusSeconds(1);

    private static final Set<String> TOKEN_REFUSED = Set.of("invalid_auth", "not_authed", "token_revoked",
            "token_expired", "account_inactive");

    /** The bot token: a secret, read again when Slack refuses it. */
    public interface Token {
        /** The token; throws when none is configured, saying where it should be. */
        String current();

        /** Reads the token again after Slack refused it; whether a different one was found. */
        boolean reloadAfterRefusal();
    }

    /** Waits; tests move a clock instead. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final String configuredUrl;
    private volatile URI baseUrl;
    private final Token token;
    private final HttpClient http;
    private final InstantSource clock;
    private final Sleeper sleeper;
    private final Supplier<Instant> deadline;
    private final Duration attemptTimeout;

    /**
     * @param baseUrl  the {@code SLACK_API_URL} setting, checked by {@link #baseUrl} on the first call (a wrong one
     *                 fails every call, naming it)
     * @param deadline when the current invocation must be done: no wait is started that would end after it
     */
    public SlackWebApi(String baseUrl, Token token, HttpClient http, InstantSource clock, Sleeper sleeper,
                       Supplier<Instant> deadline) {
        this(baseUrl, token, http, clock, sleeper, deadline, ATTEMPT_TIMEOUT);
    }

    /** With another attempt timeout, for tests of a Slack slower than it. */
    SlackWebApi(String baseUrl, Token token, HttpClient http, InstantSource clock, Sleeper sleeper,
                Supplier<Instant> deadline, Duration attemptTimeout) {
        this.configuredUrl = baseUrl;
        this.token = token;
        this.http = http;
        this.clock = clock;
        this.sleeper = sleeper;
        this.deadline = deadline;
        this.attemptTimeout = attemptTimeout;
    }

    /** The JDK client Slack is called with: bounded connects, and no redirect followed (the token goes nowhere else). */
    public static HttpClient httpClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The Web API's base URL from its setting: {@value #DEFAULT_URL} when unset; otherwise an https URL, or an http
     * one on 127.0.0.1 or localhost (a fake API), ending with {@code /}. Anything else is refused: the bot token must
     * never travel in clear text.
     */
    public static URI baseUrl(String configured) {
        String value = configured == null || configured.isBlank() ? DEFAULT_URL : configured.strip();
        URI uri;
        try {
            uri = URI.create(value.endsWith("/") ? value : value + "/");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SLACK_API_URL '" + value + "' is not a URL", e);
        }
        boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback)) {
            throw new IllegalArgumentException("SLACK_API_URL '" + value + "' must be https (or http on 127.0.0.1 for a"
                    + " local fake), so the bot token never travels in clear text");
        }
        return uri;
    }

    /** A write method ({@code chat.postMessage}, {@code chat.update}) with a JSON body; Slack's answer when ok. */
    public Map<String, Object> call(String method, Map<String, Object> arguments) {
        String body = Json.write(arguments);
        return send(method, () -> HttpRequest.newBuilder(url().resolve(method))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A read method ({@code conversations.history}) with its arguments in the query string; the answer when ok. */
    public Map<String, Object> read(String method, Map<String, String> arguments) {
        StringJoiner query = new StringJoiner("&");
        arguments.forEach((k, v) -> query.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        URI uri = url().resolve(method + "?" + query);
        return send(method, () -> HttpRequest.newBuilder(uri).GET());
    }

    private URI url() {
        if (baseUrl == null) {
            baseUrl = baseUrl(configuredUrl);
        }
        return baseUrl;
    }

    /**
     * Waits {@code duration} if that leaves room for a call before the deadline; otherwise fails with {@code why}, so
     * that the invocation ends in time and its record is retried.
     */
    public void pause(Duration duration, String method, String why) {
        Instant after = clock.instant().plus(duration);
        if (after.plus(CALL_ROOM).isAfter(deadline.get())) {
            throw new SlackApiException(method, SlackApiException.Kind.RATE_LIMITED, "ratelimited", why + ": waiting "
                    + seconds(duration) + " would leave too little of this invocation (it must end by "
                    + deadline.get() + "); the stream retries the record later", null);
        }
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackApiException(method, SlackApiException.Kind.UNAVAILABLE, "interrupted",
                    "interrupted while waiting to call " + method, e);
        }
    }

    private interface RequestBuilder {
        HttpRequest.Builder build();
    }

    private Map<String, Object> send(String method, RequestBuilder request) {
        boolean tokenReloaded = false;
        for (int waits = 0; ; ) {
            HttpResponse<String> response = exchange(method, request.build()
                    .timeout(attemptTimeout)
                    .header("Authorization", "Bearer " + token.current())
                    .build());
            if (response.statusCode() == 429) {
                Duration retryAfter = retryAfter(response);
                if (++waits > MAX_WAITS) {
                    throw new SlackApiException(method, SlackApiException.Kind.RATE_LIMITED, "ratelimited", "Slack"
                            + " rate-limited " + method + " " + MAX_WAITS + " times in a row; the stream retries"
                            + " the record later", null);
                }
                pause(retryAfter, method, "Slack rate-limited " + method + " and asked to wait " + seconds(retryAfter)
                        + " (Retry-After)");
                continue;
            }
            if (response.statusCode() != 200) {
                throw new SlackApiException(method, SlackApiException.Kind.UNAVAILABLE, "http_" + response.statusCode(),
                        "Slack answered " + method + " with HTTP " + response.statusCode() + "; the call may or may"
                                + " not have taken effect", null);
            }
            Map<String, Object> answer = json(method, response.body());
            if (Boolean.TRUE.equals(answer.get("ok"))) {
                return answer;
            }
            String error = answer.get("error") instanceof String e ? e : "unknown_error";
            if (TOKEN_REFUSED.contains(error) && !tokenReloaded && token.reloadAfterRefusal()) {
                tokenReloaded = true;
                continue;
            }
            throw new SlackApiException(method, SlackApiException.Kind.REFUSED, error, "Slack refused " + method + ": "
                    + error + hint(error), null);
        }
    }

    private HttpResponse<String> exchange(String method, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new SlackApiException(method, SlackApiException.Kind.UNAVAILABLE, "timeout", "no answer from Slack"
                    + " to " + method + " within " + attemptTimeout.toMillis() + " ms; the call may or may not have taken"
                    + " effect", e);
        } catch (IOException e) {
            throw new SlackApiException(method, SlackApiException.Kind.UNAVAILABLE, "connection", "cannot reach Slack"
                    + " for " + method + " (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackApiException(method, SlackApiException.Kind.UNAVAILABLE, "interrupted",
                    "interrupted while calling " + method, e);
        }
    }

    private static Map<String, Object> json(String method, String body) {
        try {
            return Json.readObject(body);
        } catch (IOException | RuntimeException e) {
            throw new SlackApiException(method, SlackApiException.Kind.UNAVAILABLE, "not_json", "Slack's answer to "
                    + method + " is not a JSON object: " + Mrkdwn.cap(body, 200), e);
        }
    }

    /** Seconds to wait: Slack's Retry-After, at least one second (a missing or unreadable header counts as one). */
    static Duration retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse("1").strip();
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            return Duration.ofSeconds(1);
        }
    }

    /** What an operator does about the errors a misconfiguration causes. */
    private static String hint(String error) {
        return switch (error) {
            case "channel_not_found" -> " (the channel id in the configuration is wrong, or the channel is private and"
                    + " the app is not in it: invite it)";
            case "not_in_channel" -> " (invite the app to the channel: /invite @Firebell)";
            case "is_archived" -> " (the channel is archived: configure another one)";
            case "missing_scope" -> " (the app lacks a scope: see docs/chat.md, Slack app setup)";
            case "invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive" ->
                    " (the bot token in Secrets Manager is wrong or revoked: store the app's current one)";
            default -> "";
        };
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }
}
