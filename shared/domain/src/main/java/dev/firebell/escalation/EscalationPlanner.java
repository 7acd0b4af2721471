package dev.firebell.escalation;

import dev.firebell.config.ConfigSource;
import dev.firebell.config.FirebellConfig;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.maintenance.MaintenanceCalendar;
import dev.firebell.maintenance.MaintenanceWindow;
import dev.firebell.oncall.OnCallChanges;
import dev.firebell.oncall.OnCallService;
import dev.firebell.oncall.Roster;
import dev.firebell.oncall.ShiftOverride;
import dev.firebell.paging.PagePlan;
import dev.firebell.paging.PageReason;
import dev.firebell.paging.PageTargetResolver;
import dev.firebell.paging.PlanNote;
import dev.firebell.paging.PlannedPage;
import dev.firebell.person.Person;
import dev.firebell.schedule.Shift;
import dev.firebell.service.ServicePolicy;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides each escalation step: who is on call for the level due (overrides included), whose page waits
 * for daytime, whether maintenance holds everything, and when the next level is due. Pure decisions:
 * the engine and the alarm rules write what it returns.
 *
 * <p>Rules, in order: a resolved incident stops its escalation, an acknowledged one pauses it; during
 * maintenance nothing is paged and the step is held until the window ends (a person escalating by hand
 * overrides this); a level whose targets have nobody on call is skipped at once; after the last level of
 * the last pass the policy's fallback is notified and escalation is exhausted. The next level is due
 * {@code escalateAfter} after the latest delivery of this level's pages, so a page held for daytime
 * starts its level's clock when it is delivered.
 */
