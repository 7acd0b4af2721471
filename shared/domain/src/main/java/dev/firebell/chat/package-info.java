/**
 * Chat commands ({@code /incident ack 42}): parsing what people type, deciding who may do what, running it through
 * {@link dev.firebell.incident.IncidentCommands} and the on-call ports, and saying what happened as a
 * {@link dev.firebell.chat.ChatResult}: data (the incident, who did it, the people it names, times), no markup.
 * Nothing here knows HTTP, signatures, Lambda, the AWS SDK or how Slack writes text: the Slack side (signing, form
 * bodies, Function URL events, mrkdwn, emoji, JSON) lives in the chat function's {@code dev.firebell.chat.slack}
 * package, which renders each result through {@link dev.firebell.chat.ChatResult.Renderer}.
 *
 * <p>Start at {@link dev.firebell.chat.ChatService#answer}. The ports a deployment wires are
 * {@link dev.firebell.chat.PeopleDirectory}, {@link dev.firebell.chat.OnCallDesk} and
 * {@link dev.firebell.chat.Postmortems}; each documents its contract. The chat function wires them to the
 * configuration's people ({@link dev.firebell.chat.ConfiguredPeople}), the on-call feature
 * ({@link dev.firebell.chat.OnCallDeskService}) and the postmortem drafts ({@link dev.firebell.chat.PostmortemDrafts}).
 */
package dev.firebell.chat;
