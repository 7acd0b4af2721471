package dev.firebell.function.alarm;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import dev.firebell.aws.dynamodb.DynamoIncidentStore;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.sns.SnsPager;
import dev.firebell.aws.wiring.DynamoDbModule;
import dev.firebell.aws.wiring.LinksModule;
import dev.firebell.aws.wiring.PagingModule;
import dev.firebell.aws.wiring.SdkModule;
import dev.firebell.incident.AlarmService;
import dev.firebell.paging.PageDispatcher;
import dev.firebell.paging.Pager;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.inject.Singleton;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The production graph of the alarm function with two test seams: a clock the test moves, and a
 * pager that can "crash the process" between the database write and the SNS publish.
 */
@Singleton
@Component(modules = {SdkModule.class, DynamoDbModule.class, PagingModule.class, LinksModule.class, TestAlarmComponent.CrashablePager.class})
interface TestAlarmComponent {

    AlarmService alarmService();

    PageDispatcher pageDispatcher();

    DynamoIncidentStore store();

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder environment(FunctionEnvironment environment);

        @BindsInstance
        Builder clock(InstantSource clock);

        @BindsInstance
        Builder crash(AtomicBoolean crashBeforePublish);

        TestAlarmComponent build();
    }

    /** Thrown where the process would have died. */
    final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash between the incident write and the SNS publish");
        }
    }

    @Module
    final class CrashablePager {
        private CrashablePager() {
        }

        @Provides
        @Singleton
        static SnsClient sns() {
            return SnsClient.create();
        }

        @Provides
        @Singleton
        static Pager pager(SnsClient sns, FunctionEnvironment env, AtomicBoolean crash) {
            Pager real = new SnsPager(sns, env.require("PAGE_TOPIC_ARN"));
            return message -> {
                if (crash.get()) {
                    throw new SimulatedCrash();
                }
                return real.publish(message);
            };
        }
    }
}
