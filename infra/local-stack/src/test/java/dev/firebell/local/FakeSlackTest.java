package dev.firebell.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake Slack Web API answers as Slack does, keeps what it was sent, and fails when told to. */
class FakeSlackTest {

    private final FakeSlack slack = FakeSlack.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void postUpdateAndHistory_shouldKeepTheChannelsMessages_withTheirMetadataWhenAskedFor() throws Exception {
        Map<String, Object> metadata = Map.of("event_type", "firebell_incident", "event_payload", Map.of("incident_id", "7"));
        Map<String, Object> posted = post("chat.postMessage", Map.of("channel", "C0CHECKOUT", "text", "first",
                "blocks", List.of(Map.of("type", "section")), "metadata", metadata), FakeSlack.TOKEN).body();
        String ts = (String) posted.get("ts");
        post("chat.postMessage", Map.of("channel", "C0CHECKOUT", "text", "second"), FakeSlack.TOKEN);
        Map<String, Object> updated = post("chat.update", Map.of("channel", "C0CHECKOUT", "ts", ts, "text", "edited"),
                FakeSlack.TOKEN).body();

        assertThat(posted).containsEntry("ok", true).containsEntry("channel", "C0CHECKOUT");
        assertThat(updated).containsEntry("ok", true).containsEntry("ts", ts);
        assertThat(slack.messages("C0CHECKOUT")).extracting(FakeSlack.Message::text).containsExactly("edited", "second");
        assertThat(slack.messages("C0CHECKOUT").get(0).metadata()).isEqualTo(metadata);
        assertThat(slack.messages("C0CHECKOUT").get(0).edits()).isEqualTo(1);

        Map<String, Object> page = get("conversations.history?channel=C0CHECKOUT&limit=1&include_all_metadata=true");
        assertThat(page).containsEntry("has_more", true);
        assertThat((List<?>) page.get("messages")).singleElement().satisfies(m ->
                assertThat(asMap(m)).containsEntry("text", "second").doesNotContainKey("metadata"));
        String cursor = (String) ((Map<?, ?>) page.get("response_metadata")).get("next_cursor");
        Map<String, Object> next = get("conversations.history?channel=C0CHECKOUT&limit=1&include_all_metadata=true"
                + "&cursor=" + cursor);
        assertThat((List<?>) next.get("messages")).singleElement().satisfies(m ->
                assertThat(asMap(m)).containsEntry("ts", ts).containsEntry("metadata", metadata));
        assertThat(slack.calls()).extracting(FakeSlack.Call::method).containsExactly("chat.postMessage",
                "chat.postMessage", "chat.update", "conversations.history", "conversations.history");
    }

    @Test
    void errors_shouldComeAsSlackSendsThem() throws Exception {
        assertThat(post("chat.postMessage", Map.of("channel", "C0X", "text", "x"), "xoxb-wrong").body())
                .containsEntry("ok", false).containsEntry("error", "invalid_auth");
        assertThat(post("chat.update", Map.of("channel", "C0X", "ts", "1.2", "text", "x"), FakeSlack.TOKEN).body())
                .containsEntry("error", "channel_not_found");

        slack.failNext(FakeSlack.Fault.error("not_in_channel"), FakeSlack.Fault.rateLimited(7),
                FakeSlack.Fault.serverError());
        assertThat(post("chat.postMessage", Map.of("channel", "C0X", "text", "x"), FakeSlack.TOKEN).body())
                .containsEntry("error", "not_in_channel");
        HttpResponse<String> limited = raw("chat.postMessage", Map.of("channel", "C0X", "text", "x"));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("7");
        assertThat(raw("chat.postMessage", Map.of("channel", "C0X", "text", "x")).statusCode()).isEqualTo(500);
        assertThat(slack.messages()).as("refused calls post nothing").isEmpty();
    }

    @Test
    void aSlowAnswer_shouldLeaveTheMessagePosted_whenTheClientStopsWaiting() throws Exception {
        slack.failNext(FakeSlack.Fault.slow(Duration.ofMillis(1500)));
        HttpRequest request = HttpRequest.newBuilder(slack.apiUrl().resolve("chat.postMessage"))
                .timeout(Duration.ofMillis(300)).header("Authorization", "Bearer " + FakeSlack.TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"C0X\",\"text\":\"lost\"}")).build();

        try {
            http.send(request, HttpResponse.BodyHandlers.ofString());
            throw new AssertionError("the answer should have come too late");
        } catch (HttpTimeoutException expected) {
            // as a Lambda calling Slack would see it
        }
        assertThat(slack.messages("C0X")).extracting(FakeSlack.Message::text).containsExactly("lost");
        assertThat(slack.apiUrl().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void aDroppedAnswer_shouldLeaveTheMessagePosted_andTheClientWithABrokenAnswer() throws Exception {
        slack.failNext(FakeSlack.Fault.dropAfterWork());

        assertThatThrownBy(() -> post("chat.postMessage", Map.of("channel", "C0X", "text", "posted"), FakeSlack.TOKEN))
                .isInstanceOf(IOException.class);
        assertThat(slack.messages("C0X")).extracting(FakeSlack.Message::text).containsExactly("posted");
        assertThat(post("chat.postMessage", Map.of("channel", "C0X", "text", "next"), FakeSlack.TOKEN).body())
                .as("the next call is answered").containsEntry("ok", true);
    }

    private record Answer(int status, Map<String, Object> body) {
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    private Answer post(String method, Map<String, Object> body, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(slack.apiUrl().resolve(method))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.std.asString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.std.mapFrom(response.body()));
    }

    private HttpResponse<String> raw(String method, Map<String, Object> body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(slack.apiUrl().resolve(method))
                .header("Authorization", "Bearer " + FakeSlack.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.std.asString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Object> get(String methodAndQuery) throws IOException, InterruptedException {
        URI uri = URI.create(slack.apiUrl() + methodAndQuery);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + FakeSlack.TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.std.mapFrom(response.body());
    }
}
