package dev.firebell.incident;

import dev.firebell.account.Origins;
import dev.firebell.alarm.AlarmStateChange;
import dev.firebell.alarm.OwnAlarms;
import dev.firebell.config.ConfigSource;
import dev.firebell.config.FirebellConfig;
import dev.firebell.escalation.EscalationState;
import dev.firebell.paging.PageDispatcher;
import dev.firebell.routing.RoutingDecision;
import dev.firebell.service.ServicePolicy;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The use case behind the alarm function: route the alarm, decide what it means for its incident,
 * write that atomically, then page. Safe under redelivery (the event key is written with the change)
 * and under concurrency (a lost race re-reads and decides again).
 */
public final class AlarmService {

    static final int MAX_ATTEMPTS = 30;

    private final ConfigSource config;
    private final IncidentStore store;
    private final AlarmTransitions transitions;
    private final PageDispatcher dispatcher;
    private final InstantSource clock;
    private final Origins origins;

    public AlarmService(ConfigSource config, IncidentStore store, AlarmTransitions transitions,
                        PageDispatcher dispatcher, InstantSource clock) {
        this(config, store, transitions, dispatcher, clock, Origins.NONE);
    }

    /** @param origins where alarms from other accounts and regions come from, for the entries that open and group */
    public AlarmService(ConfigSource config, IncidentStore store, AlarmTransitions transitions,
                        PageDispatcher dispatcher, InstantSource clock, Origins origins) {
        this.config = config;
        this.store = store;
        this.transitions = transitions;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.origins = origins;
    }

    public AlarmOutcome handle(AlarmStateChange alarm) {
        if (OwnAlarms.isFirebells(alarm.alarmName())) {
            // Reached us by an alarm action or the alarm topic, not by the rule (which leaves these out): still never
            // an incident of ours, and nothing is written.
            return new AlarmOutcome(AlarmOutcome.Kind.IGNORED, null, "a Firebell stack's own alarm ("
                    + OwnAlarms.NAME_PREFIX + "...): it notifies that stack's ops topic, never an incident", null);
        }
        String dedupKey = alarm.alarmArn();
        // The track first: the store may read the configuration and the incident counter in the same request (one
        // BatchGetItem for DynamoDB, ADR 0055), so that routing below finds the configuration cached.
        AlarmTrack firstTrack = store.track(dedupKey);
        FirebellConfig current = config.current();
        return handle(alarm, current.routing().route(alarm, current.serviceNames()), current, firstTrack);
    }

    /**
     * A state change whose service and severity are already decided (a heartbeat monitor names its own): everything
     * else as for an alarm, from the dedup key to maintenance, quiet hours, paging and auto-resolve.
     */
    public AlarmOutcome handle(AlarmStateChange alarm, RoutingDecision route) {
        AlarmTrack firstTrack = store.track(alarm.alarmArn());
        return handle(alarm, route, config.current(), firstTrack);
    }

