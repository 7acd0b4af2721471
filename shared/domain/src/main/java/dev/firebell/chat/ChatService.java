package dev.firebell.chat;

import static dev.firebell.chat.Mrkdwn.escape;
import static dev.firebell.chat.Mrkdwn.text;

import dev.firebell.chat.ChatReply.Block;
import dev.firebell.chat.ChatReply.Context;
import dev.firebell.chat.ChatReply.Fields;
import dev.firebell.chat.ChatReply.Section;
import dev.firebell.config.ConfigSource;
import dev.firebell.config.FirebellConfig;
import dev.firebell.incident.Actor;
import dev.firebell.incident.ConcurrentChangeException;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentCommands;
import dev.firebell.incident.IncidentCommands.Outcome;
import dev.firebell.incident.IncidentStateException;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.IncidentStore;
import dev.firebell.incident.NoSuchIncidentException;
import dev.firebell.person.Person;
import dev.firebell.timeline.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Runs chat commands: parse, check who may, do it through {@link IncidentCommands} or the on-call ports, answer.
 *
 * <p>Rules every command follows: anyone in the workspace may read ({@code status}, {@code list}, {@code oncall},
 * {@code help}); only people the {@link PeopleDirectory} knows may change anything, and the timeline records them
 * (their person id as actor, their chat user id in the details). Every problem (unknown command, bad id, wrong
 * severity, missing argument, not allowed, no such incident, a state that does not allow it) is an ephemeral
 * answer saying what was wrong and how to write it, and nothing is changed. Changes are announced in the channel;
 * a change that would do nothing says so to the caller only.
 */
public final class ChatService {

    static final int LIST_LIMIT = 20;
    static final int TIMELINE_SHOWN = 6;
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private final CommandParser parser = new CommandParser();
    private final IncidentCommands commands;
    private final IncidentStore store;
    private final ConfigSource config;
    private final PeopleDirectory people;
    private final OnCallDesk onCall;
    private final Postmortems postmortems;
    private final InstantSource clock;

