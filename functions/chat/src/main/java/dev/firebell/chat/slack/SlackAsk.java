package dev.firebell.chat.slack;

import dev.firebell.chat.ChatRequest;
import java.util.Map;

/**
 * What a signed Slack request asks of Firebell: a {@link SlashCommand} typed, or a {@link ButtonClick} on an
 * announcement. Both become the same {@link ChatRequest}, so a click is checked and run exactly as the command it
 * stands for.
 */
public sealed interface SlackAsk permits SlashCommand, ButtonClick {

    String teamId();

    /** The Enterprise Grid organisation, or empty. */
    String enterpriseId();

    String userId();

    /** Where a later answer goes; checked by {@link ResponseUrl} before anything is posted there. */
    String responseUrl();

    ChatRequest toChatRequest();

    /** For logs: what was asked and by whom, never free text (it may hold anything). */
    String describe();

    /**
     * The ask in a signed form: a click when it carries Slack's interactivity {@code payload}, else a slash command.
     *
     * @throws SlashCommand.NotASlashCommandException  a form without a slash command's fields
     * @throws ButtonClick.NotAButtonClickException    a payload that is not a click on one of Firebell's buttons
     */
    static SlackAsk of(Map<String, String> form) {
        return form.containsKey("payload") ? ButtonClick.of(form) : SlashCommand.of(form);
    }
}
