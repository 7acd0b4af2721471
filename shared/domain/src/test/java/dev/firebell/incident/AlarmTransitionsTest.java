package dev.firebell.incident;

import static dev.firebell.alarm.AlarmState.ALARM;
import static dev.firebell.alarm.AlarmState.INSUFFICIENT_DATA;
import static dev.firebell.alarm.AlarmState.OK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.alarm.AlarmStateChange;
import dev.firebell.alarm.Alarms;
import dev.firebell.paging.PageReason;
import dev.firebell.paging.ServiceTargetResolver;
import dev.firebell.routing.RoutingDecision;
import dev.firebell.routing.Severity;
import dev.firebell.service.InsufficientDataPolicy;
import dev.firebell.service.ServicePolicy;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlarmTransitionsTest {

    private static final String NAME = "checkout-api-5xx-high";
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:30Z");
    private static final RoutingDecision ROUTE = new RoutingDecision("checkout", Severity.SEV2, "rule 'checkout'", List.of());

    private final AlarmTransitions transitions = new AlarmTransitions(new ServiceTargetResolver(), Duration.ofSeconds(60));
    private ServicePolicy policy = new ServicePolicy("checkout", "team-checkout", true, Duration.ofMinutes(15),
            InsufficientDataPolicy.IGNORE);

    @Test
    void decide_shouldOpenAnIncidentAndQueueOnePage_whenTheAlarmIsNew() {
        Transition t = decide(Alarms.change(NAME, ALARM, "2026-11-27T10:00:00Z"), AlarmTrack.none(Alarms.arn(NAME)), null);

        assertThat(t).isInstanceOf(Transition.Open.class);
        Transition.Open open = (Transition.Open) t;
        assertThat(open.incident().id()).isEqualTo("7");
        assertThat(open.incident().status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(open.incident().service()).isEqualTo("checkout");
        assertThat(open.incident().severity()).isEqualTo(Severity.SEV2);
        assertThat(open.incident().triggeredAt()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(open.entries()).extracting(e -> e.type()).containsExactly(TimelineEntryType.OPENED);
        assertThat(open.pages()).singleElement().satisfies(p -> {
            assertThat(p.target()).isEqualTo("team-checkout");
            assertThat(p.reason()).isEqualTo(PageReason.TRIGGERED);
            assertThat(p.pageId()).isEqualTo("7-1");
            assertThat(p.claimToken()).isEqualTo("token");
            assertThat(p.dueAt()).isEqualTo(NOW.plusSeconds(60));
        });
        assertThat(open.track().open()).isTrue();
        assertThat(open.track().incidentId()).isEqualTo("7");
    }

    @Test
    void decide_shouldWriteRoutingNotesOnTheTimeline() {
        RoutingDecision noted = new RoutingDecision("checkout", Severity.SEV2, "default route",
                List.of("description hint service=billing names no configured service"));
        Transition t = transitions.decide(Alarms.change(NAME, ALARM, "2026-11-27T10:00:00Z"),
                AlarmTrack.none(Alarms.arn(NAME)), Optional.empty(),
                new AlarmTransitions.Context(noted, policy, NOW, () -> "7", "token"));
        assertThat(((Transition.Open) t).entries()).extracting(e -> e.type())
                .containsExactly(TimelineEntryType.OPENED, TimelineEntryType.ROUTING_NOTE);
    }

    @Test
    void decide_shouldFoldWithoutPaging_whenTheIncidentIsOpen() {
        Incident open = incident(IncidentStatus.TRIGGERED, null);
        AlarmTrack track = track(true, null, false, "2026-11-27T10:00:00Z", null);

        Transition t = decide(Alarms.change(NAME, ALARM, "2026-11-27T10:05:00Z"), track, open);

        assertThat(t).isInstanceOf(Transition.Fold.class);
        Transition.Fold fold = (Transition.Fold) t;
        assertThat(fold.entry().type()).isEqualTo(TimelineEntryType.DUPLICATE_SUPPRESSED);
        assertThat(fold.entry().summary()).contains("nobody paged");
        assertThat(fold.track().lastAlarmAt()).isEqualTo(Instant.parse("2026-11-27T10:05:00Z"));
        assertThat(fold.track().version()).isEqualTo(track.version());
    }

    @Test
    void decide_shouldKeepTheNewestAlarmTime_whenAnOlderDuplicateArrivesLate() {
        Transition t = decide(Alarms.change(NAME, ALARM, "2026-11-27T09:59:00Z"),
                track(true, null, false, "2026-11-27T10:05:00Z", null), incident(IncidentStatus.TRIGGERED, null));
        assertThat(t.track().lastAlarmAt()).isEqualTo(Instant.parse("2026-11-27T10:05:00Z"));
    }

    @Test
    void decide_shouldResolve_whenTheAlarmReturnsToOk() {
        Transition t = decide(Alarms.change(NAME, OK, "2026-11-27T10:20:00Z"),
                track(true, null, false, "2026-11-27T10:00:00Z", null), incident(IncidentStatus.ACKNOWLEDGED, null));

        assertThat(t).isInstanceOf(Transition.Resolve.class);
        assertThat(t.track().open()).isFalse();
        assertThat(t.track().autoResolved()).isTrue();
        assertThat(t.track().resolvedAt()).isEqualTo(Instant.parse("2026-11-27T10:20:00Z"));
        assertThat(((Transition.Resolve) t).entry().type()).isEqualTo(TimelineEntryType.RESOLVED);
    }

    @Test
    void decide_shouldNotResolve_whenTheOkIsOlderThanTheAlarm() {
        Transition t = decide(Alarms.change(NAME, OK, "2026-11-27T09:59:59Z"),
                track(true, null, false, "2026-11-27T10:00:00Z", null), incident(IncidentStatus.TRIGGERED, null));

        assertThat(t).isInstanceOf(Transition.Note.class);
        assertThat(((Transition.Note) t).entry().type()).isEqualTo(TimelineEntryType.OUT_OF_ORDER_IGNORED);
        assertThat(t.track().open()).isTrue();
    }

    @Test
    void decide_shouldOnlyNote_whenTheServiceDoesNotAutoResolve() {
        policy = new ServicePolicy("checkout", "team-checkout", false, Duration.ofMinutes(15), InsufficientDataPolicy.IGNORE);
        Transition t = decide(Alarms.change(NAME, OK, "2026-11-27T10:20:00Z"),
                track(true, null, false, "2026-11-27T10:00:00Z", null), incident(IncidentStatus.TRIGGERED, null));
        assertThat(t).isInstanceOf(Transition.Note.class);
        assertThat(((Transition.Note) t).entry().summary()).contains("does not auto-resolve");
    }

    @Test
    void decide_shouldReopenInsteadOfOpening_whenTheAlarmFlapsWithinTheWindow() {
        Incident resolved = incident(IncidentStatus.RESOLVED, IncidentStatus.ACKNOWLEDGED);
        Transition t = decide(Alarms.change(NAME, ALARM, "2026-11-27T10:30:00Z"),
                track(false, "2026-11-27T10:20:00Z", true, "2026-11-27T10:00:00Z", "2026-11-27T10:20:00Z"), resolved);

        assertThat(t).isInstanceOf(Transition.Reopen.class);
        Transition.Reopen reopen = (Transition.Reopen) t;
        assertThat(reopen.incident().status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(reopen.entry().type()).isEqualTo(TimelineEntryType.REOPENED);
        assertThat(reopen.entry().summary()).contains("10 min after it resolved");
        assertThat(t.track().open()).isTrue();
    }

    @Test
    void decide_shouldOpenANewIncident_whenTheAlarmReturnsAfterTheWindow() {
        Transition t = decide(Alarms.change(NAME, ALARM, "2026-11-27T10:35:01Z"),
                track(false, "2026-11-27T10:20:00Z", true, "2026-11-27T10:00:00Z", "2026-11-27T10:20:00Z"),
                incident(IncidentStatus.RESOLVED, IncidentStatus.TRIGGERED));
        assertThat(t).isInstanceOf(Transition.Open.class);
        assertThat(((Transition.Open) t).pages()).hasSize(1);
    }

    @Test
    void decide_shouldOpenANewIncident_whenTheLastOneWasResolvedByAPerson() {
        Transition t = decide(Alarms.change(NAME, ALARM, "2026-11-27T10:25:00Z"),
                track(false, "2026-11-27T10:20:00Z", false, "2026-11-27T10:00:00Z", null),
                incident(IncidentStatus.RESOLVED, IncidentStatus.TRIGGERED));
        assertThat(t).isInstanceOf(Transition.Open.class);
    }

    @Test
    void decide_shouldNotReopen_whenTheWindowIsZero() {
        policy = new ServicePolicy("checkout", "team-checkout", true, Duration.ZERO, InsufficientDataPolicy.IGNORE);
        Transition t = decide(Alarms.change(NAME, ALARM, "2026-11-27T10:21:00Z"),
                track(false, "2026-11-27T10:20:00Z", true, "2026-11-27T10:00:00Z", "2026-11-27T10:20:00Z"),
                incident(IncidentStatus.RESOLVED, IncidentStatus.TRIGGERED));
        assertThat(t).isInstanceOf(Transition.Open.class);
    }

    @Test
    void decide_shouldNotReopen_whenAnOkNewerThanTheFlapsAlarmArrivedFirst() {
        // ALARM 10:00, OK 10:20 (resolved), ALARM 10:25, OK 10:27: the last OK arrived before the ALARM of 10:25.
        Transition t = decide(Alarms.change(NAME, ALARM, "2026-11-27T10:25:00Z"),
                track(false, "2026-11-27T10:20:00Z", true, "2026-11-27T10:00:00Z", "2026-11-27T10:27:00Z"),
                incident(IncidentStatus.RESOLVED, IncidentStatus.TRIGGERED));

        assertThat(t).isInstanceOf(Transition.Note.class);
        assertThat(((Transition.Note) t).entry().type()).isEqualTo(TimelineEntryType.OUT_OF_ORDER_IGNORED);
        assertThat(((Transition.Note) t).entry().summary()).contains("after the OK from 2026-11-27T10:27:00Z; ignored");
    }

    @Test
    void decide_shouldIgnoreAnAlarmOlderThanTheOkThatResolvedIt() {
        Transition t = decide(Alarms.change(NAME, ALARM, "2026-11-27T10:10:00Z"),
                track(false, "2026-11-27T10:20:00Z", true, "2026-11-27T10:00:00Z", "2026-11-27T10:20:00Z"),
                incident(IncidentStatus.RESOLVED, IncidentStatus.TRIGGERED));
        assertThat(t).isInstanceOf(Transition.Note.class);
        assertThat(((Transition.Note) t).entry().type()).isEqualTo(TimelineEntryType.OUT_OF_ORDER_IGNORED);
    }

    @Test
    void decide_shouldOpenAlreadyResolvedWithoutPaging_whenItsOkArrivedFirst() {
        AlarmTrack okSeen = new AlarmTrack(Alarms.arn(NAME), null, false, null, false, null,
                Instant.parse("2026-11-27T10:20:00Z"), 1);
        Transition t = decide(Alarms.change(NAME, ALARM, "2026-11-27T10:00:00Z"), okSeen, null);

        assertThat(t).isInstanceOf(Transition.Open.class);
        Transition.Open open = (Transition.Open) t;
        assertThat(open.incident().status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(open.incident().resolvedAt()).isEqualTo(Instant.parse("2026-11-27T10:20:00Z"));
        assertThat(open.pages()).isEmpty();
        assertThat(open.entries()).extracting(e -> e.type())
                .containsExactly(TimelineEntryType.OPENED, TimelineEntryType.RESOLVED);
        assertThat(open.track().open()).isFalse();
    }

    @Test
    void decide_shouldRememberAnOk_whenNothingIsOpen() {
        Transition t = decide(Alarms.change(NAME, OK, "2026-11-27T10:20:00Z"), AlarmTrack.none(Alarms.arn(NAME)), null);
        assertThat(t).isInstanceOf(Transition.RememberOk.class);
        assertThat(t.track().lastOkAt()).isEqualTo(Instant.parse("2026-11-27T10:20:00Z"));
    }

    @Test
    void decide_shouldIgnoreInsufficientData_byDefault() {
        Transition t = decide(Alarms.change(NAME, INSUFFICIENT_DATA, "2026-11-27T10:20:00Z"),
                track(true, null, false, "2026-11-27T10:00:00Z", null), incident(IncidentStatus.TRIGGERED, null));
        assertThat(t).isInstanceOf(Transition.Ignore.class);
    }

    @Test
    void decide_shouldNoteInsufficientData_whenThePolicySaysNote() {
        policy = new ServicePolicy("checkout", "team-checkout", true, Duration.ofMinutes(15), InsufficientDataPolicy.NOTE);
        Transition t = decide(Alarms.change(NAME, INSUFFICIENT_DATA, "2026-11-27T10:20:00Z"),
                track(true, null, false, "2026-11-27T10:00:00Z", null), incident(IncidentStatus.TRIGGERED, null));
        assertThat(t).isInstanceOf(Transition.Note.class);
        assertThat(((Transition.Note) t).entry().type()).isEqualTo(TimelineEntryType.INSUFFICIENT_DATA);

        Transition none = decide(Alarms.change(NAME, INSUFFICIENT_DATA, "2026-11-27T10:20:00Z"),
                AlarmTrack.none(Alarms.arn(NAME)), null);
        assertThat(none).isInstanceOf(Transition.Ignore.class);
    }

    @Test
    void decide_shouldOpenAndPage_whenThePolicyTreatsInsufficientDataAsAlarm() {
        policy = new ServicePolicy("checkout", "team-checkout", true, Duration.ofMinutes(15), InsufficientDataPolicy.ALARM);
        Transition t = decide(Alarms.change(NAME, INSUFFICIENT_DATA, "2026-11-27T10:20:00Z"),
                AlarmTrack.none(Alarms.arn(NAME)), null);
        assertThat(t).isInstanceOf(Transition.Open.class);
        assertThat(((Transition.Open) t).pages()).hasSize(1);
    }

    @Test
    void decide_shouldNameACompositesChildAlarmsOnItsOpenedEntry_forThePostmortem() {
        String child1 = Alarms.arn("payments-api-latency-p99");
        String child2 = Alarms.arn("payments-db-cpu");
        AlarmStateChange composite = new AlarmStateChange(Alarms.arn("payments-platform-health"),
                "payments-platform-health", null, Alarms.ACCOUNT, "eu-west-1", dev.firebell.alarm.AlarmKind.COMPOSITE,
                ALARM, OK, child1 + " transitioned to ALARM at Friday 27 November, 2026 09:07:58 UTC",
                Instant.parse("2026-11-27T09:08:02.154Z"), List.of(), List.of(child1, child2),
                dev.firebell.alarm.DeliveryShape.EVENTBRIDGE);

        Transition.Open open = (Transition.Open) decide(composite, AlarmTrack.none(composite.alarmArn()), null);

        assertThat(open.entries().get(0).details()).containsEntry("triggeringAlarms", child1 + "," + child2);
        assertThat(((Transition.Open) decide(Alarms.change(NAME, ALARM, "2026-11-27T10:00:00Z"),
                AlarmTrack.none(Alarms.arn(NAME)), null)).entries().get(0).details()).doesNotContainKey("triggeringAlarms");
    }

    @Test
    void decide_shouldAskWhoToPage_onlyWhenItOpensAnIncident_neverForDuplicatesOksOrFlaps() {
        // The paging decision (and the maintenance read behind it) is the resolver's: count how often it is asked.
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        ServiceTargetResolver resolver = new ServiceTargetResolver();
        AlarmTransitions counting = new AlarmTransitions((incident, service, now) -> {
            asked.incrementAndGet();
            return resolver.firstPages(incident, service, now);
        }, Duration.ofSeconds(60));
        AlarmTransitions.Context ctx = new AlarmTransitions.Context(ROUTE, policy, NOW, () -> "7", "token");

        counting.decide(Alarms.change(NAME, ALARM, "2026-11-27T10:00:00Z"), AlarmTrack.none(Alarms.arn(NAME)),
                Optional.empty(), ctx);
        assertThat(asked).as("a new incident").hasValue(1);

        counting.decide(Alarms.change(NAME, ALARM, "2026-11-27T10:05:00Z"), track(true, null, false,
                "2026-11-27T10:00:00Z", null), Optional.of(incident(IncidentStatus.TRIGGERED, null)), ctx);
        counting.decide(Alarms.change(NAME, OK, "2026-11-27T10:20:00Z"), track(true, null, false,
                "2026-11-27T10:00:00Z", null), Optional.of(incident(IncidentStatus.TRIGGERED, null)), ctx);
        counting.decide(Alarms.change(NAME, ALARM, "2026-11-27T10:25:00Z"), track(false, "2026-11-27T10:20:00Z", true,
                "2026-11-27T10:00:00Z", "2026-11-27T10:20:00Z"),
                Optional.of(incident(IncidentStatus.RESOLVED, IncidentStatus.TRIGGERED)), ctx);
        assertThat(asked).as("a duplicate, an OK and a flap reopening").hasValue(1);
    }

    private Transition decide(AlarmStateChange alarm, AlarmTrack track, Incident incident) {
        return transitions.decide(alarm, track, Optional.ofNullable(incident),
                new AlarmTransitions.Context(ROUTE, policy, NOW, () -> "7", "token"));
    }

    private static AlarmTrack track(boolean open, String resolvedAt, boolean auto, String lastAlarm, String lastOk) {
        return new AlarmTrack(Alarms.arn(NAME), "3", open, resolvedAt == null ? null : Instant.parse(resolvedAt), auto,
                lastAlarm == null ? null : Instant.parse(lastAlarm), lastOk == null ? null : Instant.parse(lastOk), 4);
    }

    private static Incident incident(IncidentStatus status, IncidentStatus before) {
        Instant t = Instant.parse("2026-11-27T10:00:00Z");
        return new Incident("3", NAME, "checkout", Severity.SEV2, status, Alarms.arn(NAME), Alarms.arn(NAME), NAME,
                Alarms.ACCOUNT, "eu-west-1", dev.firebell.alarm.AlarmKind.METRIC, null, "reason", List.of(), t, t, t, 1,
                null, null, status == IncidentStatus.RESOLVED ? t.plusSeconds(1200) : null,
                status == IncidentStatus.RESOLVED ? "alarm" : null, before, 0, null, null, 2);
    }
}
