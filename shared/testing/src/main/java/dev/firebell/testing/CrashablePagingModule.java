package dev.firebell.testing;

import dagger.Module;
import dagger.Provides;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.sns.SnsPager;
import dev.firebell.aws.wiring.SnsModule;
import dev.firebell.paging.Pager;
import java.util.concurrent.atomic.AtomicReference;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The production SNS pager of the page topic, with the call bounds the graph binds, that can "kill the process"
 * just before or just after the publish, as the graph's {@code AtomicReference<CrashPoint>} says.
 */
@Module
public final class CrashablePagingModule {
    private CrashablePagingModule() {
    }

    @Provides
    @Singleton
    static SnsClient sns(SdkHttpClient http, AwsCredentialsProvider credentials, ClientOverrideConfiguration bounds) {
        return SnsModule.sns(http, credentials, bounds);
    }

    @Provides
    @Singleton
    static Pager pager(SnsClient sns, FunctionEnvironment env, AtomicReference<CrashPoint> crash) {
        Pager real = new SnsPager(sns, env.require("PAGE_TOPIC_ARN"));
        return message -> {
            if (crash.get() == CrashPoint.BEFORE_PUBLISH) {
                throw new SimulatedCrash(CrashPoint.BEFORE_PUBLISH);
            }
            String messageId = real.publish(message);
            if (crash.get() == CrashPoint.AFTER_PUBLISH) {
                throw new SimulatedCrash(CrashPoint.AFTER_PUBLISH);
            }
            return messageId;
        };
    }
}
