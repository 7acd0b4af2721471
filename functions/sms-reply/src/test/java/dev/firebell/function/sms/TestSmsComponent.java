package dev.firebell.function.sms;

import dagger.BindsInstance;
import dagger.Component;
import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.aws.dynamodb.DynamoIncidentStore;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.wiring.AnswersModule;
import dev.firebell.aws.wiring.DynamoDbModule;
import dev.firebell.aws.wiring.LinksModule;
import dev.firebell.aws.wiring.PagingModule;
import dev.firebell.aws.wiring.SdkModule;
import dev.firebell.aws.wiring.SnsModule;
import dev.firebell.escalation.EscalationEngine;
import dev.firebell.incident.IncidentCommands;
import java.time.InstantSource;
import javax.inject.Singleton;

/** The SMS reply function's production graph, with the pieces its tests set the scene with. */
@Singleton
@Component(modules = {SdkModule.class, DynamoDbModule.class, SnsModule.class, PagingModule.class, LinksModule.class,
        AnswersModule.class, SmsReplyModule.class})
interface TestSmsComponent extends SmsReplyComponent {

    IncidentCommands incidentCommands();

    EscalationEngine escalationEngine();

    DynamoIncidentStore store();

    DynamoConfigStore configStore();

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder environment(FunctionEnvironment environment);

        @BindsInstance
        Builder clock(InstantSource clock);

        TestSmsComponent build();
    }
}
