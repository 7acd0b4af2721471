package dev.firebell.cli;

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
import dev.firebell.config.ConfigSource;
import dev.firebell.escalation.EscalationEngine;
import dev.firebell.heartbeat.HeartbeatStore;
import dev.firebell.heartbeat.Heartbeats;
import dev.firebell.incident.AlarmService;
import dev.firebell.incident.IncidentCommands;
import dev.firebell.oncall.OnCallService;
import dev.firebell.paging.PageDispatcher;
import java.time.InstantSource;
import javax.inject.Singleton;

/**
 * The production paging graph against the local stack, on a clock the caller chooses: what the demo uses
 * to replay alarms and run the escalation handler on its own clock, and to acknowledge as a person would from chat.
 */
@Singleton
@Component(modules = {SdkModule.class, DynamoDbModule.class, SnsModule.class, PagingModule.class, LinksModule.class,
        HeartbeatsModule.class})
interface LocalComponent {

    AlarmService alarmService();

    EscalationEngine escalationEngine();

    PageDispatcher pageDispatcher();

    IncidentCommands incidentCommands();

    OnCallService onCall();

    DynamoIncidentStore store();

    Heartbeats heartbeats();

    HeartbeatStore heartbeatStore();

    ConfigSource configSource();

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder environment(FunctionEnvironment environment);

        @BindsInstance
        Builder clock(InstantSource clock);

        LocalComponent build();
    }
}
