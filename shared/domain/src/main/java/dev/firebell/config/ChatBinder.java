package dev.firebell.config;

import dev.firebell.service.ServicePolicy;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where incidents are announced in chat: the {@code chat} section ({@code chat.slackChannel}, the default channel)
 * and each service's {@code slackChannel}. Channels are given by id, as Slack's Web API needs them to update a message
 * and find it again; a channel name ({@code #incidents}) is refused with how to find the id.
 */
final class ChatBinder {

    /** Slack conversation ids: C (channels, public or private) or G (older private channels), then letters and digits. */
    private static final Pattern CHANNEL_ID = Pattern.compile("[CG][A-Z0-9]{2,20}");

    private ChatBinder() {
    }

    /** {@code chat.slackChannel}, or null when there is no default channel. */
    static String defaultChannel(ConfigNode section) {
        if (section.isMissing()) {
            return null;
        }
        section.allowOnly(Set.of("slackChannel"));
        return channel(section.get("slackChannel"), false);
    }

    /** A service's {@code slackChannel}: an id, {@code none} (announced nowhere), or null (the default channel). */
    static String serviceChannel(ConfigNode node) {
        return channel(node, true);
    }

    private static String channel(ConfigNode node, boolean noneAllowed) {
        String value = node.string(null);
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (noneAllowed && ServicePolicy.NO_CHANNEL.equals(trimmed)) {
            return ServicePolicy.NO_CHANNEL;
        }
        if (!CHANNEL_ID.matcher(trimmed).matches()) {
            node.problem("'" + value + "' is not a Slack channel id; write the id, e.g. C0123ABCD (in Slack: open the"
                    + " channel's details, the id is at the bottom)" + (noneAllowed
                    ? ", or none to announce this service's incidents nowhere" : ""));
            return null;
        }
        return trimmed;
    }
}
