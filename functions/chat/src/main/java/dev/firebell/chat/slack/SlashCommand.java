package dev.firebell.chat.slack;

import dev.firebell.chat.ChatRequest;
import java.util.Map;

/**
 * A slash command's form fields (Slack's "Implementing slash commands": {@code team_id}, {@code enterprise_id},
 * {@code user_id}, {@code user_name}, {@code channel_id}, {@code command}, {@code text}, {@code response_url},
 * {@code trigger_id}, ...). The deprecated verification {@code token} is ignored: the signature replaces it.
 */
public record SlashCommand(String teamId, String enterpriseId, String userId, String userName, String channelId,
                           String command, String text, String responseUrl) implements SlackAsk {

    /** The fields, or a {@link NotASlashCommandException} when those every slash command has are missing. */
    public static SlashCommand of(Map<String, String> form) {
        String team = form.getOrDefault("team_id", "");
        String user = form.getOrDefault("user_id", "");
        String command = form.getOrDefault("command", "");
        if (team.isEmpty() || user.isEmpty() || command.isEmpty()) {
            throw new NotASlashCommandException();
        }
        return new SlashCommand(team, form.getOrDefault("enterprise_id", ""), user, form.getOrDefault("user_name", ""),
                form.getOrDefault("channel_id", ""), command, form.getOrDefault("text", ""),
                form.getOrDefault("response_url", ""));
    }

    @Override
    public ChatRequest toChatRequest() {
        return new ChatRequest(teamId, userId, userName, channelId, command, text);
    }

    /** For logs: who ran which subcommand, never the free text (it may hold anything). */
    @Override
    public String describe() {
        String stripped = text.strip();
        int space = stripped.indexOf(' ');
        String word = space < 0 ? stripped : stripped.substring(0, space);
        word = word.length() > 20 ? word.substring(0, 20) : word;
        return command.replaceAll("[^/a-z0-9_-]", "?") + " " + word.replaceAll("[^A-Za-z]", "?") + " by "
                + userId.replaceAll("[^A-Z0-9]", "?") + " in " + teamId.replaceAll("[^A-Z0-9]", "?");
    }

    /** A signed request without a slash command's fields (an event or an interaction sent to the wrong URL). */
    public static final class NotASlashCommandException extends RuntimeException {
        public NotASlashCommandException() {
            super("not a slash command: team_id, user_id or command is missing");
        }
    }
}
