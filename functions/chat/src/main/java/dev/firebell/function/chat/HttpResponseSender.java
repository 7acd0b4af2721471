package dev.firebell.function.chat;

import dev.firebell.aws.Json;
import dev.firebell.chat.slack.ResponseUrl;
import dev.firebell.chat.slack.SlackEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Posts a deferred command's answer to its Slack response URL with the JDK's HTTP client. Redirects are not
 * followed (a redirect could lead anywhere), and the URL is checked again here, whoever called.
 */
final class HttpResponseSender implements SlackEndpoint.ResponseSender {

    /**
     * Built when the first answer is posted, not at init: only deferred commands post, and the client costs a selector
     * thread and a few hundred classes, which every cold start (and every SnapStart snapshot) would otherwise pay.
     */
    private static final class Client {
        static final HttpClient HTTP = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void send(URI responseUrl, Map<String, Object> message) {
        URI url = ResponseUrl.parse(responseUrl.toString()).orElseThrow(() -> new IllegalArgumentException(
                "not a Slack response URL; refusing to post there"));
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(message)))
                .build();
        try {
            HttpResponse<String> response = Client.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Slack answered " + response.statusCode() + " to the response URL post: "
                        + response.body().substring(0, Math.min(200, response.body().length())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot post to the Slack response URL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while posting to the Slack response URL", e);
        }
    }
}
