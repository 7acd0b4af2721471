package dev.firebell.function.web;

import dagger.BindsInstance;
import dagger.Component;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.wiring.AnswersModule;
import dev.firebell.console.Console;
import dev.firebell.aws.wiring.DynamoDbModule;
import dev.firebell.aws.wiring.HeartbeatsModule;
import dev.firebell.aws.wiring.LinksModule;
import dev.firebell.aws.wiring.PagingModule;
import dev.firebell.aws.wiring.SdkModule;
import dev.firebell.aws.wiring.SnsModule;
import java.time.InstantSource;
import javax.inject.Singleton;

/**
 * The web function's graph: the table, the page topic (an escalation asked for by link pages the next level), the
 * link key, and answering pages. Its clock is given: the wall clock in Lambda, the demo's in a demo.
 */
@Singleton
@Component(modules = {SdkModule.class, DynamoDbModule.class, SnsModule.class, PagingModule.class, LinksModule.class,
        AnswersModule.class, HeartbeatsModule.class, WebModule.class})
interface WebComponent {

    LinkEndpoint links();

    PingEndpoint pings();

    CalendarEndpoint calendars();

    Console console();

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder environment(FunctionEnvironment environment);

        @BindsInstance
        Builder clock(InstantSource clock);

        WebComponent build();
    }
}
