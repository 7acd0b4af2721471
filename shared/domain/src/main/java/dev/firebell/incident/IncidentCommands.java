package dev.firebell.incident;

import dev.firebell.config.ConfigSource;
import dev.firebell.config.FirebellConfig;
import dev.firebell.escalation.EscalationState;
import dev.firebell.escalation.EscalationStatus;
import dev.firebell.paging.Page;
import dev.firebell.paging.PageDispatcher;
import dev.firebell.paging.PagePlan;
import dev.firebell.paging.PageTargetResolver;
import dev.firebell.paging.PlanNote;
import dev.firebell.paging.PlannedPage;
import dev.firebell.routing.Severity;
import dev.firebell.service.ServicePolicy;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What people do to incidents (from chat, or any other front end): acknowledge, resolve, reopen,
 * change severity, assign roles, add notes, declare. Every change is checked against the incident's
 * state, written with a timeline entry naming who did it, and retried if an alarm changed the
 * incident at the same moment. A change that would do nothing says so and writes nothing.
 */
public final class IncidentCommands {

    static final int MAX_ATTEMPTS = 10;

    private final IncidentStore store;
    private final ConfigSource config;
    private final PageTargetResolver targets;
    private final PageDispatcher dispatcher;
    private final InstantSource clock;
    private final Duration pageLease;

    public IncidentCommands(IncidentStore store, ConfigSource config, PageTargetResolver targets,
                            PageDispatcher dispatcher, InstantSource clock, Duration pageLease) {
        this.store = store;
        this.config = config;
        this.targets = targets;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.pageLease = pageLease;
    }

    /** The incident after the command, whether anything changed, and a sentence saying what happened. */
    public record Outcome(Incident incident, boolean changed, String message) {
    }

    /**
     * A decided change: the incident as it should be, its timeline entries, the track when it moves, and the
     * escalation when it changes with the incident.
     */
    private record Change(Incident incident, List<TimelineEntry> entries, AlarmTrack track, String message,
                          EscalationState escalation) {
        Change(Incident incident, List<TimelineEntry> entries, AlarmTrack track, String message) {
            this(incident, entries, track, message, null);
        }
    }

    public Outcome acknowledge(String id, String actor) {
        return acknowledge(id, Actor.of(actor));
    }

    public Outcome acknowledge(String id, Actor by) {
        String actor = by.id();
        return change(id, by, (incident) -> {
            requireOpen(incident, "acknowledge");
            if (incident.status() == IncidentStatus.ACKNOWLEDGED) {
                return null;
            }
            Instant now = clock.instant();
            EscalationState escalation = changedEscalation(id, EscalationState::acknowledged);
            String stopped = escalation != null && escalation.status() == EscalationStatus.PAUSED
                    ? "; escalation stopped" : "";
            return new Change(incident.toBuilder().status(IncidentStatus.ACKNOWLEDGED).acknowledgedAt(now)
                    .acknowledgedBy(actor).build(),
                    List.of(entry(id, now, TimelineEntryType.ACKNOWLEDGED, actor, "acknowledged by " + by.described()
                            + stopped, Map.of())),
                    null, "#" + id + " acknowledged by " + by.described() + stopped, escalation);
        }, "#" + id + " is already acknowledged");
    }

    public Outcome unacknowledge(String id, String actor) {
        return unacknowledge(id, Actor.of(actor));
    }

    public Outcome unacknowledge(String id, Actor by) {
        String actor = by.id();
        return change(id, by, (incident) -> {
            requireOpen(incident, "unacknowledge");
            if (incident.status() != IncidentStatus.ACKNOWLEDGED) {
                return null;
            }
            Instant now = clock.instant();
            EscalationState escalation = changedEscalation(id, e -> e.resumed(now));
            String resumes = escalation != null
                    ? "; escalation resumes: the level paged last is paged again within a minute" : "";
            return new Change(incident.toBuilder().status(IncidentStatus.TRIGGERED).acknowledgedAt(null)
                    .acknowledgedBy(null).build(),
                    List.of(entry(id, now, TimelineEntryType.UNACKNOWLEDGED, actor,
                            "acknowledgement withdrawn by " + actor + "; the incident is triggered again" + resumes,
                            Map.of())),
                    null, "#" + id + " is triggered again (unacknowledged by " + actor + ")" + resumes, escalation);
        }, "#" + id + " is not acknowledged");
    }

    public Outcome resolve(String id, String actor, String resolution) {
        return resolve(id, Actor.of(actor), resolution);
    }

