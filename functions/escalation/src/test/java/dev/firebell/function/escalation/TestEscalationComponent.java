package dev.firebell.function.escalation;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.aws.dynamodb.DynamoIncidentStore;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.sns.SnsPager;
import dev.firebell.aws.wiring.DynamoDbModule;
import dev.firebell.aws.wiring.HeartbeatsModule;
import dev.firebell.aws.wiring.LinksModule;
import dev.firebell.aws.wiring.PagingModule;
import dev.firebell.aws.wiring.SdkModule;
import dev.firebell.escalation.EscalationEngine;
import dev.firebell.escalation.EscalationStore;
import dev.firebell.heartbeat.HeartbeatStore;
import dev.firebell.heartbeat.Heartbeats;
import dev.firebell.incident.AlarmService;
import dev.firebell.incident.IncidentCommands;
import dev.firebell.oncall.OnCallService;
import dev.firebell.paging.PageDispatcher;
import dev.firebell.paging.Pager;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Singleton;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The production graph of the escalation function (and of the alarm function and chat commands, which
 * open and acknowledge incidents), with a clock the test moves and a pager that counts publishes and can
 * "crash the process" before one.
 */
@Singleton
@Component(modules = {SdkModule.class, DynamoDbModule.class, PagingModule.class, LinksModule.class,
        HeartbeatsModule.class, TestEscalationComponent.TestPager.class})
interface TestEscalationComponent {

    EscalationEngine escalationEngine();

    PageDispatcher pageDispatcher();

    AlarmService alarmService();

    Heartbeats heartbeats();

    HeartbeatStore heartbeatStore();

    IncidentCommands incidentCommands();

    OnCallService onCall();

    DynamoIncidentStore store();

    EscalationStore escalations();

    DynamoConfigStore configStore();

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder environment(FunctionEnvironment environment);

        @BindsInstance
        Builder clock(InstantSource clock);

        @BindsInstance
        Builder crash(AtomicBoolean crashBeforePublish);

        @BindsInstance
        Builder published(AtomicInteger published);

        TestEscalationComponent build();
    }

    /** Thrown where the process would have died. */
    final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash between the escalation write and the SNS publish");
        }
    }

    @Module
    final class TestPager {
        private TestPager() {
        }

        @Provides
        @Singleton
        static SnsClient sns() {
            return SnsClient.create();
        }

        @Provides
        @Singleton
        static Pager pager(SnsClient sns, FunctionEnvironment env, AtomicBoolean crash, AtomicInteger published) {
            Pager real = new SnsPager(sns, env.require("PAGE_TOPIC_ARN"));
            return message -> {
                if (crash.get()) {
                    throw new SimulatedCrash();
                }
                published.incrementAndGet();
                return real.publish(message);
            };
        }
    }
}
