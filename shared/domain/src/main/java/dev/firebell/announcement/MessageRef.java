package dev.firebell.announcement;

import java.util.Objects;

/**
 * A message the chat platform holds: its channel and its id there (Slack: the channel id and the message's
 * {@code ts}), which is all it takes to update it.
 */
public record MessageRef(String channel, String id) {

    public MessageRef {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(id, "id");
    }
}
