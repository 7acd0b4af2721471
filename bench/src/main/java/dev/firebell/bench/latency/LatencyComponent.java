package dev.firebell.bench.latency;

import dagger.BindsInstance;
import dagger.Component;
import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.aws.dynamodb.DynamoIncidentStore;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.wiring.DynamoDbModule;
import dev.firebell.aws.wiring.HeartbeatsModule;
import dev.firebell.aws.wiring.LinksModule;
import dev.firebell.aws.wiring.PagingModule;
import dev.firebell.aws.wiring.SnsModule;
import dev.firebell.escalation.EscalationEngine;
import dev.firebell.heartbeat.HeartbeatStore;
import dev.firebell.heartbeat.Heartbeats;
import dev.firebell.incident.AlarmService;
import dev.firebell.link.ActionLinks;
import dev.firebell.paging.PageComposer;
import dev.firebell.paging.PageDispatcher;
import java.time.InstantSource;
import javax.inject.Singleton;

/**
 * The production graph of the alarm and escalation functions (the same modules as their components) with the
 * SDK's HTTP client handed in: {@link CannedHttpClient}, so nothing leaves the process; on the clock handed in
 * ({@code BenchClock}), so what the example configuration pages does not depend on the hour.
 */
@Singleton
@Component(modules = {CannedSdkModule.class, DynamoDbModule.class, SnsModule.class, PagingModule.class, LinksModule.class,
        HeartbeatsModule.class})
interface LatencyComponent {

    AlarmService alarmService();

    EscalationEngine escalationEngine();

    PageDispatcher pageDispatcher();

    DynamoConfigStore configStore();

    DynamoIncidentStore store();

    /** What composes pages in the alarm and escalation functions: with links for the person paged. */
    PageComposer pageComposer();

    ActionLinks actionLinks();

    Heartbeats heartbeats();

    HeartbeatStore heartbeatStore();

    InstantSource clock();

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder environment(FunctionEnvironment environment);

        @BindsInstance
        Builder http(software.amazon.awssdk.http.SdkHttpClient http);

        @BindsInstance
        Builder clock(InstantSource clock);

        LatencyComponent build();
    }
}
