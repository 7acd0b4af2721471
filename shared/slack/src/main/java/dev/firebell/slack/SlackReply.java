package dev.firebell.slack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        /** The block as Slack's JSON, cut to Slack's limits. */
        Map<String, Object> json();
    }

    /** A paragraph of mrkdwn (Slack: a section block; at most 3,000 characters). */
    public record Section(String text) implements Block {
        public Map<String, Object> json() {
            return SlackMessages.block("section", "text", SlackMessages.mrkdwn(text, SlackMessages.MAX_SECTION));
        }
    }

    /** Short label/value pairs shown in two columns (Slack: a section's fields; at most 10). */
    public record Fields(List<String> fields) implements Block {
        public Fields {
            fields = List.copyOf(fields);
        }

        public Map<String, Object> json() {
            return SlackMessages.block("section", "fields", fields.stream().limit(SlackMessages.MAX_FIELDS)
                    .map(t -> (Object) SlackMessages.mrkdwn(t, SlackMessages.MAX_FIELD)).toList());
        }
    }

    /** Small print under the message (Slack: a context block). */
    public record Context(String text) implements Block {
        public Map<String, Object> json() {
            return SlackMessages.block("context", "elements",
                    List.of(SlackMessages.mrkdwn(text, SlackMessages.MAX_SECTION)));
        }
    }

    /**
     * Buttons in a row (Slack: an actions block). Slack asks for a new {@code blockId} each time a message is updated,
     * so that clients redraw it.
     */
    public record Actions(String blockId, List<Button> buttons) implements Block {
        public Actions {
            Objects.requireNonNull(blockId, "blockId");
            buttons = List.copyOf(buttons);
        }

        public Map<String, Object> json() {
            Map<String, Object> out = SlackMessages.block("actions", "block_id", Mrkdwn.cap(blockId, 255));
            out.put("elements", buttons.stream().limit(SlackMessages.MAX_ELEMENTS).map(b -> (Object) b.json()).toList());
            return out;
        }
    }

    /**
     * A button whose click Slack sends back as {@code actionId} with {@code value}.
     *
     * @param confirm null, or the dialog Slack shows before sending the click
     */
    public record Button(String text, String actionId, String value, Style style, Confirm confirm) {
        public Button {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(actionId, "actionId");
            Objects.requireNonNull(style, "style");
        }

        Map<String, Object> json() {
            Map<String, Object> out = SlackMessages.block("button", "text", SlackMessages.plainText(text, 75));
            out.put("action_id", Mrkdwn.cap(actionId, 255));
            if (value != null) {
                out.put("value", Mrkdwn.cap(value, 2000));
            }
            if (style != Style.DEFAULT) {
                out.put("style", style.name().toLowerCase(java.util.Locale.ROOT));
            }
            if (confirm != null) {
                out.put("confirm", confirm.json());
            }
            return out;
        }
    }

    /** Slack's button colours: its default, green, red. */
    public enum Style { DEFAULT, PRIMARY, DANGER }

    /** "Are you sure?": a title, a mrkdwn question and the two answers (Slack: a confirmation dialog object). */
    public record Confirm(String title, String text, String confirm, String deny) {
        Map<String, Object> json() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("title", SlackMessages.plainText(title, 100));
            out.put("text", SlackMessages.mrkdwn(text, 300));
            out.put("confirm", SlackMessages.plainText(confirm, 30));
            out.put("deny", SlackMessages.plainText(deny, 30));
            return out;
        }
    }
}
