package dev.firebell.function.sms;

import dagger.BindsInstance;
import dagger.Component;
import dev.firebell.answer.SmsReplies;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.wiring.AnswersModule;
import dev.firebell.aws.wiring.DynamoDbModule;
import dev.firebell.aws.wiring.LinksModule;
import dev.firebell.aws.wiring.PagingModule;
import dev.firebell.aws.wiring.SdkModule;
import dev.firebell.aws.wiring.SnsModule;
import java.time.InstantSource;
import javax.inject.Named;
import javax.inject.Singleton;

/**
 * The SMS reply function's graph: the table, the page topic and the link key (an escalation by reply pages the next
 * level), answering pages, the rate limit, and SNS to answer by SMS.
 */
@Singleton
@Component(modules = {SdkModule.class, DynamoDbModule.class, SnsModule.class, PagingModule.class, LinksModule.class,
        AnswersModule.class, SmsReplyModule.class})
interface SmsReplyComponent {

    SmsReplies replies();

    @Named("inboundTopic")
    String inboundTopic();

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder environment(FunctionEnvironment environment);

        @BindsInstance
        Builder clock(InstantSource clock);

        SmsReplyComponent build();
    }
}
