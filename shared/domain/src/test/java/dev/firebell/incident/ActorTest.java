package dev.firebell.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ActorTest {

    @Test
    void aPersonActingThroughAChannel_shouldReadWithItsPhrase_andKeepItUnderVia() {
        Actor alice = Actor.via("alice", Channel.EMAIL_LINK, Map.of("linkKey", "17"));

        assertThat(alice.details()).containsEntry("via", "email-link").containsEntry("linkKey", "17");
        assertThat(alice.channel()).contains(Channel.EMAIL_LINK);
        assertThat(alice.described()).isEqualTo("alice from an e-mail link");
        assertThat(Actor.via("bob", Channel.SMS_REPLY, null).described()).isEqualTo("bob from an SMS reply");
        assertThat(Actor.via("carol", Channel.SLACK_BUTTON, Map.of()).described()).isEqualTo("carol from a Slack button");
        assertThat(Actor.via("dave", Channel.CONSOLE, Map.of()).described()).isEqualTo("dave from the console");
    }

    @Test
    void chatAndTheSystem_shouldReadAsTheirIdAlone() {
        assertThat(new Actor("alice", Map.of("via", "slack", "slackUserId", "U0ALICE")).described()).isEqualTo("alice");
        assertThat(new Actor("alice", Map.of("via", "slack")).channel()).isEmpty();
        assertThat(Actor.of("firebell").described()).isEqualTo("firebell");
    }

    @Test
    void detailsWith_shouldLetTheEntrysOwnFactsWin() {
        Actor alice = Actor.via("alice", Channel.SMS_LINK, Map.of("pageId", "from-actor"));
        assertThat(alice.detailsWith(Map.of("pageId", "7-1"))).containsEntry("pageId", "7-1")
                .containsEntry("via", "sms-link");
        assertThat(Actor.of("bob").detailsWith(Map.of("x", "y"))).isEqualTo(Map.of("x", "y"));
    }

    @Test
    void everyChannel_shouldHaveItsOwnVia() {
        for (Channel c : Channel.values()) {
            assertThat(Channel.ofVia(c.via())).contains(c);
        }
        assertThat(Channel.ofVia("slack")).isEmpty();
        assertThat(Channel.ofVia(null)).isEmpty();
    }
}
