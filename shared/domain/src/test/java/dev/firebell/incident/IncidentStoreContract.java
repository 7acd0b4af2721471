package dev.firebell.incident;

import static dev.firebell.incident.TransitionScenarios.FIRST;
import static dev.firebell.incident.TransitionScenarios.NOW;
import static dev.firebell.incident.TransitionScenarios.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.alarm.AlarmStateChange;
import dev.firebell.alarm.Alarms;
import dev.firebell.escalation.EscalationState;
import dev.firebell.paging.PageStatus;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link IncidentStore} does, whatever keeps the data: each kind of transition, redelivery, lost races,
 * grouping and incident numbers without gaps here; people's updates and the reads in
 * {@link IncidentStoreUpdatesAndReads}, and the console's lists in {@link IncidentStoreQueries}, which it extends. One
 * subclass per implementation: InMemoryIncidentStoreTest
 * (the fake the domain's tests and properties use) and DynamoIncidentStoreTest (shared/aws, on the emulator). Alarms
 * come through the real rules ({@link TransitionScenarios}: service checkout groups within 5 minutes, auto-resolves,
 * reopens within 15). A decision that loses a race is made with {@link AlarmService#decide} and written later, as a
 * slower writer's would be.
 */
public abstract class IncidentStoreContract extends IncidentStoreQueries {

    // ------------------------------------------------------------------ every kind of transition

    @Test
    public void open_shouldWriteTheIncidentItsTrackTimelinePagesAndTheServicesGroup() {
        AlarmOutcome opened = alarms.handle(alarm(FIRST, "10:00"));

        assertThat(opened.kind()).isEqualTo(AlarmOutcome.Kind.OPENED);
        Incident incident = store.incident("1").orElseThrow();
        assertThat(incident.status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(incident.alarmCount()).isEqualTo(1);
        assertThat(incident.group()).isEqualTo(new AlarmGroup(1, 1, List.of(FIRST)));
        assertThat(incident.version()).isEqualTo(1);
        assertThat(store.track(ARN)).isEqualTo(new AlarmTrack(ARN, "1", true, null, false, at("10:00"), null, 1));
        assertThat(types("1")).startsWith(TimelineEntryType.OPENED);
        assertThat(store.pages("1")).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(PageStatus.PENDING);
            assertThat(p.target()).isEqualTo("team-checkout");
        });
        assertThat(store.serviceGroup("checkout")).isEqualTo(new ServiceGroup("checkout", "1", at("10:00"), 1));
        assertThat(store.openIncidents()).extracting(Incident::id).containsExactly("1");
    }

    @Test
    public void join_shouldCountTheAlarmInTheOpenGroupedIncident_andPageNobody() {
        alarms.handle(alarm(FIRST, "10:00"));

        assertThat(alarms.handle(alarm(SECOND, "10:01")).kind()).isEqualTo(AlarmOutcome.Kind.GROUPED);

        Incident incident = store.incident("1").orElseThrow();
        assertThat(incident.group()).isEqualTo(new AlarmGroup(2, 2, List.of(FIRST, SECOND)));
        assertThat(incident.alarmCount()).isEqualTo(2);
        assertThat(incident.lastSeenAt()).isEqualTo(NOW);
        assertThat(incident.version()).isEqualTo(2);
        assertThat(store.track(Alarms.arn(SECOND)).incidentId()).isEqualTo("1");
        assertThat(types("1")).endsWith(TimelineEntryType.GROUPED);
        assertThat(store.pages("1")).hasSize(1);
        assertThat(store.nextIncidentId()).isEqualTo("2");
    }

    @Test
    public void memberOk_shouldCountTheAlarmOut_andKeepTheIncidentOpen() {
        alarms.handle(alarm(FIRST, "10:00"));
        alarms.handle(alarm(SECOND, "10:01"));

        assertThat(alarms.handle(ok(FIRST, "10:02")).kind()).isEqualTo(AlarmOutcome.Kind.GROUPED_OK);

        Incident incident = store.incident("1").orElseThrow();
        assertThat(incident.group()).isEqualTo(new AlarmGroup(1, 2, List.of(FIRST, SECOND)));
        assertThat(incident.status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(store.track(ARN).open()).isFalse();
        assertThat(store.track(ARN).lastOkAt()).isEqualTo(at("10:02"));
        assertThat(types("1")).endsWith(TimelineEntryType.GROUPED_OK);
    }

    @Test
    public void fold_shouldCountTheRepeat_andPageNobody() {
        alarms.handle(alarm(FIRST, "10:00"));

        assertThat(alarms.handle(alarm(FIRST, "10:01")).kind()).isEqualTo(AlarmOutcome.Kind.DUPLICATE_SUPPRESSED);

        Incident incident = store.incident("1").orElseThrow();
        assertThat(incident.alarmCount()).isEqualTo(2);
        assertThat(incident.lastSeenAt()).isEqualTo(NOW);
        assertThat(store.track(ARN).lastAlarmAt()).isEqualTo(at("10:01"));
        assertThat(types("1")).endsWith(TimelineEntryType.DUPLICATE_SUPPRESSED);
        assertThat(store.pages("1")).hasSize(1);
    }

    @Test
    public void resolve_shouldCloseTheIncidentAtTheOksTime_andTakeItOutOfTheOpenOnes() {
        alarms.handle(alarm(FIRST, "10:00"));

        assertThat(alarms.handle(ok(FIRST, "10:05")).kind()).isEqualTo(AlarmOutcome.Kind.RESOLVED);

        Incident incident = store.incident("1").orElseThrow();
        assertThat(incident.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(incident.resolvedAt()).isEqualTo(at("10:05"));
        assertThat(incident.resolvedBy()).isEqualTo(Incident.RESOLVED_BY_ALARM);
        assertThat(incident.statusBeforeResolve()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(incident.group().inAlarm()).isZero();
        assertThat(store.track(ARN)).isEqualTo(new AlarmTrack(ARN, "1", false, at("10:05"), true, at("10:00"),
                at("10:05"), 2));
        assertThat(store.openIncidents()).isEmpty();
        assertThat(types("1")).endsWith(TimelineEntryType.RESOLVED);
    }

    @Test
    public void reopen_shouldRestoreTheStatusBeforeTheResolve_andCountTheAlarmAgain() {
        alarms.handle(alarm(FIRST, "10:00"));
        alarms.handle(ok(FIRST, "10:05"));

        assertThat(alarms.handle(alarm(FIRST, "10:10")).kind()).isEqualTo(AlarmOutcome.Kind.REOPENED);

        Incident incident = store.incident("1").orElseThrow();
        assertThat(incident.status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(incident.reopenCount()).isEqualTo(1);
        assertThat(incident.alarmCount()).isEqualTo(2);
        assertThat(incident.lastSeenAt()).isEqualTo(NOW);
        assertThat(incident.resolvedAt()).isNull();
        assertThat(incident.resolvedBy()).isNull();
        assertThat(incident.statusBeforeResolve()).isNull();
        assertThat(incident.group().inAlarm()).isEqualTo(1);
        assertThat(store.openIncidents()).extracting(Incident::id).containsExactly("1");
        assertThat(types("1")).endsWith(TimelineEntryType.REOPENED);
        assertThat(store.pages("1")).as("a flap pages nobody").hasSize(1);
    }

    @Test
    public void note_shouldOnlyAddToTheTimeline_andRememberTheOk() {
        alarms.handle(alarm(FIRST, "10:00"));
        Incident before = store.incident("1").orElseThrow();

        assertThat(alarms.handle(ok(FIRST, "09:59")).kind()).isEqualTo(AlarmOutcome.Kind.NOTED);

        assertThat(store.incident("1")).contains(before);
        assertThat(types("1")).endsWith(TimelineEntryType.OUT_OF_ORDER_IGNORED);
        assertThat(store.track(ARN).lastOkAt()).isEqualTo(at("09:59"));
    }

    @Test
    public void rememberOk_shouldWriteOnlyTheTrack() {
        assertThat(alarms.handle(ok(FIRST, "10:00")).kind()).isEqualTo(AlarmOutcome.Kind.OK_REMEMBERED);

        assertThat(store.track(ARN)).isEqualTo(new AlarmTrack(ARN, null, false, null, false, null, at("10:00"), 1));
        assertThat(store.nextIncidentId()).isEqualTo("1");
        assertThat(store.openIncidents()).isEmpty();
        // The late ALARM it follows is recorded, already over, and pages nobody.
        assertThat(alarms.handle(alarm(FIRST, "09:58")).kind()).isEqualTo(AlarmOutcome.Kind.OPENED_RECOVERED);
        assertThat(store.pages("1")).isEmpty();
    }

    @Test
    public void ignore_shouldWriteNothing_notEvenItsEventRecord() {
        AlarmStateChange insufficient = Alarms.change(FIRST, dev.firebell.alarm.AlarmState.INSUFFICIENT_DATA,
                "2026-11-27T10:00:00Z");

        assertThat(alarms.handle(insufficient).kind()).isEqualTo(AlarmOutcome.Kind.IGNORED);
        assertThat(alarms.handle(insufficient).kind()).as("decided afresh").isEqualTo(AlarmOutcome.Kind.IGNORED);

        assertThat(store.track(ARN)).isEqualTo(AlarmTrack.none(ARN));
        assertThat(store.nextIncidentId()).isEqualTo("1");
    }

    @Test
    public void releases_shouldCountTheAlarmOutOfTheGroupedIncidentAPersonResolved_whenItOpensANewOne() {
        alarms.handle(alarm(FIRST, "10:00"));
        Incident grouped = store.incident("1").orElseThrow();
        store.update(grouped.toBuilder().status(IncidentStatus.RESOLVED).resolvedAt(NOW).resolvedBy("alice")
                .statusBeforeResolve(IncidentStatus.TRIGGERED).build(), List.of(), List.of(), null);

        // Still counted in ALARM there (a person's resolve leaves a grouped incident's tracks alone), it fires again.
        Transition open = alarms.decide(alarm(FIRST, "10:30"));
        assertThat(open).isInstanceOf(Transition.Open.class);
        assertThat(open.releases()).isEqualTo("1");
        store.apply(open, "released");

        assertThat(store.incident("1").orElseThrow().group().inAlarm()).isZero();
        assertThat(store.incident("1").orElseThrow().version()).isEqualTo(3);
        assertThat(store.incident("2").orElseThrow().status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(store.track(ARN).incidentId()).isEqualTo("2");
    }

    @Test
    public void escalation_shouldBeWrittenWithTheOpen_andCarriedOnByTheReopen_eachGuardedByItsVersion() {
        Transition.Open decided = (Transition.Open) alarms.decide(alarm(FIRST, "10:00"));
        EscalationState started = EscalationState.start("1", "checkout-policy", at("10:05"), 2);
        store.apply(new Transition.Open(decided.track(), decided.incident(), decided.entries(), decided.pages(),
                started, decided.group(), null), "open");

        assertThat(store.escalation("1")).contains(withVersion(started, 1));

        alarms.handle(ok(FIRST, "10:05"));
        Transition.Reopen reopen = (Transition.Reopen) alarms.decide(alarm(FIRST, "10:10"));
        assertThat(reopen.escalation()).as("read back for the flap").isNotNull();
        store.apply(reopen, "reopen");
        assertThat(store.escalation("1")).contains(withVersion(reopen.escalation(), 2));
    }

    public static Stream<Class<? extends Transition>> kinds() {
        return TransitionScenarios.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    public void everyKind_shouldEndItsStory_andARedeliveryOfItsLastEventChangesNothing(Class<? extends Transition> kind) {
        List<AlarmOutcome> outcomes = TransitionScenarios.tell(store, kind);
        AlarmStateChange last = TransitionScenarios.story(kind).get(outcomes.size() - 1);
        List<Object> before = everything();

        AlarmOutcome again = alarms.handle(last);

        // An OK the track has seen is old news to the rules, ignored before the store sees it; the rest reach the
        // store, whose event record recognises them.
        boolean oldNews = Set.of(Transition.MemberOk.class, Transition.Resolve.class, Transition.RememberOk.class,
                Transition.Ignore.class).contains(kind);
        assertThat(again.kind()).isEqualTo(oldNews ? AlarmOutcome.Kind.IGNORED : AlarmOutcome.Kind.REDELIVERY);
        assertThat(again.incidentId()).isEqualTo(outcomes.get(outcomes.size() - 1).incidentId());
        assertThat(everything()).isEqualTo(before);
    }

    // ------------------------------------------------------------------ redelivery

    @Test
    public void apply_shouldRefuseAnEventKeySeenBefore_namingTheFirstDeliverysIncident_andWriteNothing() {
        store.apply(alarms.decide(alarm(FIRST, "10:00")), "event-1");
        Transition fold = alarms.decide(alarm(FIRST, "10:01"));
        List<Object> before = everything();

        assertThatThrownBy(() -> store.apply(fold, "event-1"))
                .isInstanceOfSatisfying(EventAlreadyProcessedException.class,
                        e -> assertThat(e.incidentId()).isEqualTo("1"));
        assertThat(everything()).isEqualTo(before);
        assertThat(store.track(ARN).version()).isEqualTo(1);
    }

    @Test
    public void apply_shouldReportARedelivery_beforeAnyOtherConditionItFails() {
        Transition open = alarms.decide(alarm(FIRST, "10:00"));
        store.apply(open, "event-1");

        // The same decision again fails its track, incident and number conditions too: the event record is checked
        // first, so it reads as what it is, a redelivery.
        assertThatThrownBy(() -> store.apply(open, "event-1")).isInstanceOf(EventAlreadyProcessedException.class);
        assertThatThrownBy(() -> store.apply(open, "event-2")).isInstanceOf(ConcurrentChangeException.class);
    }

    // ------------------------------------------------------------------ lost races

    @Test
    public void apply_shouldRefuseADecisionFromAStaleTrack_writeNothing_andLetItBeDecidedAgain() {
        Transition first = alarms.decide(alarm(FIRST, "10:00"));
        Transition second = alarms.decide(alarm(FIRST, "10:00:01"));
        store.apply(first, "event-1");
        List<Object> before = everything();

        assertThatThrownBy(() -> store.apply(second, "event-2")).isInstanceOf(ConcurrentChangeException.class);

        assertThat(everything()).isEqualTo(before);
        assertThat(store.nextIncidentId()).as("the loser took no number").isEqualTo("2");
        Transition again = alarms.decide(alarm(FIRST, "10:00:01"));
        assertThat(again).isInstanceOf(Transition.Fold.class);
        store.apply(again, "event-2");
        assertThat(store.incident("1").orElseThrow().alarmCount()).isEqualTo(2);
    }

    @Test
    public void apply_shouldRefuseAResolveDecidedOnAStaleIncidentVersion() {
        alarms.handle(alarm(FIRST, "10:00"));
        alarms.handle(alarm(SECOND, "10:01"));
        alarms.handle(ok(SECOND, "10:02"));
        Transition resolve = alarms.decide(ok(FIRST, "10:03"));
        assertThat(resolve).isInstanceOf(Transition.Resolve.class);
        alarms.handle(alarm(SECOND, "10:04")); // back in ALARM: the incident's version moves on
        List<Object> before = everything();

        assertThatThrownBy(() -> store.apply(resolve, "stale-resolve")).isInstanceOf(ConcurrentChangeException.class);

        assertThat(everything()).isEqualTo(before);
        assertThat(alarms.handle(ok(FIRST, "10:03")).kind()).as("decided again").isEqualTo(AlarmOutcome.Kind.GROUPED_OK);
    }

    @Test
    public void apply_shouldRefuseAJoinIntoAnIncidentResolvedMeanwhile() {
        alarms.handle(alarm(FIRST, "10:00"));
        Transition join = alarms.decide(alarm(SECOND, "10:01"));
        assertThat(join).isInstanceOf(Transition.Join.class);
        alarms.handle(ok(FIRST, "10:02"));
        List<Object> before = everything();

        assertThatThrownBy(() -> store.apply(join, "late-join")).isInstanceOf(ConcurrentChangeException.class);

        assertThat(everything()).isEqualTo(before);
    }

    @Test
    public void apply_shouldLetOnlyOneOfTwoMembersReturningAtOnceCountOnTheOther() {
        alarms.handle(alarm(FIRST, "10:00"));
        alarms.handle(alarm(SECOND, "10:01"));
        Transition firstOk = alarms.decide(ok(FIRST, "10:05"));
        Transition secondOk = alarms.decide(ok(SECOND, "10:05"));
        assertThat(List.of(firstOk, secondOk)).allSatisfy(t -> assertThat(t).isInstanceOf(Transition.MemberOk.class));

        store.apply(firstOk, "ok-1");
        assertThatThrownBy(() -> store.apply(secondOk, "ok-2")).isInstanceOf(ConcurrentChangeException.class);

        assertThat(alarms.handle(ok(SECOND, "10:05")).kind()).as("decided again, as the last")
                .isEqualTo(AlarmOutcome.Kind.RESOLVED);
        assertThat(store.incident("1").orElseThrow().group().inAlarm()).isZero();
    }

    @Test
    public void apply_shouldLetOnlyOneOfTwoAlarmsOpenTheServicesIncident_theOtherJoinsIt() {
        Transition first = alarms.decide(alarm(FIRST, "10:00"));
        Transition second = alarms.decide(alarm(SECOND, "10:00:01"));
        store.apply(first, "event-1");

        assertThatThrownBy(() -> store.apply(second, "event-2")).isInstanceOf(ConcurrentChangeException.class);

        assertThat(store.track(Alarms.arn(SECOND))).isEqualTo(AlarmTrack.none(Alarms.arn(SECOND)));
        assertThat(alarms.handle(alarm(SECOND, "10:00:01")).kind()).isEqualTo(AlarmOutcome.Kind.GROUPED);
        assertThat(store.nextIncidentId()).isEqualTo("2");
    }

    // ------------------------------------------------------------------ numbers

    @Test
    public void nextIncidentId_shouldBeOneOnAnEmptyStore_andTakeNothingWhenAsked() {
        assertThat(store.nextIncidentId()).isEqualTo("1");
        assertThat(store.nextIncidentId()).isEqualTo("1");
    }

    @Test
    public void numbers_shouldHaveNoGaps_whoeverOpensAndWhoeverLoses() {
        // Two alarms ten minutes apart (no grouping between them), decided at once: both propose #1, the loser
        // takes no number, and decided again it opens #2.
        Transition a = alarms.decide(alarm(FIRST, "10:00"));
        Transition b = alarms.decide(alarm(SECOND, "10:10"));
        store.apply(a, "a");
        assertThatThrownBy(() -> store.apply(b, "b")).isInstanceOf(ConcurrentChangeException.class);
        assertThat(store.nextIncidentId()).isEqualTo("2");
        assertThat(alarms.handle(alarm(SECOND, "10:10")).incidentId()).isEqualTo("2");

        store.update(declared("3", NOW), List.of(), List.of(), null);
        assertThat(store.nextIncidentId()).isEqualTo("4");
        assertThat(List.of("1", "2", "3")).allSatisfy(id -> assertThat(store.incident(id)).isPresent());
    }

    @Test
    public void update_shouldRefuseToCreateAnIncidentWhoseNumberIsNotTheNext_orNotANumber() {
        store.update(declared("1", NOW), List.of(), List.of(), null);

        assertThatThrownBy(() -> store.update(declared("3", NOW), List.of(), List.of(), null))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThatThrownBy(() -> store.update(declared("1", NOW), List.of(), List.of(), null))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThatThrownBy(() -> store.update(declared("INC-2", NOW), List.of(), List.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'INC-2' is not a positive number");

        assertThat(store.incident("3")).isEmpty();
        assertThat(store.nextIncidentId()).isEqualTo("2");
    }

    // ------------------------------------------------------------------ helpers

    /** What the reads say about the stories' alarms and the first incidents: a snapshot to compare. */
    private List<Object> everything() {
        List<Object> all = new ArrayList<>();
        for (String name : List.of(FIRST, SECOND)) {
            all.add(store.track(Alarms.arn(name)));
        }
        for (String id : List.of("1", "2")) {
            all.add(store.incident(id));
            all.add(store.timeline(id));
            all.add(store.pages(id));
            all.add(store.escalation(id));
        }
        all.add(store.serviceGroup("checkout"));
        all.add(store.nextIncidentId());
        all.add(store.openIncidents());
        return all;
    }

    private List<TimelineEntryType> types(String incidentId) {
        return store.timeline(incidentId).stream().map(TimelineEntry::type).toList();
    }
}
