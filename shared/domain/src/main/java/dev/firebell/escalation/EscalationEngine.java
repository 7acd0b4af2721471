package dev.firebell.escalation;

import dev.firebell.incident.Actor;
import dev.firebell.incident.ConcurrentChangeException;
import dev.firebell.incident.DispatchReport;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStateException;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.IncidentStore;
import dev.firebell.incident.NoSuchIncidentException;
import dev.firebell.paging.Page;
import dev.firebell.paging.PageDispatcher;
import dev.firebell.paging.PlanNote;
import dev.firebell.paging.PlannedPage;
import dev.firebell.timeline.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Time-driven escalation: runs every step that is due, and "escalate now" for people. Each step is
 * decided by the {@link EscalationPlanner} from a fresh read and written in one transaction guarded by
 * the escalation's version and the incident's status, so a re-run, or two sweeps at once, page once,
 * and nothing is ever queued for an incident that was acknowledged or resolved. Pages are sent right
 * after the write; if that fails, they stay pending and the sweep re-drives them.
 */
public final class EscalationEngine {

    private final IncidentStore incidents;
    private final EscalationStore escalations;
    private final EscalationPlanner planner;
    private final PageDispatcher dispatcher;
    private final InstantSource clock;
    private final Duration pageLease;

    public EscalationEngine(IncidentStore incidents, EscalationStore escalations, EscalationPlanner planner,
                            PageDispatcher dispatcher, InstantSource clock, Duration pageLease) {
        this.incidents = incidents;
        this.escalations = escalations;
        this.planner = planner;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.pageLease = pageLease;
    }

    /** What one run did. */
    public record Report(int stepsTaken, int skipped, DispatchReport pages) {
        public static final Report NONE = new Report(0, 0, DispatchReport.NONE);

        public Report plus(Report other) {
            return new Report(stepsTaken + other.stepsTaken, skipped + other.skipped, pages.plus(other.pages));
        }

        public int handled() {
            return stepsTaken + skipped;
        }
    }

    /**
     * Every escalation step due now (up to {@code limit}). One that fails does not hold up the others: they
     * are all attempted, then the first failure is thrown, so the run fails visibly and the next run retries.
     */
    public Report runDue(int limit) {
        Instant now = clock.instant();
        Report report = Report.NONE;
        RuntimeException failure = null;
        for (EscalationState due : escalations.dueEscalations(now, limit)) {
            try {
                report = report.plus(runOne(due.incidentId()));
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return report;
    }

    /** When the next escalation step is due, if any: lets the sweep wait for it instead of a whole minute. */
    public Optional<Instant> nextDue() {
        return escalations.earliestEscalationDue();
    }

    /** The step due for one incident, if any; safe to call any number of times. */
    public Report runOne(String incidentId) {
        Instant now = clock.instant();
        Optional<EscalationState> read = escalations.escalation(incidentId);
        if (read.isEmpty() || !read.get().dueAt(now)) {
            return new Report(0, 1, DispatchReport.NONE);
        }
        EscalationState state = read.get();
        Optional<Incident> incident = incidents.incident(incidentId);
        if (incident.isEmpty()) {
            return write(state.stopped(), List.of(), List.of(), null, false, incidentId, now, null);
        }
        EscalationPlanner.Step step = planner.next(incident.get(), state, now, EscalationPlanner.Mode.DUE, null);
        return write(step.state(), step.pages(), step.notes(), null, !step.pages().isEmpty(), incidentId, now, null);
    }

    /** What escalating by hand did. */
    public record Outcome(Incident incident, String message, DispatchReport pages) {
    }

    /**
     * A person asks for the next level now ("escalate" in chat). An acknowledged incident is triggered again
     * (the person escalating wants more help); maintenance and quiet hours do not hold a page asked for by
     * hand. An exhausted escalation starts over at its first level.
     *
     * @throws NoSuchIncidentException  the incident does not exist
     * @throws IncidentStateException   it is resolved, or nothing escalates for it (no policy)
     */
    public Outcome escalateNow(String incidentId, String actor) {
        return escalateNow(incidentId, Actor.of(actor));
    }

    /**
     * As {@link #escalateNow(String, String)}, with how the person did it: the actor's details join the timeline
     * entries, and a {@link dev.firebell.incident.Channel} reads in their summaries ("escalated to level 2 of policy
     * 'checkout' by alice from an e-mail link: paging Dave").
     */
    public Outcome escalateNow(String incidentId, Actor by) {
        String described = by.described();
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant();
            Incident incident = incidents.incident(incidentId).orElseThrow(() -> new NoSuchIncidentException(incidentId));
            if (!incident.isOpen()) {
                throw new IncidentStateException("#" + incidentId + " is resolved; reopen it before you escalate it");
            }
            EscalationState state = escalations.escalation(incidentId)
                    .filter(s -> s.policy() != null)
                    .orElseThrow(() -> new IncidentStateException("#" + incidentId + ": service " + incident.service()
                            + " has no escalation policy, so there is no next level to page"));
            Incident triggered = incident.status() == IncidentStatus.ACKNOWLEDGED
                    ? incident.toBuilder().status(IncidentStatus.TRIGGERED).acknowledgedAt(null).acknowledgedBy(null).build()
                    : null;
            EscalationPlanner.Step step = planner.next(triggered != null ? triggered : incident,
                    state.escalatedNow(now), now, EscalationPlanner.Mode.MANUAL, described);
            try {
                Report report = write(step.state(), step.pages(), withDetails(step.notes(), by), triggered,
                        triggered == null, incidentId, now, by.id());
                String message = step.notes().isEmpty() ? "#" + incidentId + " escalated by " + described
                        : "#" + incidentId + ": " + step.notes().get(0).summary();
                return new Outcome(incidents.incident(incidentId).orElse(incident), message, report.pages());
            } catch (ConcurrentChangeException raced) {
                if (attempt >= 5) {
                    throw raced;
                }
            }
        }
    }

    /** The actor's details (how they did it) join each note's own facts; the note's own win on a clash. */
    private static List<PlanNote> withDetails(List<PlanNote> notes, Actor by) {
        if (by.details().isEmpty()) {
            return notes;
        }
        List<PlanNote> out = new ArrayList<>(notes.size());
        for (PlanNote n : notes) {
            out.add(new PlanNote(n.type(), n.summary(), by.detailsWith(n.details())));
        }
        return out;
    }

    private Report write(EscalationState next, List<PlannedPage> planned, List<PlanNote> notes, Incident changed,
                         boolean requireTriggered, String incidentId, Instant now, String actor) {
        String token = UUID.randomUUID().toString();
        List<Page> pages = new ArrayList<>();
        int sequence = next.nextPageSequence() - planned.size();
        for (PlannedPage p : planned) {
            pages.add(p.toPage(incidentId, sequence++, now, now.plus(pageLease), token));
        }
        List<TimelineEntry> entries = new ArrayList<>();
        for (PlanNote n : notes) {
            entries.add(n.toEntry(incidentId, now, actor == null ? TimelineEntry.SYSTEM_ACTOR : actor));
        }
        try {
            escalations.save(next, pages, entries, changed, requireTriggered);
        } catch (ConcurrentChangeException raced) {
            if (changed != null || actor != null) {
                throw raced;
            }
            // Another sweep took this step, or the incident was acknowledged or resolved meanwhile: nothing to do.
            return new Report(0, 1, DispatchReport.NONE);
        }
        return new Report(1, 0, dispatcher.send(pages));
    }
}
