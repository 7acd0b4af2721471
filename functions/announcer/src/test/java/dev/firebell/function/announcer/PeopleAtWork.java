package dev.firebell.function.announcer;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.aws.dynamodb.DynamoIncidentStore;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.wiring.DynamoDbModule;
import dev.firebell.aws.wiring.PagingModule;
import dev.firebell.aws.wiring.SdkModule;
import dev.firebell.escalation.EscalationEngine;
import dev.firebell.incident.IncidentCommands;
import dev.firebell.paging.PageComposer;
import dev.firebell.paging.Pager;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Singleton;

/**
 * What changes incidents while the announcer watches, as deployed: the incident commands (declare, acknowledge,
 * resolve, reopen, severity: what chat and its buttons run) and the escalation engine, on the production paging graph
 * with a clock the test moves. Pages are counted, not published: the announcer's artifact carries no SNS client.
 */
@Singleton
@Component(modules = {SdkModule.class, DynamoDbModule.class, PagingModule.class, PeopleAtWork.CountedPages.class})
interface PeopleAtWork {

    IncidentCommands commands();

    EscalationEngine escalations();

    DynamoIncidentStore store();

    DynamoConfigStore config();

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder environment(FunctionEnvironment environment);

        @BindsInstance
        Builder clock(InstantSource clock);

        PeopleAtWork build();
    }

    @Module
    final class CountedPages {
        static final AtomicInteger PUBLISHED = new AtomicInteger();

        private CountedPages() {
        }

        @Provides
        @Singleton
        static Pager pager() {
            return message -> "page-" + PUBLISHED.incrementAndGet();
        }

        /** Pages without links: the announcer neither sends pages nor reads the link key. */
        @Provides
        @Singleton
        static PageComposer composer() {
            return new PageComposer();
        }
    }
}
