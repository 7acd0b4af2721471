package dev.firebell.chat;

import dev.firebell.incident.Channel;
import java.util.Objects;

/**
 * One slash command as a person typed it, already authenticated by the transport (the Slack signature) and with
 * its workspace allowed.
 *
 * @param teamId    the chat workspace (Slack {@code team_id})
 * @param userId    who typed it (Slack {@code user_id}, e.g. {@code U123ABC})
 * @param userName  their handle as the chat shows it; only for messages, never for decisions
 * @param channelId where they typed it
 * @param command   the command name, e.g. {@code /incident} (what help and errors tell people to type)
 * @param text      everything after the command name, possibly empty
 * @param via       how the person asked, kept in the timeline's details: {@value #VIA_COMMAND} (typed) or
 *                  {@link Channel#SLACK_BUTTON}'s (a button of an announcement, which runs the same command)
 */
public record ChatRequest(String teamId, String userId, String userName, String channelId, String command, String text,
                          String via) {

    public static final String VIA_COMMAND = "slack";
    public static final String VIA_BUTTON = Channel.SLACK_BUTTON.via();

    public ChatRequest {
        Objects.requireNonNull(userId, "userId");
        teamId = teamId == null ? "" : teamId;
        userName = userName == null ? "" : userName;
        channelId = channelId == null ? "" : channelId;
        command = command == null || !command.matches("/[a-z0-9_-]{1,32}") ? "/incident" : command;
        text = text == null ? "" : text;
        via = VIA_BUTTON.equals(via) ? VIA_BUTTON : VIA_COMMAND;
    }

    /** A typed command. */
    public ChatRequest(String teamId, String userId, String userName, String channelId, String command, String text) {
        this(teamId, userId, userName, channelId, command, text, VIA_COMMAND);
    }
}
