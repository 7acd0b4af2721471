package dev.firebell.function.postmortem;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.aws.dynamodb.DynamoIncidentStore;
import dev.firebell.aws.metrics.EmfMetricsSink;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.wiring.DynamoDbModule;
import dev.firebell.aws.wiring.PagingModule;
import dev.firebell.aws.wiring.PostmortemModule;
import dev.firebell.aws.wiring.SdkModule;
import dev.firebell.aws.wiring.SnsModule;
import dev.firebell.incident.AlarmService;
import dev.firebell.incident.IncidentCommands;
import dev.firebell.metrics.MetricsSink;
import dev.firebell.postmortem.PostmortemService;
import dev.firebell.paging.PageComposer;
import java.time.InstantSource;
import java.util.List;
import javax.inject.Named;
import javax.inject.Singleton;

/**
 * The production graph of the postmortem function, plus what opens and resolves incidents (the alarm rules and the
 * incident commands, as the other functions and chat run them), with two seams: a clock the test moves, and the EMF
 * lines kept in a list instead of standard output.
 */
@Singleton
@Component(modules = {SdkModule.class, DynamoDbModule.class, SnsModule.class, PagingModule.class, PostmortemModule.class,
        TestPostmortemComponent.CapturedMetrics.class})
interface TestPostmortemComponent {

    PostmortemService postmortems();

    AlarmService alarms();

    IncidentCommands commands();

    DynamoIncidentStore store();

    DynamoConfigStore config();

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder environment(FunctionEnvironment environment);

        @BindsInstance
        Builder clock(InstantSource clock);

        @BindsInstance
        Builder emf(@Named("emf") List<String> lines);

        TestPostmortemComponent build();
    }

    @Module
    final class CapturedMetrics {
        private CapturedMetrics() {
        }

        @Provides
        @Singleton
        static MetricsSink sink(FunctionEnvironment env, InstantSource clock, @Named("emf") List<String> lines) {
            return new EmfMetricsSink(env.require("METRICS_NAMESPACE"), clock, lines::add);
        }

        /** The postmortem function composes no pages: the incidents opened here page without links. */
        @Provides
        @Singleton
        static PageComposer composer() {
            return new PageComposer();
        }
    }
}
