package dev.firebell.function.postmortem;

import dagger.BindsInstance;
import dagger.Component;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.wiring.ClockModule;
import dev.firebell.aws.wiring.DynamoDbModule;
import dev.firebell.aws.wiring.MetricsModule;
import dev.firebell.aws.wiring.PostmortemModule;
import dev.firebell.aws.wiring.SdkModule;
import dev.firebell.aws.wiring.SnsModule;
import dev.firebell.postmortem.PostmortemService;
import javax.inject.Singleton;

/** The postmortem function's graph: the table, the drafts bucket, the page topic for announcements, EMF metrics. */
@Singleton
@Component(modules = {SdkModule.class, ClockModule.class, DynamoDbModule.class, SnsModule.class, PostmortemModule.class,
        MetricsModule.class})
interface PostmortemComponent {

    PostmortemService postmortems();

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder environment(FunctionEnvironment environment);

        PostmortemComponent build();
    }
}
