package dev.firebell.function.announcer;

import dagger.BindsInstance;
import dagger.Component;
import dev.firebell.announcement.AnnouncementService;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.wiring.DynamoDbModule;
import dev.firebell.aws.wiring.SdkModule;
import dev.firebell.aws.wiring.SecretsModule;
import dev.firebell.slack.SlackWebApi;
import java.time.InstantSource;
import javax.inject.Singleton;

/**
 * The announcer's graph: the table (incidents, configuration, announcements), the bot token in Secrets Manager, and
 * Slack's Web API. The clock and how it waits are handed in: the wall clock and {@code Thread.sleep} in Lambda, a clock
 * moved by hand in the demo and tests.
 */
@Singleton
@Component(modules = {SdkModule.class, DynamoDbModule.class, SecretsModule.class, AnnouncerModule.class})
interface AnnouncerComponent {

    AnnouncementService announcements();

    InvocationDeadline deadline();

    SlackWebApi.Sleeper sleeper();

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder environment(FunctionEnvironment environment);

        @BindsInstance
        Builder clock(InstantSource clock);

        @BindsInstance
        Builder sleeper(SlackWebApi.Sleeper sleeper);

        AnnouncerComponent build();
    }
}
