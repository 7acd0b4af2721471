package dev.firebell.incident;

import static dev.firebell.alarm.AlarmState.ALARM;
import static dev.firebell.alarm.AlarmState.INSUFFICIENT_DATA;
import static dev.firebell.alarm.AlarmState.OK;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import dev.firebell.alarm.AlarmStateChange;
import dev.firebell.alarm.Alarms;
import dev.firebell.config.FirebellConfig;
import dev.firebell.paging.PageDispatcher;
import dev.firebell.paging.ServiceTargetResolver;
import dev.firebell.routing.Routing;
import dev.firebell.routing.Severity;
import dev.firebell.service.InsufficientDataPolicy;
import dev.firebell.service.ServicePolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One short alarm story per kind of {@link Transition}: the rules decide its last state change as that kind. Tests of
 * every consumer of transitions take their kinds from {@link #kinds()} (the sealed interface's permitted subclasses),
 * so a new kind without a story here fails them. Service {@code checkout} groups alarms within 5 minutes,
 * auto-resolves, reopens within 15 minutes and ignores INSUFFICIENT_DATA.
 */
public final class TransitionScenarios {

    public static final String FIRST = "checkout-api-5xx-high";
    public static final String SECOND = "checkout-api-latency-p99";
    /** When the stories are handled: after all their alarms. */
    public static final Instant NOW = Instant.parse("2026-11-27T11:00:00Z");

    private TransitionScenarios() {
    }

    /** Every kind of transition there is. */
    @SuppressWarnings("unchecked")
    public static Stream<Class<? extends Transition>> kinds() {
        return Arrays.stream(Transition.class.getPermittedSubclasses()).map(c -> (Class<? extends Transition>) c);
    }

    /** The story whose last state change is decided as {@code kind}. */
    public static List<AlarmStateChange> story(Class<? extends Transition> kind) {
        Map<Class<? extends Transition>, List<AlarmStateChange>> stories = Map.of(
                Transition.Open.class, List.of(alarm(FIRST, "10:00")),
                Transition.Join.class, List.of(alarm(FIRST, "10:00"), alarm(SECOND, "10:01")),
                Transition.MemberOk.class, List.of(alarm(FIRST, "10:00"), alarm(SECOND, "10:01"), ok(FIRST, "10:02")),
                Transition.Fold.class, List.of(alarm(FIRST, "10:00"), alarm(FIRST, "10:01")),
                Transition.Resolve.class, List.of(alarm(FIRST, "10:00"), ok(FIRST, "10:05")),
                Transition.Reopen.class, List.of(alarm(FIRST, "10:00"), ok(FIRST, "10:05"), alarm(FIRST, "10:10")),
                Transition.Note.class, List.of(alarm(FIRST, "10:00"), ok(FIRST, "09:59")),
                Transition.RememberOk.class, List.of(ok(FIRST, "10:00")),
                Transition.Ignore.class, List.of(Alarms.change(FIRST, INSUFFICIENT_DATA, "2026-11-27T10:00:00Z")));
        List<AlarmStateChange> story = stories.get(kind);
        if (story == null) {
            throw new AssertionError("no story for " + kind.getSimpleName() + ": add one to TransitionScenarios");
        }
        return story;
    }

    /** The items a transition writes, whichever store keeps them. */
    public enum Written { EVENT_RECORD, TRACK, INCIDENT, INCIDENT_NUMBER, TIMELINE, PAGES, SERVICE_GROUP }

    /** What the last transition of {@code kind}'s story writes: each store's writes must agree. */
    public static Set<Written> writes(Class<? extends Transition> kind) {
        Set<Written> alarmOnIncident = EnumSet.of(Written.EVENT_RECORD, Written.TRACK, Written.INCIDENT,
                Written.TIMELINE);
        Map<Class<? extends Transition>, Set<Written>> writes = Map.of(
                Transition.Open.class, EnumSet.allOf(Written.class),
                Transition.Join.class, alarmOnIncident,
                Transition.MemberOk.class, alarmOnIncident,
                Transition.Fold.class, alarmOnIncident,
                Transition.Resolve.class, alarmOnIncident,
                Transition.Reopen.class, alarmOnIncident,
                Transition.Note.class, EnumSet.of(Written.EVENT_RECORD, Written.TRACK, Written.TIMELINE),
                Transition.RememberOk.class, EnumSet.of(Written.EVENT_RECORD, Written.TRACK),
                Transition.Ignore.class, EnumSet.noneOf(Written.class));
        Set<Written> written = writes.get(kind);
        if (written == null) {
            throw new AssertionError("no writes listed for " + kind.getSimpleName() + ": add them to TransitionScenarios");
        }
        return written;
    }

    /** The alarm use case on {@code store}, with the stories' configuration and clock; nobody is really paged. */
    public static AlarmService service(IncidentStore store) {
        ServicePolicy policy = new ServicePolicy("checkout", "team-checkout", true, Duration.ofMinutes(15),
                InsufficientDataPolicy.IGNORE, null, Duration.ofMinutes(5));
        FirebellConfig config = new FirebellConfig(Map.of("checkout", policy),
                new Routing(List.of(), "checkout", Severity.SEV2, false));
        PageDispatcher dispatcher = mock(PageDispatcher.class);
        lenient().when(dispatcher.send(anyList())).thenReturn(DispatchReport.NONE);
        lenient().when(dispatcher.redriveIncident(anyString())).thenReturn(DispatchReport.NONE);
        return new AlarmService(() -> config, store, new AlarmTransitions(new ServiceTargetResolver(),
                Duration.ofSeconds(60)), dispatcher, InstantSource.fixed(NOW));
    }

    /** Handles the story of {@code kind} on {@code store}: the outcome of each state change. */
    public static List<AlarmOutcome> tell(IncidentStore store, Class<? extends Transition> kind) {
        AlarmService service = service(store);
        List<AlarmOutcome> outcomes = new ArrayList<>();
        for (AlarmStateChange change : story(kind)) {
            outcomes.add(service.handle(change));
        }
        return outcomes;
    }

    /** One transition of {@code kind}, as the rules decide it at the end of its story. */
    public static Transition fixture(Class<? extends Transition> kind) {
        InMemoryIncidentStore store = new InMemoryIncidentStore();
        tell(store, kind);
        Transition last = store.applied.get(store.applied.size() - 1);
        if (!kind.isInstance(last)) {
            throw new AssertionError("the story of " + kind.getSimpleName() + " ends in " + last);
        }
        return last;
    }

    private static AlarmStateChange alarm(String name, String time) {
        return Alarms.change(name, ALARM, "2026-11-27T" + time + ":00Z");
    }

    private static AlarmStateChange ok(String name, String time) {
        return Alarms.change(name, OK, "2026-11-27T" + time + ":00Z");
    }
}
