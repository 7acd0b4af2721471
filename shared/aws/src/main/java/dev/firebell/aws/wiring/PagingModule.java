package dev.firebell.aws.wiring;

import dagger.Module;
import dagger.Provides;
import dev.firebell.config.ConfigSource;
import dev.firebell.incident.AlarmService;
import dev.firebell.incident.AlarmTransitions;
import dev.firebell.incident.IncidentCommands;
import dev.firebell.incident.IncidentStore;
import dev.firebell.paging.PageComposer;
import dev.firebell.paging.PageDispatcher;
import dev.firebell.paging.PageOutbox;
import dev.firebell.paging.PageTargetResolver;
import dev.firebell.paging.Pager;
import dev.firebell.paging.ServiceTargetResolver;
import java.time.Duration;
import java.time.InstantSource;
import javax.inject.Singleton;

/** The domain services that open incidents and page, wired to whatever stores and pager the component has. */
@Module
public final class PagingModule {

    /** Long enough for a publish with retries; short enough that a crashed page is re-sent within minutes. */
    public static final Duration PAGE_LEASE = Duration.ofSeconds(60);

    private PagingModule() {
    }

    @Provides
    @Singleton
    static PageTargetResolver targets() {
        return new ServiceTargetResolver();
    }

    @Provides
    @Singleton
    static PageDispatcher dispatcher(IncidentStore incidents, PageOutbox outbox, Pager pager, InstantSource clock) {
        return new PageDispatcher(incidents, outbox, pager, new PageComposer(), clock, PAGE_LEASE);
    }

    @Provides
    @Singleton
    static AlarmTransitions transitions(PageTargetResolver targets) {
        return new AlarmTransitions(targets, PAGE_LEASE);
    }

    @Provides
    @Singleton
    static IncidentCommands incidentCommands(IncidentStore store, ConfigSource config, PageTargetResolver targets,
                                             PageDispatcher dispatcher, InstantSource clock) {
        return new IncidentCommands(store, config, targets, dispatcher, clock, PAGE_LEASE);
    }

    @Provides
    @Singleton
    static AlarmService alarmService(ConfigSource config, IncidentStore store, AlarmTransitions transitions,
                                     PageDispatcher dispatcher, InstantSource clock) {
        return new AlarmService(config, store, transitions, dispatcher, clock);
    }
}
