package dev.firebell.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.firebell.aws.Json;
import dev.firebell.chat.ChatAnswer;
import dev.firebell.chat.ChatRequest;
import dev.firebell.chat.ChatService;
import dev.firebell.chat.OnCallDesk;
import dev.firebell.chat.PeopleDirectory;
import dev.firebell.chat.Postmortems;
import dev.firebell.chat.Responder;
import dev.firebell.config.ConfigBinder;
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
import dev.firebell.routing.Severity;
import dev.firebell.slack.SlackMessages;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.junit.jupiter.api.Test;

/**
 * Every kind of answer the chat commands give, as the JSON Slack receives, byte for byte against
 * {@code answers.txt}: successes, refusals and errors of every subcommand, deferred commands' two halves, escaping of
 * what people and alarms wrote, time zones, long lists. The incidents and ports are in-memory and the clock is pinned,
 * so the transcript never depends on the day it runs. A change to any answer shows here as a diff of the transcript.
 */
class SlackAnswersTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private static final Instant HAND_OFF = Instant.parse("2026-11-30T08:00:00Z");

    private static final Responder ALICE = new Responder("alice", "Alice Smith", "U0ALICE", ZoneId.of("Europe/Berlin"));
    private static final Responder BOB = new Responder("bob", "Bob Jones", "U0BOB", ZoneId.of("America/New_York"));
    private static final Responder CAROL = new Responder("carol", "Carol Ops", "U0CAROL", ZoneId.of("UTC"));
    /** Known to the directory under a chat id that is not a Slack user id: named, not mentioned. */
    private static final Responder DAVE = new Responder("dave", "Dave <Ops> & Co", "dave-legacy", ZoneId.of("UTC"));
    private static final String STRANGER = "U0STRANGER";

    private final Map<String, Incident> incidents = new HashMap<>();
    private final IncidentStore store = mock(IncidentStore.class);
    private final IncidentCommands commands = mock(IncidentCommands.class);
    private final ChatService chat;

    SlackAnswersTest() {
        FirebellConfig config = new ConfigBinder().bind(Map.of(
                "services", Map.of("checkout", Map.of(), "payments", Map.of(), "search", Map.of(), "billing", Map.of())));
        chat = new ChatService(commands, store, () -> config, PeopleDirectory.of(List.of(ALICE, BOB, CAROL, DAVE)),
                new OnCall(), new Drafts(), () -> NOW);
        seed();
    }

    @Test
    void everyAnswer_shouldBeTheSlackJsonOfTheTranscript() throws IOException {
        StringBuilder transcript = new StringBuilder();
        for (String[] line : SCRIPT) {
            String user = line[0];
            String command = line.length > 2 ? line[2] : "/incident";
            transcript.append("> ").append(user).append(' ').append(command).append(' ')
                    .append(line[1].replace("\n", "\\n")).append('\n');
            for (Map<String, Object> message : answers(new ChatRequest("T0FIREBELL", user, user.toLowerCase(),
                    "C0INCIDENTS", command, line[1]))) {
                transcript.append(Json.writePretty(message)).append('\n');
            }
        }

        String expected;
        try (InputStream in = SlackAnswersTest.class.getResourceAsStream("answers.txt")) {
            expected = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!transcript.toString().equals(expected)) {
            Files.writeString(Path.of("target", "answers.actual.txt"), transcript);
        }
        assertThat(transcript.toString()).as("the transcript (this run's is in target/answers.actual.txt)")
                .isEqualTo(expected);
    }

    /** What Slack receives for one request: the answer, and for a deferred command what follows at the response URL. */
    private List<Map<String, Object>> answers(ChatRequest request) {
        List<Map<String, Object>> messages = new ArrayList<>();
        ChatAnswer answer = chat.answer(request);
        messages.add(SlackMessages.toJson(SlackReplies.of(answer.result(), request.command())));
        if (answer instanceof ChatAnswer.Later) {
            messages.add(SlackMessages.toJson(SlackReplies.of(chat.complete(request), request.command())));
        }
        return messages;
    }

    /** user, text, and optionally the command name. */
    private static final String[][] SCRIPT = {
            {"U0ALICE", ""},
            {"U0ALICE", "help"},
            {"U0ALICE", "help", "/ops"},
            {"U0ALICE", "acknowledge 42"},
            {"U0ALICE", "zzzzzz"},
            {"U0ALICE", "severity 42 SEV9"},
            {"U0ALICE", "note 42"},
            {"U0ALICE", "ack 42"},
            {"U0ALICE", "ack"},
            {"U0ALICE", "ack 43"},
            {"U0ALICE", "ack 44"},
            {"U0ALICE", "ack 99"},
            {"U0ALICE", "ack 45"},
            {"U0BOB", "ack"},
            {"dave-legacy", "ack 42"},
            {STRANGER, "ack 42"},
            {"U0ALICE", "unack 42"},
            {"U0ALICE", "resolve 42"},
            {"U0ALICE", "resolve 42 rolled back <!here> & fixed"},
            {"U0ALICE", "resolve cache flushed"},
            {"U0ALICE", "reopen 44"},
            {"U0ALICE", "status 42"},
            {"U0ALICE", "status"},
            {"U0CAROL", "status 44"},
            {STRANGER, "status 43"},
            {STRANGER, "status"},
            {"U0ALICE", "list"},
            {"U0ALICE", "list mine"},
            {"U0ALICE", "list checkout"},
            {"U0ALICE", "list billing"},
            {"U0ALICE", "list chekout"},
            {"U0ALICE", "list nosuch"},
            {STRANGER, "list mine"},
            {"U0BOB", "list mine"},
            {"U0ALICE", "severity 42 sev1"},
            {"U0ALICE", "commander 42 <@U0BOB|bob>"},
            {"U0ALICE", "role 42 Scribe <@U0CAROL>"},
            {"U0ALICE", "role 42 scribe <@U0NOBODY>"},
            {"U0ALICE", "note 42 line one\nline <two> & three"},
            {"U0ALICE", "declare SEV2 Checkout is failing checkout"},
            {"U0ALICE", "declare SEV3 \"Search is slow\""},
            {"U0ALICE", "declare SEV1 Everything <!channel> is down"},
            {"U0ALICE", "declare SEV2 \"Unclosed title"},
            {STRANGER, "declare SEV2 Checkout is failing"},
            {"U0ALICE", "escalate 42"},
            {"U0ALICE", "escalate 43"},
            {"U0ALICE", "escalate 44"},
            {"U0ALICE", "escalate 99"},
            {"U0ALICE", "oncall"},
            {"U0BOB", "oncall checkout"},
            {"U0CAROL", "oncall"},
            {STRANGER, "oncall search"},
            {"U0ALICE", "oncall nope"},
            {"U0ALICE", "override checkout-primary <@U0BOB> 4h"},
            {"U0CAROL", "override quiet <@U0ALICE> 1d"},
            {"U0ALICE", "override nope <@U0BOB> 4h"},
            {"U0ALICE", "override checkout-primary @bob 4h"},
            {"U0ALICE", "override checkout-primary <@U0NOBODY> 4h"},
            {"U0ALICE", "maintenance checkout 30m database <upgrade> & more"},
            {"U0ALICE", "maintenance checkout 2h"},
            {"U0CAROL", "maintenance payments 1h30m"},
            {"U0ALICE", "maintenance nosuch 1h"},
            {"U0ALICE", "postmortem 44"},
            {"U0ALICE", "postmortem 44"},
            {"U0ALICE", "postmortem 43"},
            {"U0ALICE", "postmortem 99"},
    };

    // ------------------------------------------------------------------ the world the commands see

    private void seed() {
        Incident checkout = Incident.builder().id("42").title("Checkout is failing <!channel>").service("checkout")
                .severity(Severity.SEV2).status(IncidentStatus.TRIGGERED).triggeredAt(NOW.minus(Duration.ofMinutes(13)))
                .openedAt(NOW.minus(Duration.ofMinutes(12))).alarmCount(1)
                .roles(Map.of("commander", "alice", "scribe", "team-payments", "communications", "person:bob"))
                .build();
        Incident payments = Incident.builder().id("43").title("Payments declined").service("payments")
                .severity(Severity.SEV1).status(IncidentStatus.ACKNOWLEDGED).openedAt(NOW.minus(Duration.ofHours(26)))
                .acknowledgedBy("alice").acknowledgedAt(NOW.minus(Duration.ofHours(25))).build();
        Incident resolved = Incident.builder().id("44").title("Search index stale").service("search")
                .severity(Severity.SEV3).status(IncidentStatus.RESOLVED).openedAt(NOW.minus(Duration.ofHours(3)))
                .resolvedAt(NOW.minus(Duration.ofMinutes(65))).resolvedBy("bob")
                .resolution("reindexed <all> & restarted").build();
        Incident busy = checkout.toBuilder().id("45").title("Checkout flapping").build();
        for (Incident i : List.of(checkout, payments, resolved, busy)) {
            incidents.put(i.id(), i);
        }
        List<Incident> open = new ArrayList<>(List.of(payments, checkout));
        for (int n = 0; n < 20; n++) {
            Incident i = Incident.builder().id(String.valueOf(100 + n)).title("Search latency " + n).service("search")
                    .severity(Severity.SEV4).status(n % 3 == 0 ? IncidentStatus.ACKNOWLEDGED : IncidentStatus.TRIGGERED)
                    .acknowledgedBy(n % 3 == 0 ? (n % 2 == 0 ? "bob" : "team-search") : null)
                    .openedAt(NOW.minus(Duration.ofSeconds(40 + 300L * n))).build();
            incidents.put(i.id(), i);
            open.add(i);
        }
        when(store.incident(anyString())).thenAnswer(call -> Optional.ofNullable(incidents.get(call.<String>getArgument(0))));
        when(store.openIncidents()).thenReturn(open);
        when(store.lastPagedIncident(anyString())).thenReturn(Optional.empty());
        when(store.lastPagedIncident("person:alice")).thenReturn(Optional.of("42"));
        when(store.timeline(anyString())).thenReturn(List.of());
        List<TimelineEntry> timeline = new ArrayList<>();
        String[] summaries = {"Opened by alarm checkout-5xx", "Paged Alice Smith", "Paged Bob Jones",
                "Alice Smith acknowledged", "Note: looking at <the> deploy & logs", "Severity SEV3 -> SEV2",
                "Bob Jones is communications", "Paged team-payments"};
        for (int n = 0; n < summaries.length; n++) {
            timeline.add(new TimelineEntry("42", NOW.minus(Duration.ofMinutes(13 - n)), TimelineEntryType.NOTE,
                    "alice", summaries[n], Map.of()));
        }
        when(store.timeline("42")).thenReturn(timeline);
        when(store.timeline("44")).thenReturn(List.of(new TimelineEntry("44", NOW.minus(Duration.ofMinutes(65)),
                TimelineEntryType.RESOLVED, "bob", "Resolved by Bob Jones", Map.of())));

        when(commands.acknowledge(eq("42"), any(Actor.class))).thenAnswer(call -> changed(checkout.toBuilder()
                .status(IncidentStatus.ACKNOWLEDGED).acknowledgedBy(call.<Actor>getArgument(1).id()).build()));
        when(commands.acknowledge(eq("43"), any(Actor.class)))
                .thenReturn(new Outcome(payments, false, "#43 is already acknowledged by alice"));
        when(commands.acknowledge(eq("44"), any(Actor.class)))
                .thenThrow(new IncidentStateException("#44 is resolved; reopen it before you acknowledge it"));
        when(commands.acknowledge(eq("99"), any(Actor.class))).thenThrow(new NoSuchIncidentException("99"));
        when(commands.acknowledge(eq("45"), any(Actor.class))).thenThrow(new ConcurrentChangeException("lost race"));
        when(commands.unacknowledge(eq("42"), any(Actor.class))).thenReturn(changed(checkout));
        when(commands.resolve(eq("42"), any(Actor.class), any())).thenAnswer(call -> changed(checkout.toBuilder()
                .status(IncidentStatus.RESOLVED).resolvedAt(NOW).resolvedBy("alice")
                .resolution(call.getArgument(2)).build()));
        when(commands.reopen(eq("44"), any(Actor.class))).thenReturn(changed(resolved.toBuilder()
                .status(IncidentStatus.ACKNOWLEDGED).resolvedAt(null).acknowledgedBy("alice").build()));
        when(commands.changeSeverity(eq("42"), eq(Severity.SEV1), any(Actor.class)))
                .thenReturn(changed(checkout.toBuilder().severity(Severity.SEV1).build()));
        when(commands.assignRole(eq("42"), anyString(), anyString(), any(Actor.class)))
                .thenReturn(changed(checkout));
        when(commands.addNote(eq("42"), anyString(), any(Actor.class))).thenReturn(changed(checkout));
        when(commands.declare(anyString(), any(Severity.class), any(), any(Actor.class))).thenAnswer(call ->
                changed(Incident.builder().id("46").title(call.getArgument(0)).severity(call.getArgument(1))
                        .service(call.getArgument(2) == null ? "search" : call.getArgument(2))
                        .status(IncidentStatus.TRIGGERED).openedAt(NOW)
                        .roles(Map.of("commander", call.<Actor>getArgument(3).id())).build()));
        when(commands.declare(anyString(), any(Severity.class), isNull(), any(Actor.class))).thenAnswer(call ->
                changed(Incident.builder().id("47").title(call.getArgument(0)).severity(call.getArgument(1))
                        .service("search").status(IncidentStatus.TRIGGERED).openedAt(NOW).build()));
    }

    private static Outcome changed(Incident incident) {
        return new Outcome(incident, true, "done");
    }

    /** Two rotations and a schedule with a gap; overrides and windows start now. */
    private static final class OnCall implements OnCallDesk {

        @Override
        public List<OnCallDesk.OnCall> whoIsOnCall(String teamOrService, Instant now) {
            if ("search".equals(teamOrService)) {
                return List.of();
            }
            if (teamOrService != null && !teamOrService.equals("checkout")) {
                throw new IllegalArgumentException("no team, service or rotation is called '" + teamOrService
                        + "'; rotations: checkout-primary, quiet");
            }
            List<OnCallDesk.OnCall> all = new ArrayList<>();
            all.add(new OnCallDesk.OnCall("checkout-primary", "checkout",
                    new Shift("alice", HAND_OFF.minus(Duration.ofDays(7)), HAND_OFF),
                    new Shift("person:bob", HAND_OFF, HAND_OFF.plus(Duration.ofDays(7)))));
            if (teamOrService == null) {
                all.add(new OnCallDesk.OnCall("quiet", "quiet", new Shift("team-search", null, null), null));
                all.add(new OnCallDesk.OnCall("payments <weekend>", null, null,
                        new Shift("carol", null, HAND_OFF)));
            }
            return all;
        }

        @Override
        public ShiftTaken takeShift(String rotation, String personId, Duration duration, Actor actor) {
            if (rotation.equals("checkout-primary")) {
                return new ShiftTaken(rotation, personId, NOW, NOW.plus(duration), "alice");
            }
            if (rotation.equals("quiet")) {
                return new ShiftTaken(rotation, personId, NOW, NOW.plus(duration), null);
            }
            throw new IllegalArgumentException("no rotation is called '" + rotation + "'; rotations: checkout-primary");
        }

        @Override
        public MaintenanceWindow startMaintenance(String service, Duration duration, String reason, Actor actor) {
            if (!Set.of("checkout", "payments").contains(service)) {
                throw new IllegalArgumentException("'" + service + "' is not a configured service, so it cannot be"
                        + " put in maintenance. Services: checkout, payments, search");
            }
            return new MaintenanceWindow("chat-" + service + "-20261127T090000Z", service, NOW, NOW.plus(duration),
                    reason, actor.id());
        }

        @Override
        public Escalation escalateNow(String incidentId, Actor actor) {
            return incidentId.equals("42")
                    ? new Escalation(incidentId, "escalated to level 2 by " + actor.id() + ": paging <Bob> & co", 1)
                    : new Escalation(incidentId, "escalated to level 3 by " + actor.id(), 2);
        }
    }

    /** Drafts: the first request creates one; 43's has no link. */
    private final class Drafts implements Postmortems {
        private final Set<String> started = new CopyOnWriteArraySet<>();

        @Override
        public Draft start(String incidentId, Actor actor) {
            Incident incident = Optional.ofNullable(incidents.get(incidentId))
                    .orElseThrow(() -> new NoSuchIncidentException(incidentId));
            boolean created = started.add(incidentId);
            String link = incidentId.equals("43") ? null : "https://wiki.example.com/pm?id=" + incidentId + "&x=<y>";
            return new Draft(incidentId, incident.title(), link, created);
        }
    }
}
