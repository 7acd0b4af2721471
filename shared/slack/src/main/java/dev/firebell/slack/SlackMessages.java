package dev.firebell.slack;

import dev.firebell.slack.SlackReply.Block;
import dev.firebell.slack.SlackReply.Context;
import dev.firebell.slack.SlackReply.Fields;
import dev.firebell.slack.SlackReply.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link SlackReply} as the JSON Slack takes in a command's response or a response URL post. */
public final class SlackMessages {

    /** Slack's block limits: 50 blocks, 3,000 characters of section text, 10 fields of 2,000. */
    static final int MAX_BLOCKS = 50;
    static final int MAX_SECTION = 3000;
    static final int MAX_FIELDS = 10;
    static final int MAX_FIELD = 2000;
    static final int MAX_TEXT = 3000;

    private SlackMessages() {
    }

    public static Map<String, Object> toJson(SlackReply reply) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("response_type", reply.visibility() == SlackReply.Visibility.IN_CHANNEL ? "in_channel" : "ephemeral");
        message.put("text", Mrkdwn.cap(reply.text(), MAX_TEXT));
        List<Object> blocks = new ArrayList<>();
        for (Block block : reply.blocks()) {
            if (blocks.size() == MAX_BLOCKS) {
                break;
            }
            blocks.add(block(block));
        }
        if (!blocks.isEmpty()) {
            message.put("blocks", blocks);
        }
        return message;
    }

    private static Map<String, Object> block(Block block) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (block instanceof Section s) {
            out.put("type", "section");
            out.put("text", mrkdwn(s.text(), MAX_SECTION));
        } else if (block instanceof Fields f) {
            out.put("type", "section");
            out.put("fields", f.fields().stream().limit(MAX_FIELDS).map(t -> (Object) mrkdwn(t, MAX_FIELD)).toList());
        } else {
            out.put("type", "context");
            out.put("elements", List.of(mrkdwn(((Context) block).text(), MAX_SECTION)));
        }
        return out;
    }

    private static Map<String, Object> mrkdwn(String text, int max) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "mrkdwn");
        out.put("text", Mrkdwn.cap(text.isEmpty() ? " " : text, max));
        return out;
    }
}
