package dev.firebell.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.chat.ChatResult;
import dev.firebell.slack.SlackReply;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlackConsoleLinkTest {

    private static final String URL = "https://4uzzxkbmqvl2gqvsdxqrvtd6pe0ozvzx.lambda-url.eu-west-1.on.aws/console/sign-in/"
            + "AQEAAAAAaSgM";

    @Test
    void aConsoleLink_isShownToTheCallerOnly_asALink_sayingHowLongAndHowOftenItWorks() {
        SlackReply reply = SlackReplies.of(new ChatResult.ConsoleLink(URL, "alice", false,
                Instant.parse("2026-11-27T09:15:00Z")), "/incident");

        assertThat(reply.visibility()).isEqualTo(SlackReply.Visibility.EPHEMERAL);
        assertThat(reply.text()).contains("<" + URL + "|Sign in to Firebell's console> as alice")
                .contains("works once, for 15 minutes").doesNotContain("read only");
    }

    @Test
    void aReadersLink_saysItIsReadOnly_andWhy_withTheirIdEscaped() {
        SlackReply reply = SlackReplies.of(new ChatResult.ConsoleLink(URL, "U0<b>", true,
                Instant.parse("2026-11-27T09:15:00Z")), "/incident");

        assertThat(reply.visibility()).isEqualTo(SlackReply.Visibility.EPHEMERAL);
        assertThat(reply.text()).contains("as U0&lt;b&gt; (read only: you are not in Firebell's on-call configuration)");
    }
}
