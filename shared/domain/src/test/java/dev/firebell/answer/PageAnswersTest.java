package dev.firebell.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.firebell.config.ConfigBinder;
import dev.firebell.config.FirebellConfig;
import dev.firebell.escalation.EscalationEngine;
import dev.firebell.incident.Actor;
import dev.firebell.incident.Channel;
import dev.firebell.incident.ConcurrentChangeException;
import dev.firebell.incident.DispatchReport;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentCommands;
import dev.firebell.incident.IncidentStateException;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.IncidentStore;
import dev.firebell.routing.Severity;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of answering a page, the domain paths mocked; the real paths are exercised on the emulator. */
class PageAnswersTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private static final Actor ALICE = Actor.via("alice", Channel.EMAIL_LINK, Map.of());

    private final IncidentStore store = mock(IncidentStore.class);
    private final IncidentCommands commands = mock(IncidentCommands.class);
    private final EscalationEngine escalation = mock(EscalationEngine.class);
    private final Set<String> claimed = new HashSet<>();
    private final AnswerLedger ledger = new AnswerLedger() {
        @Override
        public boolean claim(String key, Instant keepUntil) {
            return claimed.add(key);
        }

        @Override
        public void release(String key) {
            claimed.remove(key);
        }
    };
    private final FirebellConfig config = new ConfigBinder().bind(Map.of("people", Map.of(
            "alice", Map.of("timeZone", "Europe/Paris"), "bob", Map.of("timeZone", "Europe/Berlin"))));
    private final PageAnswers answers = new PageAnswers(store, () -> config, commands, escalation, ledger);

    private final Incident triggered = Incident.builder().id("7").title("Checkout is failing").service("checkout")
            .severity(Severity.SEV2).status(IncidentStatus.TRIGGERED).openedAt(NOW).build();

    @Test
    void preview_shouldOfferTheAction_onAnOpenIncident_andWriteNothing() {
        when(store.incident("7")).thenReturn(Optional.of(triggered));

        Answer answer = answers.preview("7", "alice", PageAction.ACKNOWLEDGE);

        assertThat(answer).isInstanceOfSatisfying(Answer.Ready.class, r -> {
            assertThat(r.incident()).isEqualTo(triggered);
            assertThat(r.message()).isEqualTo("#7 is triggered. Acknowledge it as alice?");
        });
        verifyNoInteractions(commands, escalation);
    }

    @Test
    void acknowledge_shouldGoThroughIncidentCommands_asThePerson_withTheChannel() {
        Incident acked = triggered.toBuilder().status(IncidentStatus.ACKNOWLEDGED).acknowledgedBy("alice").build();
        when(store.incident("7")).thenReturn(Optional.of(triggered));
        when(commands.acknowledge("7", ALICE)).thenReturn(new IncidentCommands.Outcome(acked, true,
                "#7 acknowledged by alice from an e-mail link; escalation stopped"));

        Answer answer = answers.answer("7", PageAction.ACKNOWLEDGE, ALICE, null, null);

        assertThat(answer).isEqualTo(new Answer.Done(acked, PageAction.ACKNOWLEDGE,
                "#7 acknowledged by alice from an e-mail link; escalation stopped"));
    }

    @Test
    void acknowledge_shouldSaySo_whenSomeoneAcknowledgedFirst() {
        Incident bobs = triggered.toBuilder().status(IncidentStatus.ACKNOWLEDGED).acknowledgedBy("bob")
                .acknowledgedAt(NOW.plusSeconds(90)).build();
        when(store.incident("7")).thenReturn(Optional.of(bobs));
        when(commands.acknowledge("7", ALICE)).thenReturn(new IncidentCommands.Outcome(bobs, false, "already"));

        assertThat(answers.preview("7", "alice", PageAction.ACKNOWLEDGE)).isEqualTo(new Answer.AlreadyDone(bobs,
                PageAction.ACKNOWLEDGE, "#7 is already acknowledged by bob at 2026-11-27 09:01 UTC."));
        assertThat(answers.answer("7", PageAction.ACKNOWLEDGE, ALICE, null, null))
                .isInstanceOf(Answer.AlreadyDone.class);
    }

    @Test
    void anyAction_shouldBeRefused_andWriteNothing_onAResolvedIncident_orAMissingOne_orForSomeoneGone() {
        Incident resolved = triggered.toBuilder().status(IncidentStatus.RESOLVED).resolvedBy("firebell")
                .resolvedAt(NOW).build();
        when(store.incident("7")).thenReturn(Optional.of(resolved));
        when(store.incident("8")).thenReturn(Optional.empty());

        for (PageAction action : PageAction.values()) {
            assertThat(answers.answer("7", action, ALICE, "once", NOW)).isInstanceOfSatisfying(Answer.Refused.class,
                    r -> assertThat(r.reason()).isEqualTo(Answer.Reason.RESOLVED));
            assertThat(answers.preview("7", "alice", action)).isInstanceOfSatisfying(Answer.Refused.class,
                    r -> assertThat(r.message()).isEqualTo("#7 is already resolved by firebell at 2026-11-27 09:00"
                            + " UTC; links and replies no longer act on it."));
            assertThat(answers.answer("8", action, ALICE, "once", NOW)).isInstanceOfSatisfying(Answer.Refused.class,
                    r -> assertThat(r.reason()).isEqualTo(Answer.Reason.NO_SUCH_INCIDENT));
            assertThat(answers.answer("7", action, Actor.via("mallory", Channel.EMAIL_LINK, Map.of()), "once", NOW))
                    .isInstanceOfSatisfying(Answer.Refused.class,
                            r -> assertThat(r.reason()).isEqualTo(Answer.Reason.UNKNOWN_PERSON));
        }
        verifyNoInteractions(commands, escalation);
        assertThat(claimed).isEmpty();
    }

    @Test
    void escalate_shouldHappenOncePerOnceKey_andAgainAfterAFailure() {
        when(store.incident("7")).thenReturn(Optional.of(triggered));
        when(escalation.escalateNow("7", ALICE)).thenThrow(new IllegalStateException("SNS down"))
                .thenReturn(new EscalationEngine.Outcome(triggered, "#7: escalated to level 2 by alice from an e-mail"
                        + " link: paging Dave", DispatchReport.NONE));

        assertThatThrownBy(() -> answers.answer("7", PageAction.ESCALATE, ALICE, "link:abc", NOW.plusSeconds(60)))
                .hasMessage("SNS down");
        assertThat(claimed).as("released after the failure").isEmpty();
        assertThat(answers.answer("7", PageAction.ESCALATE, ALICE, "link:abc", NOW.plusSeconds(60)))
                .isInstanceOf(Answer.Done.class);
        assertThat(answers.answer("7", PageAction.ESCALATE, ALICE, "link:abc", NOW.plusSeconds(60)))
                .isInstanceOfSatisfying(Answer.AlreadyDone.class, a -> assertThat(a.message())
                        .isEqualTo("#7 was escalated already with this; it is triggered."));
    }

    @Test
    void escalate_withoutAPolicy_shouldBeRefusedAsNotPossible() {
        when(store.incident("7")).thenReturn(Optional.of(triggered));
        when(escalation.escalateNow(eq("7"), any(Actor.class))).thenThrow(new IncidentStateException(
                "#7: service checkout has no escalation policy, so there is no next level to page"));

        assertThat(answers.answer("7", PageAction.ESCALATE, ALICE, null, null))
                .isEqualTo(new Answer.Refused(Answer.Reason.NOT_POSSIBLE, triggered,
                        "#7: service checkout has no escalation policy, so there is no next level to page"));
    }

    @Test
    void aRaceThatKeepsBeingLost_shouldBeRefusedAsBusy() {
        when(store.incident("7")).thenReturn(Optional.of(triggered));
        when(commands.resolve(eq("7"), any(Actor.class), any())).thenThrow(new ConcurrentChangeException("v3"));

        assertThat(answers.answer("7", PageAction.RESOLVE, ALICE, null, null))
                .isInstanceOfSatisfying(Answer.Refused.class, r -> assertThat(r.reason()).isEqualTo(Answer.Reason.BUSY));
        verify(escalation, never()).escalateNow(anyString(), any(Actor.class));
    }
}
