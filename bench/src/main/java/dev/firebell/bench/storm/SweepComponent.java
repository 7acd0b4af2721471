package dev.firebell.bench.storm;

import dagger.BindsInstance;
import dagger.Component;
import dev.firebell.aws.dynamodb.DynamoIncidentStore;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.wiring.DynamoDbModule;
import dev.firebell.aws.wiring.HeartbeatsModule;
import dev.firebell.aws.wiring.LinksModule;
import dev.firebell.aws.wiring.PagingModule;
import dev.firebell.aws.wiring.SdkModule;
import dev.firebell.aws.wiring.SnsModule;
import dev.firebell.escalation.EscalationEngine;
import dev.firebell.heartbeat.HeartbeatStore;
import dev.firebell.heartbeat.Heartbeats;
import dev.firebell.paging.PageDispatcher;
import java.time.InstantSource;
import javax.inject.Singleton;

/**
 * The escalation function's production graph on a clock the benchmark moves, so the minute schedule can be played
 * after the storm (nobody acknowledges) without waiting for it; heartbeat monitors' expiry too (HeartbeatSweepBench).
 */
@Singleton
@Component(modules = {SdkModule.class, DynamoDbModule.class, SnsModule.class, PagingModule.class, LinksModule.class,
        HeartbeatsModule.class})
interface SweepComponent {

    EscalationEngine escalationEngine();

    PageDispatcher pageDispatcher();

    DynamoIncidentStore store();

    Heartbeats heartbeats();

    HeartbeatStore heartbeatStore();

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder environment(FunctionEnvironment environment);

        @BindsInstance
        Builder clock(InstantSource clock);

        SweepComponent build();
    }
}
