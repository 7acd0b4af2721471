package dev.firebell.chat;

import dev.firebell.account.Origin;
import dev.firebell.account.Origins;
import dev.firebell.chat.ChatResult.Reason;
import dev.firebell.config.ConfigSource;
import dev.firebell.config.FirebellConfig;
import dev.firebell.incident.Actor;
import dev.firebell.incident.ConcurrentChangeException;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentCommands;
import dev.firebell.incident.IncidentCommands.Outcome;
import dev.firebell.incident.IncidentStateException;
import dev.firebell.incident.IncidentStore;
import dev.firebell.incident.NoSuchIncidentException;
import dev.firebell.link.SignInLinks;
import dev.firebell.person.Person;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Runs chat commands: parse, check who may, do it through {@link IncidentCommands} or the on-call ports, and say what
 * happened as a {@link ChatResult}. How that reads (Slack mrkdwn, emoji) is the transport's renderer's business.
 *
 * <p>Rules every command follows: anyone in the workspace may read ({@code status}, {@code list}, {@code oncall},
 * {@code help}); only people the {@link PeopleDirectory} knows may change anything, and the timeline records them
 * (their person id as actor, their chat user id in the details). Every problem (unknown command, bad id, wrong
 * severity, missing argument, not allowed, no such incident, a state that does not allow it) is a
 * {@link ChatResult.Refused} saying what was wrong, and nothing is changed. A change that would do nothing is a
 * {@link ChatResult.Unchanged}.
 */
public final class ChatService {

    private static final ZoneId UTC = ZoneId.of("UTC");

    private final CommandParser parser = new CommandParser();
    private final IncidentCommands commands;
    private final IncidentStore store;
    private final ConfigSource config;
    private final PeopleDirectory people;
    private final OnCallDesk onCall;
    private final Postmortems postmortems;
    private final InstantSource clock;
    private final Origins origins;
    private final SignInLinks consoleLinks;

    public ChatService(IncidentCommands commands, IncidentStore store, ConfigSource config, PeopleDirectory people,
                       OnCallDesk onCall, Postmortems postmortems, InstantSource clock) {
        this(commands, store, config, people, onCall, postmortems, clock, Origins.NONE);
    }

    /** @param origins which account and region an incident's alarm comes from, when not Firebell's own */
    public ChatService(IncidentCommands commands, IncidentStore store, ConfigSource config, PeopleDirectory people,
                       OnCallDesk onCall, Postmortems postmortems, InstantSource clock, Origins origins) {
        this(commands, store, config, people, onCall, postmortems, clock, origins, null);
    }

    /** @param consoleLinks makes {@code console}'s sign-in links; null where there is no console (it says so) */
    public ChatService(IncidentCommands commands, IncidentStore store, ConfigSource config, PeopleDirectory people,
                       OnCallDesk onCall, Postmortems postmortems, InstantSource clock, Origins origins,
                       SignInLinks consoleLinks) {
        this.consoleLinks = consoleLinks;
        this.origins = origins;
        this.commands = commands;
        this.store = store;
        this.config = config;
        this.people = people;
        this.onCall = onCall;
        this.postmortems = postmortems;
        this.clock = clock;
    }

    /**
     * The answer to give within Slack's 3 seconds. For a {@linkplain Subcommand#deferred() deferred} command that
     * passed every check, a {@link ChatAnswer.Later}: run {@link #complete} with the same request afterwards.
     *
     * @throws RuntimeException only what no person can fix (a store that cannot be reached, a bug)
     */
    public ChatAnswer answer(ChatRequest request) {
        try {
            Call call = prepare(request);
            if (call.command().subcommand().deferred()) {
                return new ChatAnswer.Later(accepted(call));
            }
            return new ChatAnswer.Now(run(call));
        } catch (RuntimeException e) {
            return new ChatAnswer.Now(refusal(e));
        }
    }

    /** Finishes a deferred command: checks it again (the directory or configuration may have changed) and runs it. */
    public ChatResult complete(ChatRequest request) {
        try {
            return run(prepare(request));
        } catch (RuntimeException e) {
            return refusal(e);
        }
    }

    // ------------------------------------------------------------------ checks

    /** A parsed command with who asked and, for declare, the title and service. */
    private record Call(ChatRequest request, ChatCommand command, Optional<Responder> caller, DeclareText declared) {

