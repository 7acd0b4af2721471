package dev.firebell.console.oncall;

import dagger.BindsInstance;
import dagger.Component;
import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.wiring.DynamoDbModule;
import dev.firebell.aws.wiring.PagingModule;
import dev.firebell.aws.wiring.SdkModule;
import dev.firebell.console.ConsolePages;
import dev.firebell.oncall.OnCallService;
import java.time.InstantSource;
import java.util.Set;
import javax.inject.Singleton;

/** The on-call area as the web function wires it (the same production modules), and what the tests set up with. */
@Singleton
@Component(modules = {SdkModule.class, DynamoDbModule.class, PagingModule.class, OnCallConsoleModule.class})
interface OnCallConsoleComponent {

    Set<ConsolePages> pages();

    OnCallService onCall();

    DynamoConfigStore configStore();

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder environment(FunctionEnvironment environment);

        @BindsInstance
        Builder clock(InstantSource clock);

        OnCallConsoleComponent build();
    }
}