    public Outcome resolve(String id, Actor by, String resolution) {
        String actor = by.id();
        return change(id, by, (incident) -> {
            if (!incident.isOpen()) {
                return null;
            }
            Instant now = clock.instant();
            Incident resolved = incident.toBuilder().status(IncidentStatus.RESOLVED).resolvedAt(now).resolvedBy(actor)
                    .statusBeforeResolve(incident.status()).resolution(blankToNull(resolution)).build();
            String summary = "resolved by " + by.described()
                    + (resolution == null || resolution.isBlank() ? "" : ": " + resolution);
            return new Change(resolved, List.of(entry(id, now, TimelineEntryType.RESOLVED, actor, summary,
                    resolution == null ? Map.of() : Map.of("resolution", resolution))),
                    movedTrack(incident, false, now), "#" + id + " " + summary,
                    changedEscalation(id, e -> e.isActive() || e.status() == EscalationStatus.PAUSED ? e.stopped() : e));
        }, "#" + id + " is already resolved");
    }

    /** A person reopening takes it: the incident comes back acknowledged by them, and nobody else is paged. */
    public Outcome reopen(String id, String actor) {
        return reopen(id, Actor.of(actor));
    }

    /** As {@link #reopen(String, String)}, with how the person did it kept on the timeline entry. */
    public Outcome reopen(String id, Actor by) {
        String actor = by.id();
        return change(id, by, (incident) -> {
            if (incident.isOpen()) {
                return null;
            }
            Instant now = clock.instant();
            AlarmTrack track = movedTrack(incident, true, now);
            Incident reopened = incident.toBuilder().status(IncidentStatus.ACKNOWLEDGED).acknowledgedAt(now)
                    .acknowledgedBy(actor).resolvedAt(null).resolvedBy(null).statusBeforeResolve(null).resolution(null)
                    .reopenCount(incident.reopenCount() + 1).build();
            return new Change(reopened, List.of(entry(id, now, TimelineEntryType.REOPENED, actor,
                    "reopened by " + actor + ", who has it (acknowledged)", Map.of())), track,
                    "#" + id + " reopened and acknowledged by " + actor,
                    changedEscalation(id, e -> e.reopened(now, IncidentStatus.ACKNOWLEDGED)));
        }, "#" + id + " is open already");
    }

    public Outcome changeSeverity(String id, Severity severity, String actor) {
        return changeSeverity(id, severity, Actor.of(actor));
    }

    public Outcome changeSeverity(String id, Severity severity, Actor by) {
        String actor = by.id();
        return change(id, by, (incident) -> {
            if (incident.severity() == severity) {
                return null;
            }
            Instant now = clock.instant();
            return new Change(incident.toBuilder().severity(severity).build(),
                    List.of(entry(id, now, TimelineEntryType.SEVERITY_CHANGED, actor, "severity " + incident.severity()
                            + " -> " + severity + " by " + actor, Map.of("from", incident.severity().name(),
                            "to", severity.name()))),
                    null, "#" + id + " is now " + severity + " (was " + incident.severity() + ")");
        }, "#" + id + " is " + severity + " already");
    }

    public Outcome assignRole(String id, String role, String person, String actor) {
        return assignRole(id, role, person, Actor.of(actor));
    }

    public Outcome assignRole(String id, String role, String person, Actor by) {
        String actor = by.id();
        return change(id, by, (incident) -> {
            if (person.equals(incident.roles().get(role))) {
                return null;
            }
            Instant now = clock.instant();
            Map<String, String> roles = new LinkedHashMap<>(incident.roles());
            String previous = roles.put(role, person);
            return new Change(incident.toBuilder().roles(roles).build(),
                    List.of(entry(id, now, TimelineEntryType.ROLE_ASSIGNED, actor, role + ": " + person
                            + (previous != null ? " (was " + previous + ")" : "") + ", assigned by " + actor,
                            Map.of("role", role, "person", person))),
                    null, person + " is " + role + " of #" + id);
        }, person + " is " + role + " of #" + id + " already");
    }

    public Outcome addNote(String id, String text, String actor) {
        return addNote(id, text, Actor.of(actor));
    }

    public Outcome addNote(String id, String text, Actor by) {
        String actor = by.id();
        return change(id, by, (incident) -> {
            Instant now = clock.instant();
            return new Change(incident, List.of(entry(id, now, TimelineEntryType.NOTE, actor, text, Map.of())), null,
                    "note added to #" + id);
        }, null);
    }

    /** A person opens an incident by hand; the service's targets are paged as for an alarm. */
    public Outcome declare(String title, Severity severity, String service, String actor) {
        return declare(title, severity, service, Actor.of(actor));
    }

