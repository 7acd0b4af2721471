package dev.firebell.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.local.FakeSlack;
import dev.firebell.local.FakeSlack.Fault;
import dev.firebell.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Web API client against the fake Slack on 127.0.0.1: its answers, its errors, its rate limits. */
class SlackWebApiTest {

    private static final Instant T0 = Instant.parse("2026-12-10T09:00:00Z");

    private final FakeSlack slack = FakeSlack.start();
    private final MutableClock clock = new MutableClock(T0);
    private final List<Duration> waits = new ArrayList<>();
    private final Tokens tokens = new Tokens(FakeSlack.TOKEN);
    private Instant deadline = T0.plusSeconds(60);
    private final SlackWebApi api = new SlackWebApi(slack.apiUrl().toString(), tokens, SlackWebApi.httpClient(), clock,
            d -> {
                waits.add(d);
                clock.advance(d);
            }, () -> deadline);

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void call_shouldSendJsonWithTheBotToken_andGiveSlacksAnswer() {
        Map<String, Object> answer = api.call("chat.postMessage", Map.of("channel", "C0CHECKOUT", "text", "hello"));

        assertThat(answer).containsEntry("ok", true).containsEntry("channel", "C0CHECKOUT").containsKey("ts");
        assertThat(slack.calls()).singleElement().satisfies(c -> {
            assertThat(c.method()).isEqualTo("chat.postMessage");
            assertThat(c.token()).isEqualTo(FakeSlack.TOKEN);
            assertThat(c.arguments()).containsEntry("text", "hello");
        });
    }

    @Test
    void anOkFalseAnswer_shouldFailWithSlacksErrorName_andWhatToDo() {
        slack.failNext(Fault.error("channel_not_found"));

        assertThatThrownBy(() -> api.call("chat.postMessage", Map.of("channel", "C0NOPE", "text", "x")))
                .isInstanceOfSatisfying(SlackApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SlackApiException.Kind.REFUSED);
                    assertThat(e.error()).isEqualTo("channel_not_found");
                    assertThat(e.method()).isEqualTo("chat.postMessage");
                })
                .hasMessageStartingWith("Slack refused chat.postMessage: channel_not_found (the channel id in the"
                        + " configuration is wrong");
    }

    @Test
    void aRateLimit_shouldBeWaitedOut_whenItFitsBeforeTheDeadline() {
        slack.failNext(Fault.rateLimited(3), Fault.rateLimited(2));

        api.call("chat.postMessage", Map.of("channel", "C0CHECKOUT", "text", "patient"));

        assertThat(waits).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(2));
        assertThat(slack.calls()).hasSize(3);
        assertThat(slack.messages("C0CHECKOUT")).hasSize(1);
    }

    @Test
    void aRateLimit_shouldFailTheCall_whenWaitingWouldOutlastTheInvocation() {
        deadline = T0.plusSeconds(20);
        slack.failNext(Fault.rateLimited(30));

        assertThatThrownBy(() -> api.call("chat.update", Map.of("channel", "C0CHECKOUT", "ts", "1.2", "text", "x")))
                .isInstanceOfSatisfying(SlackApiException.class, e -> assertThat(e.kind())
                        .isEqualTo(SlackApiException.Kind.RATE_LIMITED))
                .hasMessageContaining("Slack rate-limited chat.update and asked to wait 30 s (Retry-After)")
                .hasMessageContaining("the stream retries the record later");
        assertThat(waits).isEmpty();
    }

    @Test
    void aServerErrorOrNoAnswer_shouldFailAtOnce_neverRetriedHere() {
        slack.failNext(Fault.serverError());
        assertThatThrownBy(() -> api.call("chat.postMessage", Map.of("channel", "C0X", "text", "x")))
                .isInstanceOfSatisfying(SlackApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SlackApiException.Kind.UNAVAILABLE);
                    assertThat(e.error()).isEqualTo("http_500");
                });

        SlackWebApi impatient = new SlackWebApi(slack.apiUrl().toString(), tokens, SlackWebApi.httpClient(), clock,
                d -> { },
                () -> deadline, Duration.ofMillis(300));
        impatient.call("chat.postMessage", Map.of("channel", "C0X", "text", "warm"));
        slack.failNext(Fault.slow(Duration.ofMillis(1500)));
        assertThatThrownBy(() -> impatient.call("chat.postMessage", Map.of("channel", "C0X", "text", "lost")))
                .isInstanceOfSatisfying(SlackApiException.class, e -> assertThat(e.error()).isEqualTo("timeout"))
                .hasMessageContaining("the call may or may not have taken effect");
        assertThat(slack.calls()).hasSize(3);
        assertThat(slack.messages("C0X")).extracting(FakeSlack.Message::text).as("the lost answer's message stays")
                .containsExactly("warm", "lost");
    }

    @Test
    void aRefusedToken_shouldBeReadAgainOnce_forARotatedToken() {
        Tokens rotated = new Tokens("xoxb-old", FakeSlack.TOKEN);
        SlackWebApi withOld = new SlackWebApi(slack.apiUrl().toString(), rotated, SlackWebApi.httpClient(), clock,
                d -> { }, () -> deadline);

        withOld.call("chat.postMessage", Map.of("channel", "C0X", "text", "after rotation"));
        assertThat(slack.calls()).extracting(FakeSlack.Call::token).containsExactly("xoxb-old", FakeSlack.TOKEN);

        Tokens wrong = new Tokens("xoxb-wrong");
        assertThatThrownBy(() -> new SlackWebApi(slack.apiUrl().toString(), wrong, SlackWebApi.httpClient(), clock,
                d -> { },
                () -> deadline).call("chat.postMessage", Map.of("channel", "C0X", "text", "x")))
                .hasMessageContaining("invalid_auth (the bot token in Secrets Manager is wrong or revoked");
    }

    @Test
    void read_shouldSendItsArgumentsInTheQueryString() {
        api.call("chat.postMessage", Map.of("channel", "C0X", "text", "x"));

        Map<String, Object> history = api.read("conversations.history", Map.of("channel", "C0X", "limit", "10"));

        assertThat((List<?>) history.get("messages")).hasSize(1);
        assertThat(slack.calls("conversations.history")).singleElement()
                .satisfies(c -> assertThat(c.arguments()).containsEntry("limit", "10"));
    }

    @Test
    void baseUrl_shouldBeSlacksByDefault_andNeverPlainHttpOffTheLoopback() {
        assertThat(SlackWebApi.baseUrl(null)).hasToString("https://slack.com/api/");
        assertThat(SlackWebApi.baseUrl("http://127.0.0.1:8080/api")).hasToString("http://127.0.0.1:8080/api/");
        assertThatThrownBy(() -> SlackWebApi.baseUrl("http://slack.example/api/"))
                .hasMessageContaining("must be https");
        assertThatThrownBy(() -> SlackWebApi.baseUrl("ftp://127.0.0.1/")).hasMessageContaining("must be https");
    }

    /** Tokens handed out in order, the next one on each reload. */
    private static final class Tokens implements SlackWebApi.Token {
        private final List<String> values;
        private int current;

        Tokens(String... values) {
            this.values = List.of(values);
        }

        @Override
        public String current() {
            return values.get(current);
        }

        @Override
        public boolean reloadAfterRefusal() {
            if (current + 1 < values.size()) {
                current++;
                return true;
            }
            return false;
        }
    }
}
