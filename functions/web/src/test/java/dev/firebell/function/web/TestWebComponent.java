package dev.firebell.function.web;

import dagger.BindsInstance;
import dagger.Component;
import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.aws.dynamodb.DynamoIncidentStore;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.wiring.AnswersModule;
import dev.firebell.aws.wiring.DynamoDbModule;
import dev.firebell.aws.wiring.HeartbeatsModule;
import dev.firebell.aws.wiring.LinksModule;
import dev.firebell.aws.wiring.PagingModule;
import dev.firebell.aws.wiring.SdkModule;
import dev.firebell.aws.wiring.SnsModule;
import dev.firebell.console.Console;
import dev.firebell.console.incident.IncidentPages;
import dev.firebell.escalation.EscalationEngine;
import dev.firebell.heartbeat.HeartbeatStore;
import dev.firebell.heartbeat.Heartbeats;
import dev.firebell.incident.IncidentCommands;
import dev.firebell.link.LinkKeys;
import dev.firebell.metrics.IncidentReports;
import dev.firebell.postmortem.DraftVersions;
import java.time.InstantSource;
import javax.inject.Singleton;

/**
 * The web function's production graph, with what the tests need to set the scene beside it: incidents declared (and
 * paged, with links, by a graph built on a page-composing function's environment), the configuration, the store.
 */
@Singleton
@Component(modules = {SdkModule.class, DynamoDbModule.class, SnsModule.class, PagingModule.class, LinksModule.class,
        AnswersModule.class, HeartbeatsModule.class, WebModule.class})
interface TestWebComponent {

    LinkEndpoint links();

    PingEndpoint pings();

    CalendarEndpoint calendars();

    dev.firebell.calendar.CalendarFeeds calendarFeeds();

    Console console();

    IncidentPages incidentPages();

    Heartbeats heartbeats();

    HeartbeatStore heartbeatStore();

    IncidentCommands incidentCommands();

    EscalationEngine escalationEngine();

    DynamoIncidentStore store();

    DynamoConfigStore configStore();

    LinkKeys linkKeys();

    DraftVersions draftVersions();

    IncidentReports reports();

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder environment(FunctionEnvironment environment);

        @BindsInstance
        Builder clock(InstantSource clock);

        TestWebComponent build();
    }
}