    /** As {@link #declare(String, Severity, String, String)}, with how the person did it kept on the timeline entry. */
    public Outcome declare(String title, Severity severity, String service, Actor by) {
        FirebellConfig current = config.current();
        String svc = service != null ? service : current.routing().defaultService();
        if (service != null && !current.services().isEmpty() && !current.services().containsKey(service)) {
            throw new IllegalArgumentException("'" + service + "' is not a configured service; configured: "
                    + String.join(", ", current.services().keySet()));
        }
        ServicePolicy policy = current.service(svc);
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant();
            Declared declared = declared(store.nextIncidentId(), title, severity, svc, policy, by, now);
            try {
                store.update(declared.incident(), declared.entries(), declared.pages(), null, declared.escalation());
            } catch (ConcurrentChangeException raced) {
                // Another incident (an alarm's, someone else's declare) took the number first: take the next one.
                if (attempt >= MAX_ATTEMPTS) {
                    throw raced;
                }
                continue;
            }
            dispatcher.send(declared.pages());
            String id = declared.incident().id();
            return new Outcome(store.incident(id).orElse(declared.incident()), true, "#" + id + " declared: " + title);
        }
    }

    /** A declared incident as it would be created with number {@code id}. */
    private record Declared(Incident incident, List<TimelineEntry> entries, List<Page> pages,
                            EscalationState escalation) {
    }

    private Declared declared(String id, String title, Severity severity, String svc, ServicePolicy policy, Actor by,
                              Instant now) {
        String actor = by.id();
        Incident incident = Incident.builder().id(id).title(title).service(svc).severity(severity)
                .status(IncidentStatus.TRIGGERED).triggeredAt(now).openedAt(now).lastSeenAt(now).alarmCount(0)
                .roles(Map.of(Incident.COMMANDER, actor)).build();
        String token = UUID.randomUUID().toString();
        PagePlan plan = targets.firstPages(incident, policy, now);
        List<Page> pages = new ArrayList<>();
        int sequence = 1;
        for (PlannedPage page : plan.pages()) {
            pages.add(page.toPage(id, sequence++, now, now.plus(pageLease), token));
        }
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(entry(id, now, TimelineEntryType.OPENED, actor, "declared by " + actor + ": "
                + title + " (service " + svc + ", " + severity + "); " + actor + " is commander", by.details()));
        for (PlanNote note : plan.notes()) {
            entries.add(note.toEntry(id, now, TimelineEntry.SYSTEM_ACTOR));
        }
        return new Declared(incident, entries, pages, plan.escalation());
    }

    private Outcome change(String id, Actor by, Function<Incident, Change> decide, String noChange) {
        for (int attempt = 1; ; attempt++) {
            Incident incident = store.incident(id).orElseThrow(() -> new NoSuchIncidentException(id));
            Change change = decide.apply(incident);
            if (change == null) {
                return new Outcome(incident, false, noChange);
            }
            try {
                store.update(change.incident(), withActorDetails(change.entries(), by), List.of(), change.track(),
                        change.escalation());
                return new Outcome(store.incident(id).orElse(change.incident()), true, change.message());
            } catch (ConcurrentChangeException raced) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    /**
     * The dedup track follows a person's resolve or reopen, so the alarm's next state change is judged
     * against the right incident. A track that moved on to a newer incident is left alone, unless
     * reopening would leave two open incidents for one alarm. A grouped incident's tracks are left alone: its
     * alarms' next state changes are judged by the incident's status and who resolved it.
     */
    private AlarmTrack movedTrack(Incident incident, boolean open, Instant now) {
        if (incident.dedupKey() == null) {
            return null;
        }
        AlarmTrack t = store.track(incident.dedupKey());
        if (!t.exists()) {
            return null;
        }
        boolean ours = incident.id().equals(t.incidentId());
        if (open && !ours && t.open()) {
            throw new IncidentStateException("#" + incident.id() + " cannot be reopened: its alarm already has open"
                    + " incident #" + t.incidentId());
        }
        if (!open && !ours || incident.isGrouped()) {
            // A grouped incident's tracks say which alarms are in ALARM, which a person does not change (ADR 0040).
            return null;
        }
        return new AlarmTrack(t.dedupKey(), incident.id(), open, open ? null : now, false, t.lastAlarmAt(),
                t.lastOkAt(), t.version());
    }

    /** The actor's details (how they did it) join each entry's own facts; the entry's own win on a clash. */
    private static List<TimelineEntry> withActorDetails(List<TimelineEntry> entries, Actor by) {
        if (by.details().isEmpty()) {
            return entries;
        }
        List<TimelineEntry> out = new ArrayList<>(entries.size());
        for (TimelineEntry e : entries) {
            Map<String, String> details = new LinkedHashMap<>(by.details());
            details.putAll(e.details());
            out.add(new TimelineEntry(e.incidentId(), e.at(), e.type(), e.actor(), e.summary(), details));
        }
        return out;
    }

    /** The incident's escalation after {@code change}, or null when it has none or it does not change. */
    private EscalationState changedEscalation(String id, UnaryOperator<EscalationState> change) {
        Optional<EscalationState> current = store.escalation(id);
        if (current.isEmpty()) {
            return null;
        }
        EscalationState next = change.apply(current.get());
        return next.equals(current.get()) ? null : next;
    }

    private static void requireOpen(Incident incident, String verb) {
        if (!incident.isOpen()) {
            throw new IncidentStateException("#" + incident.id() + " is resolved; reopen it before you " + verb + " it");
        }
    }

    private static TimelineEntry entry(String id, Instant at, TimelineEntryType type, String actor, String summary,
                                       Map<String, String> details) {
        return new TimelineEntry(id, at, type, actor, summary, details);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

}
