/**
 * Slack around {@link dev.firebell.chat.ChatService}: request signing, form bodies, response URLs, slash commands and
 * clicks on announcement buttons (both a {@link dev.firebell.chat.slack.SlackAsk}), and how answers read in Slack. {@link dev.firebell.chat.slack.SlackEndpoint} is the whole request path (the handler in
 * {@code dev.firebell.function.chat} only decodes the Lambda event and calls it);
 * {@link dev.firebell.chat.slack.SlackReplies} writes each {@link dev.firebell.chat.ChatResult} as a
 * {@link dev.firebell.slack.SlackReply} in Slack's mrkdwn ({@link dev.firebell.slack.Mrkdwn}: escaping,
 * mentions, dates) with its emoji, and {@link dev.firebell.slack.SlackMessages} as the JSON Slack takes.
 */
package dev.firebell.chat.slack;
