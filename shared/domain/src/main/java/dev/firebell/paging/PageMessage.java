package dev.firebell.paging;

import java.util.Map;

/**
 * A page rendered for every kind of subscriber at once (SNS {@code MessageStructure=json}).
 *
 * @param subject    email subject: ASCII, one line, at most 100 characters
 * @param sms        short text for SMS
 * @param emailBody  plain-text email body
 * @param document   full structured page for HTTP, SQS and Lambda subscribers
 * @param attributes SNS message attributes that subscription filter policies select on
 */
public record PageMessage(String subject, String sms, String emailBody, Map<String, Object> document,
                          Map<String, String> attributes) {
}