        /** Who changes something: known, or {@link #prepare} would have refused. */
        Responder by() {
            return caller.orElseThrow();
        }

        /** The timeline's actor: the person's id, with how they did it in the details. */
        Actor actor() {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("via", request.via());
            details.put("slackUserId", request.userId());
            if (!request.teamId().isEmpty()) {
                details.put("slackTeamId", request.teamId());
            }
            return new Actor(by().personId(), details);
        }

        ZoneId zone() {
            return caller.map(Responder::timeZone).orElse(UTC);
        }
    }

    private Call prepare(ChatRequest request) {
        ChatCommand command = parser.parse(request.text());
        Optional<Responder> caller = people.byChatUserId(request.userId());
        if (command.subcommand().changes() && caller.isEmpty()) {
            throw new NotAllowed(request.userId());
        }
        DeclareText declared = null;
        if (command instanceof ChatCommand.Declare d) {
            declared = DeclareText.split(d.text(), config.current().serviceNames());
        }
        return new Call(request, command, caller, declared);
    }

    /** The caller is not in the on-call configuration. */
    private static final class NotAllowed extends RuntimeException {
        NotAllowed(String userId) {
            super("you are not in Firebell's on-call configuration, so you cannot change incidents (anyone can use"
                    + " status, list, oncall and help). Ask your platform team to add your Slack user id " + userId
                    + " to it.");
        }
    }

    /** A deferred command that passed every check that can be made now. */
    private ChatResult.Accepted accepted(Call call) {
        if (call.command() instanceof ChatCommand.Escalate e) {
            return new ChatResult.Escalating(openIncident(e.incidentId(), "escalate"));
        }
        ChatCommand.Declare d = (ChatCommand.Declare) call.command();
        return new ChatResult.Declaring(d.severity(), call.declared().title(), call.declared().service());
    }

    private Incident openIncident(String id, String verb) {
        Incident incident = incident(id);
        if (!incident.isOpen()) {
            throw new IncidentStateException("#" + incident.id() + " is resolved; reopen it before you " + verb + " it");
        }
        return incident;
    }

    private Incident incident(String id) {
        return store.incident(id).orElseThrow(() -> new NoSuchIncidentException(id));
    }

    // ------------------------------------------------------------------ commands

