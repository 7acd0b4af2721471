package dev.firebell.aws.sns;

import dev.firebell.aws.Json;
import dev.firebell.paging.PageMessage;
import dev.firebell.paging.Pager;
import dev.firebell.paging.PagingException;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * One page, one publish. {@code MessageStructure=json} gives every protocol its own rendering; the
 * message attributes are what subscription filter policies select on (target, service, severity...).
 */
public final class SnsPager implements Pager {

    private final SnsClient sns;
    private final String topicArn;

    public SnsPager(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public String publish(PageMessage message) {
        String document = Json.write(message.document());
        Map<String, String> perProtocol = new LinkedHashMap<>();
        perProtocol.put("default", document);
        perProtocol.put("sms", message.sms());
        perProtocol.put("email", message.emailBody());
        perProtocol.put("email-json", document);
        perProtocol.put("sqs", document);
        perProtocol.put("lambda", document);
        perProtocol.put("http", document);
        perProtocol.put("https", document);
        perProtocol.put("firehose", document);

        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        message.attributes().forEach((name, value) -> attributes.put(name,
                MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
        try {
            return sns.publish(PublishRequest.builder()
                    .topicArn(topicArn)
                    .messageStructure("json")
                    .message(Json.write(perProtocol))
                    .subject(message.subject())
                    .messageAttributes(attributes)
                    .build()).messageId();
        } catch (SdkException e) {
            throw new PagingException("SNS publish to " + topicArn + " failed: " + e.getMessage(), e);
        }
    }
}
