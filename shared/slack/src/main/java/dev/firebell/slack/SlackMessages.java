package dev.firebell.slack;

import dev.firebell.slack.SlackReply.Block;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link SlackReply} as the JSON Slack takes: in a command's response or a response URL post ({@link #toJson}), or
 * as the blocks of a message posted through the Web API ({@link #blocks}).
 */
public final class SlackMessages {

    /** Slack's block limits: 50 blocks, 3,000 characters of section text, 10 fields of 2,000. */
    static final int MAX_BLOCKS = 50;
    static final int MAX_SECTION = 3000;
    static final int MAX_FIELDS = 10;
    static final int MAX_FIELD = 2000;
    static final int MAX_TEXT = 3000;
    /** Elements of an actions block. */
    static final int MAX_ELEMENTS = 25;

    private SlackMessages() {
    }

    public static Map<String, Object> toJson(SlackReply reply) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("response_type", reply.visibility() == SlackReply.Visibility.IN_CHANNEL ? "in_channel" : "ephemeral");
        message.put("text", Mrkdwn.cap(reply.text(), MAX_TEXT));
        List<Object> blocks = blocks(reply);
        if (!blocks.isEmpty()) {
            message.put("blocks", blocks);
        }
        return message;
    }

    /** The blocks of a message, as the JSON of {@code chat.postMessage} and {@code chat.update} takes them. */
    public static List<Object> blocks(SlackReply reply) {
        List<Object> blocks = new ArrayList<>();
        for (Block block : reply.blocks()) {
            if (blocks.size() == MAX_BLOCKS) {
                break;
            }
            blocks.add(block.json());
        }
        return blocks;
    }

    /** A block (or element) of {@code type} with its first field. */
    static Map<String, Object> block(String type, String field, Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", type);
        out.put(field, value);
        return out;
    }

    static Map<String, Object> mrkdwn(String text, int max) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "mrkdwn");
        out.put("text", Mrkdwn.cap(text.isEmpty() ? " " : text, max));
        return out;
    }

    /** Text Slack shows as typed (button labels, dialog titles), emoji codes allowed. */
    static Map<String, Object> plainText(String text, int max) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "plain_text");
        out.put("text", Mrkdwn.cap(text.isEmpty() ? " " : text, max));
        out.put("emoji", true);
        return out;
    }
}