    private ChatResult run(Call call) {
        ChatCommand command = call.command();
        Responder by = call.caller().orElse(null); // who made a change; reads, open to anyone, do not name it
        // Java 17: an instanceof chain over the sealed commands (pattern switch arrived in 21).
        if (command instanceof ChatCommand.Declare d) {
            Outcome o = commands.declare(call.declared().title(), d.severity(), call.declared().service(), call.actor());
            return new ChatResult.Declared(by, o.incident());
        }
        if (command instanceof ChatCommand.Ack a) {
            Target t = target(a.incidentId(), call, Subcommand.ACK);
            return changed(t, commands.acknowledge(t.id(), call.actor()),
                    o -> new ChatResult.Acknowledged(by, o.incident(), t.lastPaged()));
        }
        if (command instanceof ChatCommand.Unack u) {
            Target t = target(u.incidentId(), call, Subcommand.UNACK);
            return changed(t, commands.unacknowledge(t.id(), call.actor()),
                    o -> new ChatResult.Unacknowledged(by, o.incident(), t.lastPaged()));
        }
        if (command instanceof ChatCommand.Resolve r) {
            Target t = target(r.incidentId(), call, Subcommand.RESOLVE);
            return changed(t, commands.resolve(t.id(), call.actor(), r.resolution()),
                    o -> new ChatResult.Resolved(by, o.incident(), o.incident().duration(clock.instant()),
                            r.resolution(), t.lastPaged()));
        }
        if (command instanceof ChatCommand.Reopen r) {
            return changed(Target.given(r.incidentId()), commands.reopen(r.incidentId(), call.actor()),
                    o -> new ChatResult.Reopened(by, o.incident()));
        }
        if (command instanceof ChatCommand.Status s) {
            return details(call, target(s.incidentId(), call, Subcommand.STATUS));
        }
        if (command instanceof ChatCommand.ListIncidents l) {
            return list(call, l);
        }
        if (command instanceof ChatCommand.ChangeSeverity s) {
            return changed(Target.given(s.incidentId()), commands.changeSeverity(s.incidentId(), s.severity(),
                    call.actor()), o -> new ChatResult.SeverityChanged(by, o.incident(), s.severity()));
        }
        if (command instanceof ChatCommand.AssignRole r) {
            Responder holder = person(r.chatUserId(), "hold a role", r.subcommand());
            return changed(Target.given(r.incidentId()),
                    commands.assignRole(r.incidentId(), r.role(), holder.personId(), call.actor()),
                    o -> new ChatResult.RoleAssigned(by, o.incident(), r.role(), holder));
        }
        if (command instanceof ChatCommand.Note n) {
            return changed(Target.given(n.incidentId()), commands.addNote(n.incidentId(), n.text(), call.actor()),
                    o -> new ChatResult.Noted(by, o.incident(), n.text()));
        }
        if (command instanceof ChatCommand.Escalate e) {
            Incident incident = openIncident(e.incidentId(), "escalate");
            OnCallDesk.Escalation done = onCall.escalateNow(incident.id(), call.actor());
            return new ChatResult.Escalated(by, incident, done.summary(), done.pagesSent());
        }
        if (command instanceof ChatCommand.OnCall o) {
            return onCall(call, o);
        }
        if (command instanceof ChatCommand.Override o) {
            Responder taker = person(o.chatUserId(), "take shifts", Subcommand.OVERRIDE);
            OnCallDesk.ShiftTaken taken = onCall.takeShift(o.rotation(), taker.personId(), o.duration(), call.actor());
            return new ChatResult.OverrideSet(by, taker, taken.rotation(), taken.start(), taken.end(),
                    named(taken.replaced()));
        }
        if (command instanceof ChatCommand.Maintenance m) {
            return new ChatResult.MaintenanceStarted(by,
                    onCall.startMaintenance(m.service(), m.duration(), m.reason(), call.actor()));
        }
        if (command instanceof ChatCommand.Postmortem p) {
            Incident incident = incident(p.incidentId());
            return new ChatResult.PostmortemStarted(by, incident, postmortems.start(incident.id(), call.actor()));
        }
        if (command instanceof ChatCommand.Console) {
            return consoleLink(call);
        }
        return new ChatResult.Help(Arrays.asList(Subcommand.values()));
    }

    /**
     * A sign-in link for the caller: as their person of the configuration (who may act), or as their chat user id,
     * read-only, when the configuration does not know them.
     */
    private ChatResult consoleLink(Call call) {
        if (consoleLinks == null) {
            throw new UsageException("the web console is not set up for this chat", Subcommand.CONSOLE);
        }
        boolean reader = call.caller().isEmpty();
        String who = call.caller().map(Responder::personId).orElse(call.request().userId());
        SignInLinks.Issued issued;
        try {
            issued = consoleLinks.issue(who, reader);
        } catch (IllegalStateException notYet) {
            throw new UsageException(notYet.getMessage() + "; try again in a minute", Subcommand.CONSOLE);
        }
        return new ChatResult.ConsoleLink(issued.url(), who, reader, issued.claim().expiresAt());
    }

    // ------------------------------------------------------------------ reads

    private ChatResult details(Call call, Target target) {
        Incident i = incident(target.id());
        Map<String, PersonOrTarget> roles = new LinkedHashMap<>();
        i.roles().forEach((role, holder) -> roles.put(role, named(holder)));
        return new ChatResult.IncidentDetails(i, named(i.acknowledgedBy()), named(i.resolvedBy()), roles,
                store.timeline(i.id()), clock.instant(), call.zone(), target.lastPaged(), origin(i));
    }

    private ChatResult list(Call call, ChatCommand.ListIncidents l) {
        List<Incident> open = store.openIncidents();
        List<Incident> shown;
        switch (l.scope()) {
            case MINE -> {
                if (call.caller().isEmpty()) {
                    return new ChatResult.NothingIsYours();
                }
                String me = call.caller().get().personId();
                shown = open.stream().filter(i -> me.equals(i.acknowledgedBy()) || i.roles().containsValue(me)).toList();
            }
            case SERVICE -> {
                FirebellConfig current = config.current();
                if (!current.serviceNames().isEmpty() && !current.serviceNames().contains(l.service())) {
                    String known = String.join(", ", new TreeSet<>(current.serviceNames()));
                    String hint = Suggestions.closest(l.service(), current.serviceNames())
                            .map(s -> " Did you mean " + s + "?").orElse("");
                    throw new UsageException("'" + l.service() + "' is not a configured service." + hint
                            + " Services: " + known, Subcommand.LIST);
                }
                shown = open.stream().filter(i -> i.service().equals(l.service())).toList();
            }
            default -> shown = open;
        }
        List<ChatResult.Listed> listed = new ArrayList<>();
        for (Incident i : shown) {
            listed.add(new ChatResult.Listed(i, named(i.acknowledgedBy()), origin(i)));
        }
        return new ChatResult.IncidentList(l.scope(), l.service(), listed, clock.instant());
    }

