package dev.firebell.function.escalation;

import dagger.BindsInstance;
import dagger.Component;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.wiring.ClockModule;
import dev.firebell.aws.wiring.DynamoDbModule;
import dev.firebell.aws.wiring.HeartbeatsModule;
import dev.firebell.aws.wiring.LinksModule;
import dev.firebell.aws.wiring.PagingModule;
import dev.firebell.aws.wiring.SdkModule;
import dev.firebell.aws.wiring.SnsModule;
import dev.firebell.escalation.EscalationEngine;
import dev.firebell.heartbeat.Heartbeats;
import dev.firebell.paging.PageDispatcher;
import java.time.InstantSource;
import javax.inject.Singleton;

/** The time-driven function's graph: escalation steps, heartbeat expiry and page re-drives, nothing else. */
@Singleton
@Component(modules = {SdkModule.class, ClockModule.class, DynamoDbModule.class, SnsModule.class, PagingModule.class,
        LinksModule.class,
        HeartbeatsModule.class})
interface EscalationComponent {

    EscalationEngine escalationEngine();

    PageDispatcher pageDispatcher();

    Heartbeats heartbeats();

    InstantSource clock();

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder environment(FunctionEnvironment environment);

        EscalationComponent build();
    }
}
