package dev.firebell.aws.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;

class SnsSmsSenderTest {

    @Test
    @SuppressWarnings("unchecked")
    void send_shouldPublishToThePhoneNumber_fromTheNumberRepliedTo_asATransactionalSms() {
        SnsClient sns = mock(SnsClient.class);
        when(sns.publish(any(Consumer.class))).thenReturn(PublishResponse.builder().messageId("m-1").build());

        String id = new SnsSmsSender(sns).send("+12065550100", "+33612345678", "Firebell: #7 acknowledged");

        ArgumentCaptor<Consumer<PublishRequest.Builder>> captor = ArgumentCaptor.forClass(Consumer.class);
        verify(sns).publish(captor.capture());
        PublishRequest.Builder builder = PublishRequest.builder();
        captor.getValue().accept(builder);
        PublishRequest request = builder.build();
        assertThat(id).isEqualTo("m-1");
        assertThat(request.phoneNumber()).isEqualTo("+33612345678");
        assertThat(request.topicArn()).isNull();
        assertThat(request.message()).isEqualTo("Firebell: #7 acknowledged");
        assertThat(request.messageAttributes().get("AWS.MM.SMS.OriginationNumber").stringValue())
                .isEqualTo("+12065550100");
        assertThat(request.messageAttributes().get("AWS.SNS.SMS.SMSType").stringValue()).isEqualTo("Transactional");
    }
}