public final class EscalationPlanner implements PageTargetResolver {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);

    /** Why a step is being decided. */
    public enum Mode {
        /** A new incident: its first level. */
        OPENED,
        /** The sweep found the step due. */
        DUE,
        /** A person asked to escalate now: maintenance and quiet hours do not hold it. */
        MANUAL
    }

    /** One decided step: the escalation afterwards, the pages to queue and what the timeline says. */
    public record Step(EscalationState state, List<PlannedPage> pages, List<PlanNote> notes) {
        public Step {
            pages = List.copyOf(pages);
            notes = List.copyOf(notes);
        }
    }

    private final ConfigSource config;
    private final OnCallService onCall;
    private final MaintenanceCalendar maintenance;
    private final OnCallChanges changes;

    /** @param maintenance configured windows and those started from chat; read once per decision that could page */
    public EscalationPlanner(ConfigSource config, OnCallService onCall, MaintenanceCalendar maintenance) {
        this(config, onCall, maintenance, (sources, service, from) -> new OnCallChanges.Changes(Set.copyOf(sources),
                sources.isEmpty() ? Map.of() : onCall.overrides(sources, from), maintenance.started(service, from)));
    }

    /**
     * @param changes the overrides and the windows started from chat that a step needs, read together: one request
     *                per decision where the store can (ADR 0055)
     */
    public EscalationPlanner(ConfigSource config, OnCallService onCall, MaintenanceCalendar maintenance,
                             OnCallChanges changes) {
        this.config = config;
        this.onCall = onCall;
        this.maintenance = maintenance;
        this.changes = changes;
    }

    @Override
    public PagePlan firstPages(Incident incident, ServicePolicy service, Instant now) {
        FirebellConfig cfg = config.current();
        String policyName = service.escalationPolicy();
        EscalationPolicy policy = policyName == null ? null : cfg.escalationPolicies().get(policyName);
        if (policy == null) {
            String why = policyName == null ? "service " + service.name() + " has no escalation policy"
                    : "service " + service.name() + " names escalation policy '" + policyName + "', which is not configured";
            Optional<MaintenanceWindow.Occurrence> held = maintenance.activeAt(cfg, incident.service(), now);
            if (held.isPresent()) {
                // Nothing escalates, but the fixed target is still paged once the window ends.
                EscalationState state = EscalationState.start(incident.id(), null, held.get().until(), 1);
                return new PagePlan(List.of(), List.of(maintenanceNote(held.get(), incident)), state);
            }
            return new PagePlan(List.of(new PlannedPage(service.pageTarget(), now, PageReason.TRIGGERED)),
                    List.of(note(TimelineEntryType.ESCALATION_NOTE, why + ": paging its fixed target '"
                            + service.pageTarget() + "' once; nothing escalates", Map.of("target", service.pageTarget()))),
                    null);
        }
        Step step = next(cfg, incident, EscalationState.start(incident.id(), policy.name(), now, 1), now, Mode.OPENED, null);
        return new PagePlan(step.pages(), step.notes(), step.state());
    }

    /** The step due for this escalation at {@code now}. */
    public Step next(Incident incident, EscalationState state, Instant now, Mode mode, String actor) {
        return next(config.current(), incident, state, now, mode, actor);
    }

    private Step next(FirebellConfig cfg, Incident incident, EscalationState state, Instant now, Mode mode,
                      String actor) {
        if (mode != Mode.MANUAL && incident.status() == IncidentStatus.RESOLVED) {
            return new Step(state.stopped(), List.of(), List.of());
        }
        if (mode != Mode.MANUAL && incident.status() == IncidentStatus.ACKNOWLEDGED) {
            return new Step(state.acknowledged(), List.of(), List.of());
        }
        List<PlanNote> notes = new ArrayList<>();
        // One read for the decision: the service's windows started from chat, and the overrides of the level due.
        OnCallChanges.Changes read = changes.notEndedBy(sourcesOfNextStep(cfg, state), incident.service(), now);
        Optional<MaintenanceWindow.Occurrence> held = MaintenanceCalendar.activeAt(cfg, incident.service(), now,
                read.maintenance());
        if (held.isPresent()) {
            if (mode != Mode.MANUAL) {
                return new Step(state.dueAgainAt(held.get().until()), List.of(), List.of(maintenanceNote(held.get(), incident)));
            }
            notes.add(note(TimelineEntryType.MAINTENANCE, "service " + incident.service() + " is in maintenance '"
                    + held.get().window().name() + "', but " + actor + " escalated by hand: paging anyway", Map.of()));
        }
        if (state.policy() == null) {
            String target = cfg.service(incident.service()).pageTarget();
            notes.add(note(TimelineEntryType.ESCALATION_NOTE, "service " + incident.service() + " has no escalation"
                    + " policy: paging its fixed target '" + target + "' once; nothing escalates", Map.of("target", target)));
            return new Step(state.exhausted(0, 1), List.of(new PlannedPage(target, now, PageReason.TRIGGERED)), notes);
        }
        EscalationPolicy policy = cfg.escalationPolicies().get(state.policy());
        if (policy == null) {
            notes.add(note(TimelineEntryType.ESCALATION_NOTE, "escalation policy '" + state.policy()
                    + "' is no longer configured; escalation stopped", Map.of("policy", state.policy())));
            return new Step(state.stopped(), List.of(), notes);
        }
        int step = state.nextStep();
        for (int guard = 0; guard <= policy.totalSteps() + 1; guard++) {
            if (step >= policy.totalSteps()) {
                return exhausted(cfg, incident, state, policy, now, mode, notes, read);
            }
            EscalationLevel level = policy.levelOfStep(step);
            List<Resolved> resolved = resolve(cfg, level.targets(), now, notes, read);
            if (resolved.isEmpty()) {
                notes.add(note(TimelineEntryType.NOBODY_ON_CALL, "nobody is on call for " + policy.describeStep(step)
                        + " of policy '" + policy.name() + "' (" + describeTargets(level.targets()) + "); moving on",
                        Map.of("policy", policy.name(), "step", String.valueOf(step))));
                step++;
                continue;
            }
            boolean first = mode == Mode.OPENED && step == 0;
            PageReason reason = first ? PageReason.TRIGGERED : PageReason.ESCALATED;
            List<PlannedPage> pages = pages(cfg, incident, resolved, now, mode, reason, notes);
            String who = describe(resolved);
            String what = policy.describeStep(step) + " of policy '" + policy.name() + "'";
            if (first) {
                notes.add(0, note(TimelineEntryType.ESCALATION_NOTE, what + ": paging " + who, details(policy, step, resolved)));
            } else {
                String by = mode == Mode.MANUAL ? " by " + actor : step == state.lastStep() ? " again (un-acknowledged)" : "";
                notes.add(0, note(TimelineEntryType.ESCALATED, "escalated to " + what + by + ": paging " + who,
                        details(policy, step, resolved)));
            }
            Instant delivered = now;
            for (PlannedPage p : pages) {
                delivered = p.deliverAt().isAfter(delivered) ? p.deliverAt() : delivered;
            }
            Instant nextAt = delivered.plus(level.escalateAfter());
            return new Step(state.paged(step, nextAt, level.escalateAfter(), pages.size()), pages, notes);
        }
        return exhausted(cfg, incident, state, policy, now, mode, notes, read);
    }

    /**
     * The rotations and schedules (with those behind each schedule) of the step due: its level's targets, or the
     * fallback's once every step is taken. A level skipped because nobody is on call reads its next one's on its own.
     */
    private static Set<String> sourcesOfNextStep(FirebellConfig cfg, EscalationState state) {
        EscalationPolicy policy = state.policy() == null ? null : cfg.escalationPolicies().get(state.policy());
        if (policy == null) {
            return Set.of();
        }
        int step = state.nextStep();
        List<EscalationTarget> targets = step < policy.totalSteps() ? policy.levelOfStep(step).targets()
                : policy.fallback();
        List<String> sources = new ArrayList<>();
        for (EscalationTarget t : targets) {
            if (t.kind() == EscalationTarget.Kind.ROTATION || t.kind() == EscalationTarget.Kind.SCHEDULE) {
                sources.add(t.name());
            }
        }
        return OnCallService.sourcesBehind(cfg, sources);
    }

    private Step exhausted(FirebellConfig cfg, Incident incident, EscalationState state, EscalationPolicy policy,
                           Instant now, Mode mode, List<PlanNote> notes, OnCallChanges.Changes read) {
        List<Resolved> fallback = resolve(cfg, policy.fallback(), now, notes, read);
        List<PlannedPage> pages = pages(cfg, incident, fallback, now, mode, PageReason.ESCALATION_EXHAUSTED, notes);
        String passes = (policy.repeat() + 1) + " pass" + (policy.repeat() == 0 ? "" : "es");
        notes.add(0, note(TimelineEntryType.ESCALATION_EXHAUSTED, "nobody acknowledged after " + passes + " through"
                + " escalation policy '" + policy.name() + "'; " + (fallback.isEmpty()
                ? (policy.fallback().isEmpty() ? "it has no fallback, so nobody else is told" : "its fallback has nobody on call")
                : "notifying its fallback: " + describe(fallback)), Map.of("policy", policy.name())));
        return new Step(state.exhausted(state.lastStep(), pages.size()), pages, notes);
    }

    /** A target resolved to something SNS can deliver to, and why it was chosen. */
    record Resolved(String target, Person person, String why) {
    }

    private List<Resolved> resolve(FirebellConfig cfg, List<EscalationTarget> targets, Instant now,
                                   List<PlanNote> notes, OnCallChanges.Changes read) {
        List<String> sources = new ArrayList<>();
        for (EscalationTarget t : targets) {
            if (t.kind() == EscalationTarget.Kind.ROTATION || t.kind() == EscalationTarget.Kind.SCHEDULE) {
                sources.add(t.name());
            }
        }
        Roster roster = sources.isEmpty() ? null : onCall.roster(cfg, sources, now, read);
        Map<String, Resolved> out = new LinkedHashMap<>();
        for (EscalationTarget t : targets) {
            switch (t.kind()) {
                case PERSON -> {
                    Person p = cfg.onCall().people().get(t.name());
                    if (p != null) {
                        out.putIfAbsent(p.pageTarget(), new Resolved(p.pageTarget(), p, "named in the policy"));
                    }
                }
                case SNS_TARGET -> out.putIfAbsent(t.name(), new Resolved(t.name(), null, "SNS target"));
                default -> {
                    if (!cfg.onCall().isSource(t.name())) {
                        continue;
                    }
                    String id = roster.onCallAt(t.name(), now);
                    if (id == null) {
                        continue;
                    }
                    Person p = cfg.onCall().people().get(id);
                    if (p == null) {
                        notes.add(note(TimelineEntryType.NOBODY_ON_CALL, id + " is on call for " + t + " by an override,"
                                + " but is no longer a configured person; skipped", Map.of("person", id)));
                        continue;
                    }
                    Shift shift = roster.shiftAt(t.name(), now);
                    ShiftOverride override = roster.overrideAt(t.name(), now);
                    String why = "on call for " + t + (shift.end() == null ? "" : " until " + local(shift.end(), p.timeZone()))
                            + (override != null ? ", covering by override" : "");
                    out.putIfAbsent(p.pageTarget(), new Resolved(p.pageTarget(), p, why));
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    private List<PlannedPage> pages(FirebellConfig cfg, Incident incident, List<Resolved> resolved, Instant now,
                                    Mode mode, PageReason reason, List<PlanNote> notes) {
        List<PlannedPage> pages = new ArrayList<>();
        for (Resolved r : resolved) {
            Instant at = now;
            if (r.person() != null && mode != Mode.MANUAL) {
                at = cfg.quietHours().deliverAt(incident.severity(), r.person(), now);
                if (at.isAfter(now)) {
                    notes.add(note(TimelineEntryType.PAGE_DEFERRED, incident.severity() + " waits for daytime: the page to "
                            + r.person().name() + " is held until " + local(at, r.person().timeZone()) + " (" + at
                            + ") under quiet hours", Map.of("target", r.target(),
                            "deliverAt", at.toString())));
                }
            }
            pages.add(new PlannedPage(r.target(), at, reason));
        }
        return pages;
    }

    private static PlanNote maintenanceNote(MaintenanceWindow.Occurrence m, Incident incident) {
        String reason = m.window().reason() == null ? "" : " (" + m.window().reason() + ")";
        return note(TimelineEntryType.MAINTENANCE, "service " + incident.service() + " is in maintenance '"
                + m.window().name() + "'" + reason + " until " + m.until() + ": nobody paged; if the incident is still"
                + " unacknowledged then, paging starts", Map.of("maintenance", m.window().name(),
                "until", m.until().toString()));
    }

    private static Map<String, String> details(EscalationPolicy policy, int step, List<Resolved> resolved) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("policy", policy.name());
        d.put("level", String.valueOf(step % policy.levels().size() + 1));
        d.put("pass", String.valueOf(step / policy.levels().size() + 1));
        d.put("targets", String.join(",", resolved.stream().map(Resolved::target).toList()));
        return d;
    }

    private static String describe(List<Resolved> resolved) {
        List<String> parts = new ArrayList<>();
        for (Resolved r : resolved) {
            parts.add(r.person() != null ? r.person().name() + " (" + r.why() + ")" : r.target() + " (" + r.why() + ")");
        }
        return String.join(", ", parts);
    }

    private static String describeTargets(List<EscalationTarget> targets) {
        return String.join(", ", targets.stream().map(EscalationTarget::toString).toList());
    }

    private static String local(Instant t, ZoneId zone) {
        return LOCAL.format(t.atZone(zone)) + " " + zone;
    }

    private static PlanNote note(TimelineEntryType type, String summary, Map<String, String> details) {
        return new PlanNote(type, summary, details);
    }
}
