package dev.firebell.aws.wiring;

import dagger.Module;
import dagger.Provides;
import dev.firebell.account.Origins;
import dev.firebell.config.ConfigSource;
import dev.firebell.escalation.EscalationEngine;
import dev.firebell.escalation.EscalationPlanner;
import dev.firebell.escalation.EscalationStore;
import dev.firebell.incident.AlarmService;
import dev.firebell.incident.AlarmTransitions;
import dev.firebell.incident.IncidentCommands;
import dev.firebell.incident.IncidentStore;
import dev.firebell.maintenance.MaintenanceCalendar;
import dev.firebell.maintenance.MaintenanceStore;
import dev.firebell.oncall.OnCallChanges;
import dev.firebell.oncall.OnCallService;
import dev.firebell.oncall.OverrideStore;
import dev.firebell.paging.PageComposer;
import dev.firebell.paging.PageDispatcher;
import dev.firebell.paging.PageOutbox;
import dev.firebell.paging.PageTargetResolver;
import dev.firebell.paging.Pager;
import java.time.Duration;
import java.time.InstantSource;
import javax.inject.Singleton;

/**
 * The domain services that open incidents, page whoever is on call and escalate, wired to whatever stores, pager and
 * page composer the component has (production: {@link LinksModule}'s, which puts links in pages).
 */
@Module
public final class PagingModule {

    /** Long enough for a publish with retries; short enough that a crashed page is re-sent within minutes. */
    public static final Duration PAGE_LEASE = Duration.ofSeconds(60);

    private PagingModule() {
    }

    @Provides
    @Singleton
    static OnCallService onCall(ConfigSource config, OverrideStore overrides, InstantSource clock) {
        return new OnCallService(config, overrides, clock);
    }

    /** Configured maintenance windows and those started from chat: the one answer to "is this service held now?". */
    @Provides
    @Singleton
    static MaintenanceCalendar maintenance(ConfigSource config, MaintenanceStore windows, InstantSource clock) {
        return new MaintenanceCalendar(config, windows, clock);
    }

    @Provides
    @Singleton
    static EscalationPlanner planner(ConfigSource config, OnCallService onCall, MaintenanceCalendar maintenance,
                                     OnCallChanges changes) {
        return new EscalationPlanner(config, onCall, maintenance, changes);
    }

    /** Who is paged for a new incident: the first level of its service's escalation policy, on call now. */
    @Provides
    static PageTargetResolver targets(EscalationPlanner planner) {
        return planner;
    }

    @Provides
    @Singleton
    static EscalationEngine escalationEngine(IncidentStore incidents, EscalationStore escalations,
                                             EscalationPlanner planner, PageDispatcher dispatcher, InstantSource clock) {
        return new EscalationEngine(incidents, escalations, planner, dispatcher, clock, PAGE_LEASE);
    }

    @Provides
    @Singleton
    static PageDispatcher dispatcher(IncidentStore incidents, PageOutbox outbox, Pager pager, PageComposer composer,
                                     InstantSource clock, MaintenanceCalendar maintenance) {
        // A page re-driven inside a maintenance window of its service waits for the window's end.
        PageDispatcher.PageHold hold = (incident, now) -> maintenance.activeAt(incident.service(), now)
                .map(o -> new PageDispatcher.Hold(o.until(), "service " + incident.service() + " is in maintenance '"
                        + o.window().name() + "'"));
        return new PageDispatcher(incidents, outbox, pager, composer, clock, PAGE_LEASE, hold);
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
                                     PageDispatcher dispatcher, InstantSource clock, Origins origins) {
        return new AlarmService(config, store, transitions, dispatcher, clock, origins);
    }
}
