/**
 * Slack's wire, for every function that speaks it: {@link dev.firebell.slack.Mrkdwn} (text from people and alarms
 * escaped, mentions and dates Firebell writes), {@link dev.firebell.slack.SlackReply} (a message as text and blocks)
 * and {@link dev.firebell.slack.SlackMessages} (the JSON Slack takes). No AWS type and no Lambda type: the chat
 * function answers commands with them, the announcer posts incident announcements with them.
 */
package dev.firebell.slack;
