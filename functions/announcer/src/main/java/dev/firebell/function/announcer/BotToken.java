package dev.firebell.function.announcer;

import dev.firebell.aws.secrets.CachedSecret;
import dev.firebell.slack.SlackWebApi;

/**
 * The Slack app's bot token ({@code xoxb-...}) from Secrets Manager: plain text, or JSON with a {@code botToken} field;
 * read on first use, kept five minutes, read again at most once a minute after Slack refuses it. Without one, every
 * announcement fails, saying where the token belongs (and so lands in the failure queue, which alarms).
 */
final class BotToken implements SlackWebApi.Token {

    static final String JSON_FIELD = "botToken";

    private final CachedSecret secret;

    BotToken(CachedSecret secret) {
        this.secret = secret;
    }

    @Override
    public String current() {
        String token = secret.current();
        if (token.isEmpty()) {
            throw new IllegalStateException("the Slack bot token is not configured: store the app's Bot User OAuth"
                    + " Token (xoxb-...) in the Secrets Manager secret " + secret.name() + " (docs/chat.md,"
                    + " announcements)");
        }
        return token;
    }

    @Override
    public boolean reloadAfterRefusal() {
        return secret.reloadAfterRefusal();
    }
}
