/**
 * Slack's wire format around {@link dev.firebell.chat.ChatService}: request signing, form bodies, the Function URL
 * (payload 2.0) event, response URLs and the JSON Slack expects back. {@link dev.firebell.chat.slack.SlackEndpoint}
 * is the whole request path; the handler in {@code dev.firebell.function.chat} only decodes the Lambda event and
 * calls it.
 */
package dev.firebell.chat.slack;
