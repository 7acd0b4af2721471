package dev.firebell.aws.sns;

import dev.firebell.answer.SmsSender;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * One SMS through SNS's publish to a phone number, sent from a given origination number of the account
 * ({@code AWS.MM.SMS.OriginationNumber}: the two-way number a reply came to, so the person sees the answer in the same
 * conversation) as a transactional message (delivered ahead of promotional traffic, and to numbers that opted out of
 * marketing only).
 */
public final class SnsSmsSender implements SmsSender {

    static final String ORIGINATION_NUMBER = "AWS.MM.SMS.OriginationNumber";
    static final String SMS_TYPE = "AWS.SNS.SMS.SMSType";

    private final SnsClient sns;

    public SnsSmsSender(SnsClient sns) {
        this.sns = sns;
    }

    @Override
    public String send(String from, String to, String text) {
        return sns.publish(r -> r.phoneNumber(to).message(text).messageAttributes(Map.of(
                ORIGINATION_NUMBER, string(from),
                SMS_TYPE, string("Transactional")))).messageId();
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
