package dev.firebell.function.alarm;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.sns.SnsPager;
import dev.firebell.aws.wiring.DynamoDbModule;
import dev.firebell.aws.wiring.PagingModule;
import dev.firebell.aws.wiring.SdkModule;
import dev.firebell.aws.wiring.SnsModule;
import dev.firebell.incident.AlarmService;
import dev.firebell.paging.PageDispatcher;
import dev.firebell.paging.Pager;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The alarm function's production graph (SDK clients as {@link SdkModule} builds them, the table, the topic, the
 * paging rules) for fault injection: the SDK's call bounds are handed in (production's, or scaled-down timeouts for a
 * test of a slow AWS), a clock the test moves, and a pager that can "kill the process" just before or just after the
 * SNS publish.
 */
@Singleton
@Component(modules = {FaultAlarmComponent.Sdk.class, DynamoDbModule.class, PagingModule.class,
        FaultAlarmComponent.CrashablePaging.class})
interface FaultAlarmComponent {

    AlarmService alarmService();

    PageDispatcher pageDispatcher();

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder environment(FunctionEnvironment environment);

        @BindsInstance
        Builder clock(InstantSource clock);

        @BindsInstance
        Builder sdkBounds(ClientOverrideConfiguration bounds);

        @BindsInstance
        Builder crash(AtomicReference<CrashPoint> crash);

        FaultAlarmComponent build();
    }

    /** Where the process "dies". */
    enum CrashPoint { NONE, BEFORE_PUBLISH, AFTER_PUBLISH }

    /** Thrown where the process would have died. */
    final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(CrashPoint where) {
            super("simulated crash " + where);
        }
    }

    @Module
    final class Sdk {
        private Sdk() {
        }

        @Provides
        @Singleton
        static SdkHttpClient http() {
            return SdkModule.httpClient();
        }

        @Provides
        @Singleton
        static AwsCredentialsProvider credentials(FunctionEnvironment env) {
            return SdkModule.credentials(env);
        }
    }

    @Module
    final class CrashablePaging {
        private CrashablePaging() {
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
}
