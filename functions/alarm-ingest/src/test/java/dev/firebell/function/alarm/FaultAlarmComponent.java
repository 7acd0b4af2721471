package dev.firebell.function.alarm;

import dagger.BindsInstance;
import dagger.Component;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.wiring.DynamoDbModule;
import dev.firebell.aws.wiring.LinksModule;
import dev.firebell.aws.wiring.PagingModule;
import dev.firebell.aws.wiring.SdkModule;
import dev.firebell.incident.AlarmService;
import dev.firebell.paging.PageDispatcher;
import dev.firebell.testing.CrashPoint;
import dev.firebell.testing.CrashablePagingModule;
import dev.firebell.testing.FaultSdkModule;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import javax.inject.Singleton;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/**
 * The alarm function's production graph (SDK clients as {@link SdkModule} builds them, the table, the topic, the
 * paging rules) for fault injection: the SDK's call bounds are handed in (production's, or scaled-down timeouts for a
 * test of a slow AWS), a clock the test moves, and a pager that can "kill the process" just before or just after the
 * SNS publish.
 */
@Singleton
@Component(modules = {FaultSdkModule.class, DynamoDbModule.class, PagingModule.class, LinksModule.class,
        CrashablePagingModule.class})
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
}