    private AlarmOutcome handle(AlarmStateChange alarm, RoutingDecision route, FirebellConfig current,
                                AlarmTrack firstTrack) {
        String dedupKey = alarm.alarmArn();
        ServicePolicy policy = current.service(route.service());
        String claimToken = UUID.randomUUID().toString();

        for (int attempt = 1; ; attempt++) {
            // A lost race decides again on a fresh read.
            AlarmTrack track = attempt == 1 ? firstTrack : store.track(dedupKey);
            Transition transition = decide(alarm, track, route, policy, claimToken);
            try {
                // The store decides what each kind writes (an Ignore: nothing at all).
                store.apply(transition, alarm.eventKey());
            } catch (EventAlreadyProcessedException redelivered) {
                // The first delivery may have died before paging: finish its work, never repeat it.
                DispatchReport report = redelivered.incidentId() == null ? DispatchReport.NONE
                        : dispatcher.redriveIncident(redelivered.incidentId());
                return new AlarmOutcome(AlarmOutcome.Kind.REDELIVERY, redelivered.incidentId(),
                        "already processed", report);
            } catch (ConcurrentChangeException raced) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new ConcurrentChangeException("gave up after " + attempt + " attempts on " + dedupKey, raced);
                }
                backOff(attempt);
                continue;
            }
            return transition.accept(new Outcome(dispatcher));
        }
    }

    /**
     * What the alarm would do to the state stored now, decided but not written: a store's tests write it themselves
     * to see how the store handles a decision that lost a race.
     */
    Transition decide(AlarmStateChange alarm) {
        FirebellConfig current = config.current();
        RoutingDecision route = current.routing().route(alarm, current.serviceNames());
        return decide(alarm, store.track(alarm.alarmArn()), route, current.service(route.service()),
                UUID.randomUUID().toString());
    }

    /** Reads what else the decision needs (strongly consistent) and decides. */
    private Transition decide(AlarmStateChange alarm, AlarmTrack track, RoutingDecision route, ServicePolicy policy,
                              String claimToken) {
        Optional<Incident> incident = track.incidentId() == null ? Optional.empty() : store.incident(track.incidentId());
        // Only a flap reopening a resolved incident needs its escalation (to carry it on).
        Optional<EscalationState> escalation = incident.isPresent() && !incident.get().isOpen()
                ? store.escalation(incident.get().id()) : Optional.empty();
        Supplier<AlarmTransitions.CurrentGroup> group = currentGroup(route.service(), incident);
        return transitions.decide(alarm, track, incident, escalation, group,
                new AlarmTransitions.Context(route, policy, clock.instant(), store::nextIncidentId, claimToken,
                        origins.of(alarm.accountId(), alarm.region()).orElse(null)));
    }

    /**
     * The service's group, read (strongly consistent) on first use only: most events are duplicates and OKs,
     * which never need it. Read again on every attempt, since a lost race may be a new group.
     */
    private Supplier<AlarmTransitions.CurrentGroup> currentGroup(String service, Optional<Incident> known) {
        AlarmTransitions.CurrentGroup[] read = new AlarmTransitions.CurrentGroup[1];
        return () -> {
            if (read[0] == null) {
                ServiceGroup pointer = store.serviceGroup(service);
                Optional<Incident> incident = pointer.incidentId() == null ? Optional.empty()
                        : known.filter(i -> i.id().equals(pointer.incidentId())).or(() -> store.incident(pointer.incidentId()));
                read[0] = new AlarmTransitions.CurrentGroup(pointer, incident);
            }
            return read[0];
        };
    }

    /** What a written transition did; an incident just opened is paged here. */
    private record Outcome(PageDispatcher dispatcher) implements Transition.Visitor<AlarmOutcome> {
        @Override
        public AlarmOutcome open(Transition.Open open) {
            DispatchReport report = dispatcher.send(open.pages(), open.incident());
            boolean recovered = !open.incident().isOpen();
            return new AlarmOutcome(recovered ? AlarmOutcome.Kind.OPENED_RECOVERED : AlarmOutcome.Kind.OPENED,
                    open.incident().id(), open.incident().service() + " " + open.incident().severity(), report);
        }

        @Override
        public AlarmOutcome join(Transition.Join join) {
            return new AlarmOutcome(AlarmOutcome.Kind.GROUPED, join.incidentId(), join.entry().summary(), null);
        }

        @Override
        public AlarmOutcome memberOk(Transition.MemberOk ok) {
            return new AlarmOutcome(AlarmOutcome.Kind.GROUPED_OK, ok.incidentId(), ok.entry().summary(), null);
        }

        @Override
        public AlarmOutcome fold(Transition.Fold fold) {
            return new AlarmOutcome(AlarmOutcome.Kind.DUPLICATE_SUPPRESSED, fold.incidentId(), fold.entry().summary(),
                    null);
        }

        @Override
        public AlarmOutcome resolve(Transition.Resolve resolve) {
            return new AlarmOutcome(AlarmOutcome.Kind.RESOLVED, resolve.incident().id(), resolve.entry().summary(),
                    null);
        }

        @Override
        public AlarmOutcome reopen(Transition.Reopen reopen) {
            return new AlarmOutcome(AlarmOutcome.Kind.REOPENED, reopen.incident().id(), reopen.entry().summary(), null);
        }

        @Override
        public AlarmOutcome note(Transition.Note note) {
            return new AlarmOutcome(AlarmOutcome.Kind.NOTED, note.incidentId(), note.entry().summary(), null);
        }

        @Override
        public AlarmOutcome rememberOk(Transition.RememberOk ok) {
            return new AlarmOutcome(AlarmOutcome.Kind.OK_REMEMBERED, ok.track().incidentId(), "OK recorded", null);
        }

        @Override
        public AlarmOutcome ignore(Transition.Ignore ignore) {
            return new AlarmOutcome(AlarmOutcome.Kind.IGNORED, ignore.track().incidentId(), ignore.reason(), null);
        }
    }

    /** Jittered so that sixteen racing deliveries do not collide again in lockstep. */
    private static void backOff(int attempt) {
        long ceiling = Math.min(200, 5L << Math.min(attempt, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrentChangeException("interrupted while retrying", e);
        }
    }
}