    private Origin origin(Incident i) {
        return origins.of(i.accountId(), i.region()).orElse(null);
    }

    private ChatResult onCall(Call call, ChatCommand.OnCall o) {
        List<ChatResult.OnCallRow> rows = new ArrayList<>();
        for (OnCallDesk.OnCall answer : onCall.whoIsOnCall(o.scope(), clock.instant())) {
            rows.add(new ChatResult.OnCallRow(answer.rotation(), answer.covers(), onDuty(answer.current()),
                    onDuty(answer.next())));
        }
        return new ChatResult.OnCallList(o.scope(), rows, call.zone());
    }

    private ChatResult.OnDuty onDuty(OnCallDesk.Shift shift) {
        return shift == null ? null : new ChatResult.OnDuty(named(shift.personId()), shift.start(), shift.end());
    }

    // ------------------------------------------------------------------ pieces

    /** An incident id given, or found as the caller's last-paged incident ({@code lastPaged}). */
    private record Target(String id, boolean lastPaged) {
        static Target given(String id) {
            return new Target(id, false);
        }
    }

    /** The id typed, or the incident the caller was most recently paged for. */
    private Target target(String typed, Call call, Subcommand sub) {
        if (typed != null) {
            return Target.given(typed);
        }
        if (call.caller().isEmpty()) {
            throw new UsageException("say which incident (only people in the on-call configuration have a last-paged"
                    + " incident to default to)", sub);
        }
        String id = store.lastPagedIncident(Person.pageTarget(call.caller().get().personId())).orElseThrow(() ->
                new UsageException("you have not been paged for any incident, so say which one", sub));
        return new Target(id, true);
    }

    /** What a change did, or that it would have done nothing. */
    private static ChatResult changed(Target target, Outcome outcome, Function<Outcome, ChatResult> done) {
        return outcome.changed() ? done.apply(outcome)
                : new ChatResult.Unchanged(target.id(), outcome.message(), target.lastPaged());
    }

    /** A person mentioned in a command, who must be in the on-call configuration. */
    private Responder person(String chatUserId, String toDo, Subcommand sub) {
        return people.byChatUserId(chatUserId).orElseThrow(() -> new UsageException("the person you mentioned (Slack"
                + " user id " + chatUserId + ") is not in Firebell's on-call configuration, so they cannot " + toDo
                + " yet; ask your platform team to add them", sub));
    }

    private PersonOrTarget named(String id) {
        return people.named(id);
    }

    /** Every problem a person can fix or retry, as a refusal; anything else propagates. */
    private static ChatResult.Refused refusal(RuntimeException e) {
        if (e instanceof UsageException u) {
            return new ChatResult.Refused(Reason.USAGE, u.getMessage(), u.subcommand());
        }
        if (e instanceof NotAllowed) {
            return new ChatResult.Refused(Reason.NOT_ALLOWED, e.getMessage(), null);
        }
        if (e instanceof NoSuchIncidentException) {
            return new ChatResult.Refused(Reason.NO_SUCH_INCIDENT, e.getMessage(), null);
        }
        if (e instanceof IncidentStateException) {
            return new ChatResult.Refused(Reason.WRONG_STATE, e.getMessage(), null);
        }
        if (e instanceof IllegalArgumentException) {
            return new ChatResult.Refused(Reason.INVALID, e.getMessage(), null);
        }
        if (e instanceof ConcurrentChangeException) {
            return new ChatResult.Refused(Reason.CONCURRENT_CHANGE, "the incident kept changing while Firebell tried"
                    + " (alarms are arriving for it); nothing was changed, try again", null);
        }
        throw e;
    }
}