    public ChatService(IncidentCommands commands, IncidentStore store, ConfigSource config, PeopleDirectory people,
                       OnCallDesk onCall, Postmortems postmortems, InstantSource clock) {
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
     */
    public ChatAnswer answer(ChatRequest request) {
        try {
            Call call = prepare(request);
            if (call.command().subcommand().deferred()) {
                return new ChatAnswer.Later(accepted(call));
            }
            return new ChatAnswer.Now(run(call));
        } catch (RuntimeException e) {
            return new ChatAnswer.Now(problem(e, request));
        }
    }

    /** Finishes a deferred command: checks it again (the directory or configuration may have changed) and runs it. */
    public ChatReply complete(ChatRequest request) {
        try {
            return run(prepare(request));
        } catch (RuntimeException e) {
            return problem(e, request);
        }
    }

    // ------------------------------------------------------------------ checks

    /** A parsed command with who asked and, for declare, the title and service. */
    private record Call(ChatRequest request, ChatCommand command, Optional<Responder> caller, DeclareText declared) {

        Responder changer() {
            return caller.orElseThrow();
        }

        /** The timeline's actor: the person's id, with how they did it in the details. */
        Actor actor() {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("via", "slack");
            details.put("slackUserId", request.userId());
            if (!request.teamId().isEmpty()) {
                details.put("slackTeamId", request.teamId());
            }
            return new Actor(changer().personId(), details);
        }

        String who() {
            return Mrkdwn.mention(request.userId(), caller.map(Responder::displayName).orElse(request.userName()));
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

    /** The answer to a deferred command that passed every check that can be made now. */
    private ChatReply accepted(Call call) {
        String text;
        if (call.command() instanceof ChatCommand.Escalate e) {
            Incident incident = openIncident(e.incidentId(), "escalate");
            text = ":hourglass_flowing_sand: Escalating " + ref(incident) + ": the next level is being paged; the"
                    + " result follows in this channel in a moment.";
        } else {
            ChatCommand.Declare d = (ChatCommand.Declare) call.command();
            String service = call.declared().service() != null ? " for " + escape(call.declared().service()) : "";
            text = ":hourglass_flowing_sand: Declaring a " + d.severity() + " incident" + service + ": *"
                    + text(call.declared().title(), CommandParser.MAX_TITLE) + "*. The announcement follows in this"
                    + " channel in a moment.";
        }
        return ChatReply.ephemeral(text, new Section(text));
    }

    private Incident openIncident(String id, String verb) {
        Incident incident = store.incident(id).orElseThrow(() -> new NoSuchIncidentException(id));
        if (!incident.isOpen()) {
            throw new IncidentStateException("#" + incident.id() + " is resolved; reopen it before you " + verb + " it");
        }
        return incident;
    }

    // ------------------------------------------------------------------ commands

    private ChatReply run(Call call) {
        ChatCommand command = call.command();
        // Java 17: an instanceof chain over the sealed commands (pattern switch arrived in 21).
        if (command instanceof ChatCommand.Declare d) {
            return declare(call, d);
        }
        if (command instanceof ChatCommand.Ack a) {
            Target t = target(a.incidentId(), call, Subcommand.ACK);
            return changed(t, commands.acknowledge(t.id(), call.actor()),
                    o -> ":eyes: " + call.who() + " acknowledged " + ref(o.incident()));
        }
        if (command instanceof ChatCommand.Unack u) {
            Target t = target(u.incidentId(), call, Subcommand.UNACK);
            return changed(t, commands.unacknowledge(t.id(), call.actor()),
                    o -> ":leftwards_arrow_with_hook: " + call.who() + " withdrew the acknowledgement of "
                            + ref(o.incident()) + ": it is triggered again");
        }
        if (command instanceof ChatCommand.Resolve r) {
            Target t = target(r.incidentId(), call, Subcommand.RESOLVE);
            return changed(t, commands.resolve(t.id(), call.actor(), r.resolution()),
                    o -> ":white_check_mark: " + call.who() + " resolved " + ref(o.incident()) + " after "
                            + Mrkdwn.duration(o.incident().duration(clock.instant()))
                            + (r.resolution() == null ? "" : "\n>" + text(r.resolution(), CommandParser.MAX_RESOLUTION)));
        }
        if (command instanceof ChatCommand.Reopen r) {
            return changed(Target.given(r.incidentId()), commands.reopen(r.incidentId(), call.actor()),
                    o -> ":repeat: " + call.who() + " reopened " + ref(o.incident()) + " and has it");
        }
        if (command instanceof ChatCommand.Status s) {
            return status(call, target(s.incidentId(), call, Subcommand.STATUS));
        }
        if (command instanceof ChatCommand.ListIncidents l) {
            return list(call, l);
        }
        if (command instanceof ChatCommand.ChangeSeverity s) {
            return changed(Target.given(s.incidentId()), commands.changeSeverity(s.incidentId(), s.severity(),
                    call.actor()), o -> ":rotating_light: " + ref(o.incident()) + " is now *" + s.severity()
                    + "*, set by " + call.who());
        }
        if (command instanceof ChatCommand.AssignRole r) {
            Responder holder = person(r.chatUserId(), "hold a role", r.subcommand());
            return changed(Target.given(r.incidentId()),
                    commands.assignRole(r.incidentId(), r.role(), holder.personId(), call.actor()),
                    o -> ":bust_in_silhouette: " + Mrkdwn.mention(r.chatUserId(), holder.displayName()) + " is "
                            + escape(r.role()) + " of " + ref(o.incident()) + ", assigned by " + call.who());
        }
        if (command instanceof ChatCommand.Note n) {
            return changed(Target.given(n.incidentId()), commands.addNote(n.incidentId(), n.text(), call.actor()),
                    o -> ":memo: " + call.who() + " noted on " + ref(o.incident()) + ":\n>"
                            + text(n.text(), CommandParser.MAX_NOTE).replace("\n", "\n>"));
        }
        if (command instanceof ChatCommand.Escalate e) {
            return escalate(call, e);
        }
        if (command instanceof ChatCommand.OnCall o) {
            return oncall(call, o);
        }
        if (command instanceof ChatCommand.Override o) {
            return override(call, o);
        }
        if (command instanceof ChatCommand.Maintenance m) {
            return maintenance(call, m);
        }
        if (command instanceof ChatCommand.Postmortem p) {
            return postmortem(call, p);
        }
        return help(call.request().command());
    }

    private ChatReply declare(Call call, ChatCommand.Declare d) {
        DeclareText parts = call.declared();
        Outcome o = commands.declare(parts.title(), d.severity(), parts.service(), call.actor());
        Incident i = o.incident();
        String text = ":rotating_light: " + call.who() + " declared " + ref(i) + ". " + call.who()
                + " is incident commander; " + text(i.service(), 64) + "'s on-call is being paged.";
        return ChatReply.inChannel(text, new Section(text), new Context("Acknowledge with `"
                + escape(call.request().command()) + " ack " + i.id() + "`; add notes with `"
                + escape(call.request().command()) + " note " + i.id() + " ...`"));
    }

    private ChatReply escalate(Call call, ChatCommand.Escalate e) {
        Incident incident = openIncident(e.incidentId(), "escalate");
        OnCallDesk.Escalation done = onCall.escalateNow(incident.id(), call.actor());
        String text = ":mega: " + call.who() + " escalated " + ref(incident) + ": " + text(done.summary(), 300)
                + (done.pagesSent() == 1 ? " (1 page sent)" : " (" + done.pagesSent() + " pages sent)");
        return ChatReply.inChannel(text, new Section(text));
    }

    private ChatReply oncall(Call call, ChatCommand.OnCall o) {
        Instant now = clock.instant();
        List<OnCallDesk.OnCall> answers = onCall.whoIsOnCall(o.scope(), now);
        ZoneId zone = call.zone();
        String heading = "*On call" + (o.scope() == null ? "" : " for " + escape(o.scope())) + "*";
        if (answers.isEmpty()) {
            String text = heading + ": no rotation covers it.";
            return ChatReply.ephemeral(text, new Section(text));
        }
        StringBuilder lines = new StringBuilder(heading);
        for (OnCallDesk.OnCall answer : answers.stream().limit(LIST_LIMIT).toList()) {
            lines.append("\n• *").append(text(answer.rotation(), 64)).append('*');
            if (answer.covers() != null && !answer.covers().equals(answer.rotation())) {
                lines.append(" (").append(text(answer.covers(), 64)).append(')');
            }
            lines.append(": ");
            OnCallDesk.Shift now1 = answer.current();
            lines.append(now1 == null ? "nobody now" : "now " + personOrTarget(now1.personId())
                    + (now1.end() == null ? "" : " until " + Mrkdwn.time(now1.end(), zone)));
            OnCallDesk.Shift next = answer.next();
            if (next != null && next.start() != null) {
                lines.append(", then ").append(personOrTarget(next.personId())).append(" from ")
                        .append(Mrkdwn.time(next.start(), zone));
            }
        }
        String text = Mrkdwn.cap(lines.toString(), 2900);
        return ChatReply.ephemeral(text, new Section(text), new Context("Times in " + escape(zone.getId())
                + " where Slack cannot show your own time zone."));
    }

    private ChatReply override(Call call, ChatCommand.Override o) {
        Responder taker = person(o.chatUserId(), "take shifts", Subcommand.OVERRIDE);
        OnCallDesk.ShiftTaken taken = onCall.takeShift(o.rotation(), taker.personId(), o.duration(), call.actor());
        String text = ":arrows_counterclockwise: " + Mrkdwn.mention(o.chatUserId(), taker.displayName()) + " is on call"
                + " for *" + text(taken.rotation(), 64) + "* from " + Mrkdwn.time(taken.start(), call.zone())
                + " until " + Mrkdwn.time(taken.end(), call.zone())
                + (taken.replaced() == null ? "" : " instead of " + personOrTarget(taken.replaced()))
                + ", set by " + call.who();
        return ChatReply.inChannel(text, new Section(text));
    }

    private ChatReply maintenance(Call call, ChatCommand.Maintenance m) {
        OnCallDesk.MaintenanceWindow w = onCall.startMaintenance(m.service(), m.duration(), m.reason(), call.actor());
        ZoneId zone = call.zone();
        String utc = zone.normalized().equals(UTC.normalized()) ? "" : " (" + Mrkdwn.plainTime(w.end(), UTC) + ")";
        String text = ":construction: " + call.who() + " put *" + text(w.service(), 64) + "* in maintenance until "
                + Mrkdwn.time(w.end(), zone) + utc + ", for " + Mrkdwn.duration(Duration.between(w.start(), w.end()))
                + ": its alarms still open incidents, but nobody is paged, and escalations already running wait until"
                + " it ends." + (w.reason() == null ? "" : "\n>" + text(w.reason(), CommandParser.MAX_REASON));
        return ChatReply.inChannel(text, new Section(text), new Context("Window " + text(w.name(), 100)
                + ", as incident timelines name it. Pages it holds go out when it ends, if the incident is still"
                + " unacknowledged."));
    }

    private ChatReply postmortem(Call call, ChatCommand.Postmortem p) {
        Incident incident = store.incident(p.incidentId()).orElseThrow(() -> new NoSuchIncidentException(p.incidentId()));
        Postmortems.Draft draft = postmortems.start(incident.id(), call.actor());
        String where = draft.link() == null ? "" : ": " + escape(draft.link());
        String text = ":notebook: " + (draft.created() ? call.who() + " started the postmortem of "
                : "The postmortem draft of ") + ref(incident) + where;
        return ChatReply.inChannel(text, new Section(text));
    }

    // ------------------------------------------------------------------ reads

    private ChatReply status(Call call, Target target) {
        Incident i = store.incident(target.id()).orElseThrow(() -> new NoSuchIncidentException(target.id()));
        ZoneId zone = call.zone();
        Instant now = clock.instant();
        List<String> fields = new ArrayList<>();
        fields.add("*Status*\n" + statusWords(i));
        fields.add("*Severity*\n" + i.severity());
        fields.add("*Service*\n" + text(i.service(), 64));
        fields.add("*" + (i.isOpen() ? "Open for" : "Lasted") + "*\n" + Mrkdwn.duration(i.duration(now)));
        i.roles().forEach((role, person) -> {
            if (fields.size() < 10) {
                fields.add("*" + capitalized(text(role, 32)) + "*\n" + personOrTarget(person));
            }
        });
        List<TimelineEntry> timeline = store.timeline(i.id());
        StringBuilder latest = new StringBuilder("*Latest* (" + escape(zone.getId()) + ")");
        timeline.subList(Math.max(0, timeline.size() - TIMELINE_SHOWN), timeline.size()).forEach(e -> latest
                .append("\n`").append(CLOCK.format(e.at().atZone(zone))).append("` ").append(text(e.summary(), 200)));
        String header = "*#" + i.id() + " " + text(i.title(), CommandParser.MAX_TITLE) + "*";
        List<Block> blocks = new ArrayList<>(List.of(new Section(header), new Fields(fields),
                new Section(Mrkdwn.cap(latest.toString(), 2900))));
        if (i.resolution() != null) {
            blocks.add(2, new Section("*Resolution*\n" + text(i.resolution(), CommandParser.MAX_RESOLUTION)));
        }
        target.note().ifPresent(note -> blocks.add(new Context(note)));
        String text = header + " · " + statusWords(i) + " · " + i.severity() + " · " + text(i.service(), 64);
        return new ChatReply(ChatReply.Visibility.EPHEMERAL, text, blocks);
    }

    private ChatReply list(Call call, ChatCommand.ListIncidents l) {
        List<Incident> open = store.openIncidents();
        String heading;
        List<Incident> shown;
        switch (l.scope()) {
            case MINE -> {
                if (call.caller().isEmpty()) {
                    String text = "No incidents are yours: you are not in Firebell's on-call configuration. `"
                            + escape(call.request().command()) + " list` shows every open incident.";
                    return ChatReply.ephemeral(text, new Section(text));
                }
                String me = call.caller().get().personId();
                shown = open.stream().filter(i -> me.equals(i.acknowledgedBy()) || i.roles().containsValue(me)).toList();
                heading = "Open incidents you have or hold a role in";
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
                heading = "Open incidents of " + escape(l.service());
            }
            default -> {
                shown = open;
                heading = "Open incidents";
            }
        }
        if (shown.isEmpty()) {
            String text = ":large_green_circle: " + heading + ": none.";
            return ChatReply.ephemeral(text, new Section(text));
        }
        Instant now = clock.instant();
        StringBuilder lines = new StringBuilder("*" + heading + "* (" + shown.size() + ")");
        for (Incident i : shown.stream().limit(LIST_LIMIT).toList()) {
            lines.append("\n• *#").append(i.id()).append("* ").append(i.severity()).append(' ')
                    .append(text(i.service(), 32)).append(" · ").append(text(i.title(), 80)).append(" · ")
                    .append(i.status() == IncidentStatus.ACKNOWLEDGED ? "acknowledged by "
                            + personOrTarget(i.acknowledgedBy()) : "triggered")
                    .append(", ").append(Mrkdwn.duration(i.duration(now)));
        }
        List<Block> blocks = new ArrayList<>(List.of(new Section(Mrkdwn.cap(lines.toString(), 2900))));
        if (shown.size() > LIST_LIMIT) {
            blocks.add(new Context("and " + (shown.size() - LIST_LIMIT) + " more; the oldest are shown first"));
        }
        return new ChatReply(ChatReply.Visibility.EPHEMERAL, Mrkdwn.cap(lines.toString(), 2900), blocks);
    }

    private static ChatReply help(String command) {
        String c = escape(command);
        StringBuilder lines = new StringBuilder("*" + c + "* commands");
        for (Subcommand s : Subcommand.values()) {
            lines.append("\n`").append(c).append(' ').append(escape(s.syntax())).append("` ").append(s.description());
        }
        String text = lines.toString();
        return ChatReply.ephemeral(text, new Section(text), new Context("Ids may be written 42 or #42. Without an id,"
                + " ack, unack, resolve and status use the incident you were last paged for. Durations: 30m, 4h, 1d,"
                + " 1h30m. Anyone can read; changing needs you in the on-call configuration."));
    }

    // ------------------------------------------------------------------ pieces

    /** An incident id given or found, and what to say when it was found. */
    private record Target(String id, Optional<String> note) {
        static Target given(String id) {
            return new Target(id, Optional.empty());
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
        String id = store.lastPagedIncident(Person.pageTarget(call.caller().get().personId())).orElseThrow(() -> new UsageException(
                "you have not been paged for any incident, so say which one", sub));
        return new Target(id, Optional.of("#" + id + " is the incident you were last paged for."));
    }

    private ChatReply changed(Target target, Outcome outcome,
                              java.util.function.Function<Outcome, String> announcement) {
        List<Block> blocks = new ArrayList<>();
        String text;
        if (outcome.changed()) {
            text = announcement.apply(outcome);
            blocks.add(new Section(Mrkdwn.cap(text, 2900)));
        } else {
            text = ":information_source: " + text(outcome.message(), 300) + "; nothing changed.";
            blocks.add(new Section(text));
        }
        target.note().ifPresent(note -> blocks.add(new Context(note)));
        return new ChatReply(outcome.changed() ? ChatReply.Visibility.IN_CHANNEL : ChatReply.Visibility.EPHEMERAL,
                Mrkdwn.cap(text, 2900), blocks);
    }

    /** A person mentioned in a command, who must be in the on-call configuration. */
    private Responder person(String chatUserId, String toDo, Subcommand sub) {
        return people.byChatUserId(chatUserId).orElseThrow(() -> new UsageException("the person you mentioned (Slack"
                + " user id " + chatUserId + ") is not in Firebell's on-call configuration, so they cannot " + toDo
                + " yet; ask your platform team to add them", sub));
    }

    /** A person id as a mention when the directory knows them, else as written (a team or page target). */
    private String personOrTarget(String id) {
        if (id == null) {
            return "nobody";
        }
        String personId = Person.idOfTarget(id) != null ? Person.idOfTarget(id) : id;
        return people.byPersonId(personId).map(r -> Mrkdwn.mention(r.chatUserId(), r.displayName())).orElse(text(id, 64));
    }

    private String statusWords(Incident i) {
        return switch (i.status()) {
            case TRIGGERED -> "Triggered";
            case ACKNOWLEDGED -> "Acknowledged by " + personOrTarget(i.acknowledgedBy());
            case RESOLVED -> "Resolved" + (i.resolvedBy() == null ? "" : " by " + personOrTarget(i.resolvedBy()));
        };
    }

    private static String ref(Incident i) {
        return "*#" + i.id() + "* " + text(i.title(), 120) + " (" + i.severity() + ", " + text(i.service(), 64) + ")";
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Every problem a person can fix, as an ephemeral answer saying what and how; anything else propagates. */
    private static ChatReply problem(RuntimeException e, ChatRequest request) {
        String c = request.command();
        String message;
        Subcommand usage = null;
        if (e instanceof UsageException u) {
            message = u.getMessage();
            usage = u.subcommand();
            if (usage == null) {
                message += ". `" + c + " help` lists every command";
            }
        } else if (e instanceof NotAllowed || e instanceof NoSuchIncidentException
                || e instanceof IncidentStateException || e instanceof FeatureNotAvailableException
                || e instanceof IllegalArgumentException) {
            message = e.getMessage();
        } else if (e instanceof ConcurrentChangeException) {
            message = "the incident kept changing while Firebell tried (alarms are arriving for it); nothing was"
                    + " changed, try again";
        } else {
            throw e;
        }
        String text = ":warning: " + text(capitalized(message), 600);
        List<Block> blocks = new ArrayList<>(List.of(new Section(text)));
        if (usage != null) {
            String how = "Write `" + escape(c + " " + usage.syntax()) + "`, e.g. `" + escape(c + " " + usage.example())
                    + "`";
            blocks.add(new Context(how));
            text += "\n" + how;
        }
        return new ChatReply(ChatReply.Visibility.EPHEMERAL, text, blocks);
    }
}
