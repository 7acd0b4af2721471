package dev.firebell.function.sms;

import dagger.Module;
import dagger.Provides;
import dev.firebell.answer.AnswerLedger;
import dev.firebell.answer.PageAnswers;
import dev.firebell.answer.SmsReplies;
import dev.firebell.aws.dynamodb.DynamoReplyRateLimit;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.sns.SnsSmsSender;
import dev.firebell.config.ConfigSource;
import dev.firebell.incident.IncidentStore;
import java.time.InstantSource;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** The SMS reply function's own part of the graph: the inbound topic it takes messages from, and the replies. */
@Module
final class SmsReplyModule {

    private SmsReplyModule() {
    }

    /** {@code SMS_INBOUND_TOPIC_ARN}: the only topic whose messages are read as replies. */
    @Provides
    @Singleton
    @Named("inboundTopic")
    static String inboundTopic(FunctionEnvironment env) {
        return env.require("SMS_INBOUND_TOPIC_ARN");
    }

    @Provides
    @Singleton
    static SmsReplies replies(ConfigSource config, IncidentStore store, PageAnswers answers, AnswerLedger ledger,
                              DynamoDbClient dynamo, @Named("table") String table, SnsClient sns, InstantSource clock) {
        return new SmsReplies(config, store, answers, ledger, new DynamoReplyRateLimit(dynamo, table),
                new SnsSmsSender(sns), clock);
    }
}
