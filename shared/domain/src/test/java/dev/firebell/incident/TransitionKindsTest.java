package dev.firebell.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.incident.TransitionScenarios.Written;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of transition (found reflectively: the sealed interface's permitted subclasses) has a story, and every
 * consumer in the domain handles it: the alarm's outcome names it, the in-memory store writes what it needs. A new kind
 * fails here until each says what it means. DynamoDB's writes: TransitionWritesTest in shared/aws.
 */
class TransitionKindsTest {

    private static final Map<Class<? extends Transition>, AlarmOutcome.Kind> OUTCOMES = Map.of(
            Transition.Open.class, AlarmOutcome.Kind.OPENED,
            Transition.Join.class, AlarmOutcome.Kind.GROUPED,
            Transition.MemberOk.class, AlarmOutcome.Kind.GROUPED_OK,
            Transition.Fold.class, AlarmOutcome.Kind.DUPLICATE_SUPPRESSED,
            Transition.Resolve.class, AlarmOutcome.Kind.RESOLVED,
            Transition.Reopen.class, AlarmOutcome.Kind.REOPENED,
            Transition.Note.class, AlarmOutcome.Kind.NOTED,
            Transition.RememberOk.class, AlarmOutcome.Kind.OK_REMEMBERED,
            Transition.Ignore.class, AlarmOutcome.Kind.IGNORED);

    static Stream<Class<? extends Transition>> kinds() {
        return TransitionScenarios.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyKind_shouldHaveAStoryThatEndsInIt(Class<? extends Transition> kind) {
        assertThat(TransitionScenarios.fixture(kind)).isInstanceOf(kind);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void alarmService_shouldNameWhatEveryKindDid(Class<? extends Transition> kind) {
        List<AlarmOutcome> outcomes = TransitionScenarios.tell(new InMemoryIncidentStore(), kind);

        assertThat(OUTCOMES).as("the outcome of " + kind.getSimpleName()).containsKey(kind);
        assertThat(outcomes.get(outcomes.size() - 1).kind()).isEqualTo(OUTCOMES.get(kind));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void inMemoryStore_shouldWriteWhatEveryKindNeeds(Class<? extends Transition> kind) {
        InMemoryIncidentStore told = new InMemoryIncidentStore();
        TransitionScenarios.tell(told, kind);
        List<Transition> story = told.applied.subList(0, told.applied.size() - 1);
        Transition last = told.applied.get(told.applied.size() - 1);
        InMemoryIncidentStore before = replay(story);
        InMemoryIncidentStore after = replay(story);

        after.apply(last, "the-last-event");

        assertThat(written(before, after)).isEqualTo(TransitionScenarios.writes(kind));
    }

    /** A store that was given these transitions. */
    private static InMemoryIncidentStore replay(List<Transition> transitions) {
        InMemoryIncidentStore store = new InMemoryIncidentStore();
        int i = 0;
        for (Transition t : transitions) {
            store.apply(t, "event-" + i++);
        }
        return store;
    }

    private static Set<Written> written(InMemoryIncidentStore before, InMemoryIncidentStore after) {
        Set<Written> out = EnumSet.noneOf(Written.class);
        if (after.events.size() > before.events.size()) {
            out.add(Written.EVENT_RECORD);
        }
        if (!unversioned(after.tracks).equals(unversioned(before.tracks)) || versions(after.tracks) > versions(before.tracks)) {
            out.add(Written.TRACK);
        }
        if (!after.incidents.equals(before.incidents)) {
            out.add(Written.INCIDENT);
        }
        if (!after.nextIncidentId().equals(before.nextIncidentId())) {
            out.add(Written.INCIDENT_NUMBER);
        }
        if (!after.timelines.equals(before.timelines)) {
            out.add(Written.TIMELINE);
        }
        if (!after.pages.equals(before.pages)) {
            out.add(Written.PAGES);
        }
        if (!after.groups.equals(before.groups)) {
            out.add(Written.SERVICE_GROUP);
        }
        return out;
    }

    private static Map<String, AlarmTrack> unversioned(Map<String, AlarmTrack> tracks) {
        Map<String, AlarmTrack> out = new HashMap<>();
        tracks.forEach((k, t) -> out.put(k, new AlarmTrack(t.dedupKey(), t.incidentId(), t.open(), t.resolvedAt(),
                t.autoResolved(), t.lastAlarmAt(), t.lastOkAt(), 0)));
        return out;
    }

    private static long versions(Map<String, AlarmTrack> tracks) {
        return tracks.values().stream().mapToLong(AlarmTrack::version).sum();
    }
}
