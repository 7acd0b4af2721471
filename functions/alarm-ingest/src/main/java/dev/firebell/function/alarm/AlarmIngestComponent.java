package dev.firebell.function.alarm;

import dagger.BindsInstance;
import dagger.Component;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.wiring.ClockModule;
import dev.firebell.aws.wiring.DynamoDbModule;
import dev.firebell.aws.wiring.LinksModule;
import dev.firebell.aws.wiring.PagingModule;
import dev.firebell.aws.wiring.SdkModule;
import dev.firebell.aws.wiring.SnsModule;
import dev.firebell.config.ConfigSource;
import dev.firebell.incident.AlarmService;
import dev.firebell.incident.IncidentStore;
import javax.inject.Singleton;

/** Everything the alarm function needs and nothing else: the table, the paging topic, the incident rules. */
@Singleton
@Component(modules = {SdkModule.class, ClockModule.class, DynamoDbModule.class, SnsModule.class, PagingModule.class,
        LinksModule.class})
interface AlarmIngestComponent {

    AlarmService alarmService();

    /** For SnapStart priming: the reads a first alarm makes. */
    ConfigSource config();

    IncidentStore incidents();

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder environment(FunctionEnvironment environment);

        AlarmIngestComponent build();
    }
}
