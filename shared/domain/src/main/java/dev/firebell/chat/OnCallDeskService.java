package dev.firebell.chat;

import dev.firebell.config.ConfigSource;
import dev.firebell.config.FirebellConfig;
import dev.firebell.escalation.EscalationEngine;
import dev.firebell.incident.Actor;
import dev.firebell.maintenance.AdHocMaintenance;
import dev.firebell.maintenance.MaintenanceCalendar;
import dev.firebell.oncall.OnCallConfig;
import dev.firebell.oncall.OnCallService;
import dev.firebell.oncall.Roster;
import dev.firebell.person.Team;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link OnCallDesk} on the on-call feature: {@link OnCallService} for who is on call and overrides,
 * {@link MaintenanceCalendar} for maintenance windows started from chat (one-off, one service, beside the configured
 * ones), {@link EscalationEngine} for "escalate now".
 */
public final class OnCallDeskService implements OnCallDesk {

    /** How windows started here are named: {@code chat-<service>-<start>}. */
    static final String ORIGIN = "chat";

    private final ConfigSource config;
    private final OnCallService onCall;
    private final MaintenanceCalendar maintenance;
    private final EscalationEngine escalation;

    public OnCallDeskService(ConfigSource config, OnCallService onCall, MaintenanceCalendar maintenance,
                             EscalationEngine escalation) {
        this.config = config;
        this.onCall = onCall;
        this.maintenance = maintenance;
        this.escalation = escalation;
    }

    /**
     * A rotation, schedule or service (as {@link OnCallService#whoIsOnCall}); a team, as the rotations and
     * schedules staffed only by its members; nothing, as every rotation and schedule.
     */
    @Override
    public List<OnCall> whoIsOnCall(String teamOrService, Instant now) {
        FirebellConfig current = config.current();
        OnCallConfig oc = current.onCall();
        List<String> sources;
        if (teamOrService == null) {
            sources = new ArrayList<>(new TreeSet<>(oc.rotations().keySet()));
            sources.addAll(new TreeSet<>(oc.schedules().keySet()));
        } else if (!oc.isSource(teamOrService) && !current.services().containsKey(teamOrService)
                && oc.teams().containsKey(teamOrService)) {
            sources = teamSources(oc, oc.teams().get(teamOrService));
        } else {
            List<OnCall> answers = new ArrayList<>();
            for (OnCallService.Answer a : onCall.whoIsOnCall(teamOrService, now)) {
                answers.add(new OnCall(a.source(), teamOrService, shift(a.now()), shift(a.next())));
            }
            return answers;
        }
        Roster roster = onCall.roster(current, sources, now);
        List<OnCall> answers = new ArrayList<>();
        for (String source : sources) {
            answers.add(new OnCall(source, source, shift(roster.shiftAt(source, now)), shift(roster.nextShift(source, now))));
        }
        return answers;
    }

    @Override
    public ShiftTaken takeShift(String rotation, String personId, Duration duration, Actor actor) {
        OnCallService.OverrideOutcome done = onCall.override(rotation, personId, null, duration, actor.id(),
                "taken in chat by " + actor.id());
        return new ShiftTaken(rotation, personId, done.override().start(), done.override().end(),
                personId.equals(done.replaced()) ? null : done.replaced());
    }

    /**
     * A one-off window for the service from now, stored beside the configured ones; the alarm and escalation functions
     * hold its pages from their next decision on.
     *
     * @throws IllegalArgumentException an unknown service (with the closest name and the known ones), a duration that
     *                                  is not positive or longer than 7 days; nothing stored
     */
    @Override
    public MaintenanceWindow startMaintenance(String service, Duration duration, String reason, Actor actor) {
        Set<String> known = MaintenanceCalendar.knownServices(config.current());
        if (!known.contains(service)) {
            String hint = Suggestions.closest(service, known).map(s -> " Did you mean " + s + "?").orElse("");
            throw new IllegalArgumentException("'" + service + "' is not a configured service, so it cannot be put in"
                    + " maintenance." + hint + " Services: " + String.join(", ", known));
        }
        AdHocMaintenance w = maintenance.start(ORIGIN, service, duration, reason, actor.id()).window();
        return new MaintenanceWindow(w.name(), w.service(), w.start(), w.end(), w.reason(), w.startedBy());
    }

    @Override
    public Escalation escalateNow(String incidentId, Actor actor) {
        EscalationEngine.Outcome done = escalation.escalateNow(incidentId, actor);
        String prefix = "#" + incidentId + ": ";
        String summary = done.message().startsWith(prefix) ? done.message().substring(prefix.length()) : done.message();
        return new Escalation(incidentId, summary, done.pages().sent());
    }

    private static List<String> teamSources(OnCallConfig oc, Team team) {
        List<String> sources = new ArrayList<>();
        oc.rotations().values().stream()
                .filter(r -> !r.participants().isEmpty() && team.members().containsAll(r.participants()))
                .map(r -> r.name()).sorted().forEach(sources::add);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no rotation is staffed by team " + team.id() + "; ask for a rotation or"
                    + " service instead: rotations " + String.join(", ", new TreeSet<>(oc.rotations().keySet())));
        }
        return sources;
    }

    private static Shift shift(dev.firebell.schedule.Shift s) {
        return s == null || s.isGap() ? null : new Shift(s.person(), s.start(), s.end());
    }
}
