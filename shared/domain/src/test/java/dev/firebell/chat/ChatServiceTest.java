package dev.firebell.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.firebell.chat.ChatResult.Reason;
import dev.firebell.config.ConfigBinder;
import dev.firebell.config.FirebellConfig;
import dev.firebell.incident.Actor;
import dev.firebell.incident.ConcurrentChangeException;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentCommands;
import dev.firebell.incident.IncidentCommands.Outcome;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.IncidentStore;
import dev.firebell.routing.Severity;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * What each command does and says as data: who did it, the incident, the people it names, times. How that reads in
 * Slack is pinned by the chat function's {@code SlackAnswersTest}.
 */
class ChatServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private static final Responder ALICE = new Responder("alice", "Alice Smith", "U0ALICE", ZoneId.of("Europe/Berlin"));
    private static final Responder BOB = new Responder("bob", "Bob Jones", "U0BOB", ZoneId.of("America/New_York"));

    private final IncidentStore store = mock(IncidentStore.class);
    private final IncidentCommands commands = mock(IncidentCommands.class);
    private final FirebellConfig config = new ConfigBinder().bind(Map.of(
            "services", Map.of("checkout", Map.of(), "search", Map.of())));
    private final ChatService chat = new ChatService(commands, store, () -> config,
            PeopleDirectory.of(List.of(ALICE, BOB)), mock(OnCallDesk.class), mock(Postmortems.class), () -> NOW);

    private final Incident checkout = Incident.builder().id("42").title("Checkout is failing").service("checkout")
            .severity(Severity.SEV2).status(IncidentStatus.ACKNOWLEDGED).openedAt(NOW.minus(Duration.ofMinutes(12)))
            .acknowledgedBy("person:bob").roles(Map.of("commander", "alice", "scribe", "team-payments")).build();

    private static ChatRequest typed(String userId, String text) {
        return new ChatRequest("T0FIREBELL", userId, "someone", "C0INCIDENTS", "/incident", text);
    }

    @Test
    void ack_shouldSayWhoAcknowledgedWhichIncident_andThatItWasTheirLastPaged_whenTheIdIsLeftOut() {
        when(store.lastPagedIncident("person:alice")).thenReturn(Optional.of("42"));
        when(commands.acknowledge(eq("42"), any(Actor.class))).thenReturn(new Outcome(checkout, true, "acknowledged"));

        ChatAnswer answer = chat.answer(typed("U0ALICE", "ack"));

        assertThat(answer).isEqualTo(new ChatAnswer.Now(new ChatResult.Acknowledged(ALICE, checkout, true)));
        ArgumentCaptor<Actor> actor = ArgumentCaptor.forClass(Actor.class);
        verify(commands).acknowledge(eq("42"), actor.capture());
        assertThat(actor.getValue()).isEqualTo(new Actor("alice", Map.of("via", "slack", "slackUserId", "U0ALICE",
                "slackTeamId", "T0FIREBELL")));
    }

    @Test
    void aButtonClick_shouldRunTheSameCommand_withTheButtonRecordedAsHowItWasDone() {
        when(commands.acknowledge(eq("42"), any(Actor.class))).thenReturn(new Outcome(checkout, true, "acknowledged"));

        ChatAnswer answer = chat.answer(new ChatRequest("T0FIREBELL", "U0ALICE", "alice", "C0INCIDENTS", "/incident",
                "ack 42", ChatRequest.VIA_BUTTON));

        assertThat(answer).isEqualTo(new ChatAnswer.Now(new ChatResult.Acknowledged(ALICE, checkout, false)));
        ArgumentCaptor<Actor> actor = ArgumentCaptor.forClass(Actor.class);
        verify(commands).acknowledge(eq("42"), actor.capture());
        assertThat(actor.getValue()).isEqualTo(new Actor("alice", Map.of("via", "slack-button", "slackUserId",
                "U0ALICE", "slackTeamId", "T0FIREBELL")));
        assertThat(actor.getValue().described()).isEqualTo("alice from a Slack button");
        assertThat(new ChatRequest("T0FIREBELL", "U0ALICE", "alice", "C0", "/incident", "ack", "ssh").via())
                .as("only the two known ways").isEqualTo(ChatRequest.VIA_COMMAND);
    }

    @Test
    void ack_shouldBeUnchanged_withTheCommandsReason_whenItWouldDoNothing() {
        when(commands.acknowledge(eq("42"), any(Actor.class)))
                .thenReturn(new Outcome(checkout, false, "#42 is already acknowledged"));

        assertThat(chat.answer(typed("U0ALICE", "ack #42")).result())
                .isEqualTo(new ChatResult.Unchanged("42", "#42 is already acknowledged", false));
    }

    @Test
    void aChange_shouldBeRefusedAsNotAllowed_andTouchNothing_whenTheDirectoryDoesNotKnowTheCaller() {
        ChatResult result = chat.answer(typed("U0STRANGER", "resolve 42 fixed")).result();

        assertThat(result).isInstanceOfSatisfying(ChatResult.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(Reason.NOT_ALLOWED);
            assertThat(refused.message()).contains("U0STRANGER");
            assertThat(refused.usage()).isNull();
        });
        verifyNoInteractions(commands);
    }

    @Test
    void aCommandWrittenWrongly_shouldBeRefusedWithTheSubcommandToShow() {
        assertThat(chat.answer(typed("U0ALICE", "severity 42 SEV9")).result())
                .isEqualTo(new ChatResult.Refused(Reason.USAGE,
                        "severity 'SEV9' is not one of SEV1, SEV2, SEV3, SEV4, SEV5", Subcommand.SEVERITY));
        assertThat(chat.answer(typed("U0ALICE", "zzzzzz")).result())
                .isEqualTo(new ChatResult.Refused(Reason.USAGE, "'zzzzzz' is not a command", null));
    }

    @Test
    void aChangeThatLostARace_shouldBeRefusedAsWorthRetrying_andOtherFailuresShouldPropagate() {
        when(commands.acknowledge(eq("42"), any(Actor.class))).thenThrow(new ConcurrentChangeException("version 7"));
        when(commands.acknowledge(eq("43"), any(Actor.class))).thenThrow(new IllegalStateException("table gone"));

        assertThat(chat.answer(typed("U0ALICE", "ack 42")).result())
                .isInstanceOfSatisfying(ChatResult.Refused.class, r -> assertThat(r.reason())
                        .isEqualTo(Reason.CONCURRENT_CHANGE));
        assertThatThrownBy(() -> chat.answer(typed("U0ALICE", "ack 43"))).hasMessage("table gone");
    }

    @Test
    void declare_shouldBeAcceptedWithItsTitleAndService_thenDeclaredByTheCaller_whenCompleted() {
        Incident declared = checkout.toBuilder().id("46").status(IncidentStatus.TRIGGERED).build();
        when(commands.declare(eq("Checkout is failing"), eq(Severity.SEV2), eq("checkout"), any(Actor.class)))
                .thenReturn(new Outcome(declared, true, "declared"));
        ChatRequest request = typed("U0ALICE", "declare SEV2 Checkout is failing checkout");

        assertThat(chat.answer(request)).isEqualTo(new ChatAnswer.Later(
                new ChatResult.Declaring(Severity.SEV2, "Checkout is failing", "checkout")));
        verifyNoInteractions(commands);
        assertThat(chat.complete(request)).isEqualTo(new ChatResult.Declared(ALICE, declared));
    }

    @Test
    void status_shouldNameThePeopleItMentions_resolvedThroughTheDirectory_inTheReadersTimeZone() {
        List<TimelineEntry> timeline = List.of(new TimelineEntry("42", NOW.minus(Duration.ofMinutes(12)),
                TimelineEntryType.OPENED, "alice", "Declared by Alice Smith", Map.of()));
        when(store.incident("42")).thenReturn(Optional.of(checkout));
        when(store.timeline("42")).thenReturn(timeline);

        ChatResult result = chat.answer(typed("U0STRANGER", "status 42")).result();

        assertThat(result).isEqualTo(new ChatResult.IncidentDetails(checkout, new PersonOrTarget("person:bob", BOB),
                null, Map.of("commander", new PersonOrTarget("alice", ALICE),
                "scribe", new PersonOrTarget("team-payments", null)), timeline, NOW, ZoneId.of("UTC"), false));
    }

    @Test
    void listMine_shouldBeTheCallersIncidents_orNothingForSomeoneTheDirectoryDoesNotKnow() {
        Incident other = checkout.toBuilder().id("43").acknowledgedBy("carol").roles(Map.of()).build();
        when(store.openIncidents()).thenReturn(List.of(checkout, other));

        assertThat(chat.answer(typed("U0ALICE", "list mine")).result()).isEqualTo(new ChatResult.IncidentList(
                ChatCommand.ListScope.MINE, null, List.of(new ChatResult.Listed(checkout,
                new PersonOrTarget("person:bob", BOB))), NOW));
        assertThat(chat.answer(typed("U0STRANGER", "list mine")).result()).isEqualTo(new ChatResult.NothingIsYours());
    }

    @Test
    void console_shouldGiveTheCallerASignInLink_asTheirPerson_orReadOnlyAsTheirChatUserId() {
        ChatService withConsole = new ChatService(commands, store, () -> config, PeopleDirectory.of(List.of(ALICE, BOB)),
                mock(OnCallDesk.class), mock(Postmortems.class), () -> NOW, dev.firebell.account.Origins.NONE,
                new dev.firebell.link.SignInLinks(dev.firebell.link.TestLinks.fixed(dev.firebell.link.TestLinks.KEY),
                        () -> Optional.of(dev.firebell.link.TestLinks.FUNCTION_URL), () -> NOW));

        ChatResult alice = withConsole.answer(typed("U0ALICE", "console")).result();
        ChatResult stranger = withConsole.answer(typed("U0STRANGER", "console")).result();

        assertThat(alice).isInstanceOfSatisfying(ChatResult.ConsoleLink.class, link -> {
            assertThat(link.personId()).isEqualTo("alice");
            assertThat(link.reader()).isFalse();
            assertThat(link.url()).startsWith(dev.firebell.link.TestLinks.FUNCTION_URL + "console/sign-in/");
            assertThat(link.expiresAt()).isEqualTo(NOW.plusSeconds(900));
        });
        assertThat(stranger).isInstanceOfSatisfying(ChatResult.ConsoleLink.class, link -> {
            assertThat(link.personId()).isEqualTo("U0STRANGER");
            assertThat(link.reader()).isTrue();
        });
        assertThat(withConsole.answer(typed("U0ALICE", "console now")).result()).isInstanceOfSatisfying(
                ChatResult.Refused.class, r -> assertThat(r.message()).contains("console takes nothing after it"));
        assertThat(chat.answer(typed("U0ALICE", "console")).result()).isInstanceOfSatisfying(ChatResult.Refused.class,
                r -> assertThat(r.message()).contains("web console is not set up"));
        verifyNoInteractions(commands);
    }
}
