package dev.firebell.slack;

import java.util.List;
import java.util.Objects;

/**
 * An answer to a command, in Slack's mrkdwn: a plain-text-ish {@link #text()} (notifications and fallbacks show it)
 * and the same content as {@link #blocks()} for display. Every piece of text that came from a person or an alarm is
 * already escaped ({@link Mrkdwn#escape}). {@link SlackMessages} turns it into Slack's JSON.
 *
 * @param visibility who sees it: only the person who typed the command, or the whole channel
 */
public record SlackReply(Visibility visibility, String text, List<Block> blocks) {

    public enum Visibility { EPHEMERAL, IN_CHANNEL }

    public SlackReply {
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(text, "text");
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }

    public static SlackReply ephemeral(String text, Block... blocks) {
        return new SlackReply(Visibility.EPHEMERAL, text, List.of(blocks));
    }

    public static SlackReply inChannel(String text, Block... blocks) {
        return new SlackReply(Visibility.IN_CHANNEL, text, List.of(blocks));
    }

    /** A piece of the message, mapped one to one to a Slack block. */
    public sealed interface Block {
    }

    /** A paragraph of mrkdwn (Slack: a section block; at most 3,000 characters). */
    public record Section(String text) implements Block {
    }

    /** Short label/value pairs shown in two columns (Slack: a section's fields; at most 10). */
    public record Fields(List<String> fields) implements Block {
        public Fields {
            fields = List.copyOf(fields);
        }
    }

    /** Small print under the message (Slack: a context block). */
    public record Context(String text) implements Block {
    }
}
