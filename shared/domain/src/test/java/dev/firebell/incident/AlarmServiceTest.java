package dev.firebell.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.firebell.alarm.AlarmState;
import dev.firebell.alarm.Alarms;
import dev.firebell.config.ConfigSource;
import dev.firebell.config.FirebellConfig;
import dev.firebell.paging.PageDispatcher;
import dev.firebell.paging.ServiceTargetResolver;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class AlarmServiceTest {

    private static final String ARN = Alarms.arn("checkout-api-5xx-high");

    @Mock
    private ConfigSource config;
    @Mock
    private IncidentStore store;
    @Mock
    private PageDispatcher dispatcher;

    private AlarmService service;

    @BeforeEach
    void setUp() {
        // Lenient: a Firebell stack's own alarm is turned away before the configuration is read.
        lenient().when(config.current()).thenReturn(FirebellConfig.empty());
        // Services group by default; a service that never grouped has no group yet.
        lenient().when(store.serviceGroup(anyString())).thenAnswer(call -> ServiceGroup.none(call.getArgument(0)));
        service = new AlarmService(config, store,
                new AlarmTransitions(new ServiceTargetResolver(), Duration.ofSeconds(60)), dispatcher,
                InstantSource.fixed(Instant.parse("2026-11-27T09:00:30Z")));
    }

    @Test
    void handle_shouldOpenWriteOnceAndSendThePages_whenTheAlarmIsNew() {
        when(store.track(ARN)).thenReturn(AlarmTrack.none(ARN));
        when(store.nextIncidentId()).thenReturn("1");
        when(dispatcher.send(anyList(), any(Incident.class))).thenReturn(new DispatchReport(1, 0, 0));

        AlarmOutcome outcome = service.handle(Alarms.change("checkout-api-5xx-high", AlarmState.ALARM, "2026-11-27T09:00:00Z"));

        ArgumentCaptor<Transition> written = ArgumentCaptor.forClass(Transition.class);
        verify(store).apply(written.capture(), eq(ARN + "|ALARM|" + Instant.parse("2026-11-27T09:00:00Z").toEpochMilli()));
        assertThat(written.getValue()).isInstanceOf(Transition.Open.class);
        assertThat(outcome.kind()).isEqualTo(AlarmOutcome.Kind.OPENED);
        assertThat(outcome.pages().sent()).isEqualTo(1);
    }

    @Test
    void handle_shouldIgnoreAndWriteNothing_whenTheAlarmIsAnyFirebellStacksOwn() {
        // GIVEN the errors alarm of another Firebell stack, delivered by an alarm action rather than the rule
        AlarmOutcome outcome = service.handle(Alarms.change("Firebell/firebell-staging/alarm-ingest-errors",
                AlarmState.ALARM, "2026-11-27T09:00:00Z"));

        // THEN nothing is read, written or paged
        assertThat(outcome.kind()).isEqualTo(AlarmOutcome.Kind.IGNORED);
        assertThat(outcome.detail()).contains("a Firebell stack's own alarm (Firebell/...)");
        verify(store, never()).track(anyString());
        verify(store, never()).apply(any(), any());
        verify(dispatcher, never()).send(anyList());
        verify(dispatcher, never()).send(anyList(), any());
    }

    @Test
    void handle_shouldTakeAnAlarmWhoseNameOnlyMentionsFirebell() {
        String arn = Alarms.arn("firebell-checkout-5xx");
        when(store.track(arn)).thenReturn(AlarmTrack.none(arn));
        when(store.nextIncidentId()).thenReturn("1");
        when(dispatcher.send(anyList(), any(Incident.class))).thenReturn(new DispatchReport(1, 0, 0));

        AlarmOutcome outcome = service.handle(Alarms.change("firebell-checkout-5xx", AlarmState.ALARM,
                "2026-11-27T09:00:00Z"));

        assertThat(outcome.kind()).isEqualTo(AlarmOutcome.Kind.OPENED);
    }

    @Test
    void handle_shouldDecideAgainOnTheNewState_whenAConcurrentWriterWon() {
        AlarmTrack afterRace = new AlarmTrack(ARN, "1", true, null, false, Instant.parse("2026-11-27T08:59:59Z"), null, 1);
        when(store.track(ARN)).thenReturn(AlarmTrack.none(ARN), afterRace);
        when(store.nextIncidentId()).thenReturn("2");
        when(store.incident("1")).thenReturn(Optional.of(openIncident()));
        doThrow(new ConcurrentChangeException("track changed")).doNothing().when(store).apply(any(), any());

        AlarmOutcome outcome = service.handle(Alarms.change("checkout-api-5xx-high", AlarmState.ALARM, "2026-11-27T09:00:00Z"));

        ArgumentCaptor<Transition> written = ArgumentCaptor.forClass(Transition.class);
        verify(store, times(2)).apply(written.capture(), any());
        assertThat(written.getAllValues().get(0)).isInstanceOf(Transition.Open.class);
        assertThat(written.getAllValues().get(1)).isInstanceOf(Transition.Fold.class);
        assertThat(outcome.kind()).isEqualTo(AlarmOutcome.Kind.DUPLICATE_SUPPRESSED);
        verify(dispatcher, never()).send(anyList());
        verify(dispatcher, never()).send(anyList(), any());
    }

    @Test
    void handle_shouldOnlyRedriveThatIncidentsPendingPages_whenTheEventWasProcessedBefore() {
        when(store.track(ARN)).thenReturn(new AlarmTrack(ARN, "1", true, null, false, null, null, 3));
        when(store.incident("1")).thenReturn(Optional.of(openIncident()));
        doThrow(new EventAlreadyProcessedException("key", "1")).when(store).apply(any(), any());
        when(dispatcher.redriveIncident("1")).thenReturn(new DispatchReport(1, 0, 0));

        AlarmOutcome outcome = service.handle(Alarms.change("checkout-api-5xx-high", AlarmState.ALARM, "2026-11-27T09:00:00Z"));

        assertThat(outcome.kind()).isEqualTo(AlarmOutcome.Kind.REDELIVERY);
        assertThat(outcome.pages().sent()).isEqualTo(1);
        verify(dispatcher, never()).send(anyList());
        verify(dispatcher, never()).send(anyList(), any());
    }

    @Test
    void handle_shouldGiveUpWithAClearError_afterBoundedRetries() {
        when(store.track(ARN)).thenReturn(AlarmTrack.none(ARN));
        when(store.nextIncidentId()).thenReturn("1");
        doThrow(new ConcurrentChangeException("always")).when(store).apply(any(), any());

        assertThatThrownBy(() -> service.handle(Alarms.change("checkout-api-5xx-high", AlarmState.ALARM,
                "2026-11-27T09:00:00Z")))
                .isInstanceOf(ConcurrentChangeException.class)
                .hasMessageContaining("gave up after " + AlarmService.MAX_ATTEMPTS + " attempts");
        verify(store, times(AlarmService.MAX_ATTEMPTS)).apply(any(), any());
    }

    @Test
    void handle_shouldWriteNothing_whenTheTransitionIsIgnore() {
        // A store with DynamoDB's behaviour, to see what an Ignore leaves behind: nothing, not even its event record.
        InMemoryIncidentStore memory = new InMemoryIncidentStore();
        AlarmService onMemory = new AlarmService(config, memory,
                new AlarmTransitions(new ServiceTargetResolver(), Duration.ofSeconds(60)), dispatcher,
                InstantSource.fixed(Instant.parse("2026-11-27T09:00:30Z")));
        var insufficient = Alarms.change("checkout-api-5xx-high", AlarmState.INSUFFICIENT_DATA, "2026-11-27T09:00:00Z");

        AlarmOutcome outcome = onMemory.handle(insufficient);
        AlarmOutcome again = onMemory.handle(insufficient);

        assertThat(outcome.kind()).isEqualTo(AlarmOutcome.Kind.IGNORED);
        assertThat(again.kind()).as("no event record: decided afresh").isEqualTo(AlarmOutcome.Kind.IGNORED);
        assertThat(memory.events).isEmpty();
        assertThat(memory.tracks).isEmpty();
        assertThat(memory.incidents).isEmpty();
        assertThat(memory.timelines).isEmpty();
        verify(dispatcher, never()).send(anyList());
        verify(dispatcher, never()).send(anyList(), any());
    }

    private static Incident openIncident() {
        Instant t = Instant.parse("2026-11-27T08:59:59Z");
        return Incident.builder().id("1").title("checkout-api-5xx-high").service("default")
                .severity(dev.firebell.routing.Severity.SEV3).status(IncidentStatus.TRIGGERED).dedupKey(ARN)
                .alarmArn(ARN).alarmName("checkout-api-5xx-high").triggeredAt(t).openedAt(t).lastSeenAt(t)
                .alarmCount(1).version(1).build();
    }
}
