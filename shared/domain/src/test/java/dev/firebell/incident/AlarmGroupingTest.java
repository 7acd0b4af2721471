package dev.firebell.incident;

import static dev.firebell.alarm.AlarmState.ALARM;
import static dev.firebell.alarm.AlarmState.OK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.alarm.AlarmStateChange;
import dev.firebell.alarm.Alarms;
import dev.firebell.paging.ServiceTargetResolver;
import dev.firebell.routing.RoutingDecision;
import dev.firebell.routing.Severity;
import dev.firebell.service.InsufficientDataPolicy;
import dev.firebell.service.ServicePolicy;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The grouping rules of ADR 0040, decided without AWS: which ALARM joins, which OK resolves. */
class AlarmGroupingTest {

    private static final String FIRST = "checkout-api-5xx-high";
    private static final String SECOND = "checkout-api-latency-p99";
    private static final String THIRD = "checkout-db-connections";
    private static final Instant NOW = Instant.parse("2026-11-27T10:03:00Z");
    private static final Instant OPENED_AT = Instant.parse("2026-11-27T10:00:00Z");
    private static final RoutingDecision ROUTE = new RoutingDecision("checkout", Severity.SEV2, "rule 'checkout'", List.of());

    private final AlarmTransitions transitions = new AlarmTransitions(new ServiceTargetResolver(), Duration.ofSeconds(60));
    private ServicePolicy policy = new ServicePolicy("checkout", "team-checkout", true, Duration.ofMinutes(15),
            InsufficientDataPolicy.IGNORE, null, Duration.ofMinutes(5));

    // ------------------------------------------------------------------ opening and joining

    @Test
    void decide_shouldOpenAGroupedIncidentAndMoveTheServicesGroupToIt_whenTheServiceHasNoOpenGroup() {
        ServiceGroup none = ServiceGroup.none("checkout");

        Transition t = decide(alarm(FIRST, ALARM, "10:00:00"), AlarmTrack.none(arn(FIRST)), null, group(none, null));

        Transition.Open open = (Transition.Open) t;
        assertThat(open.incident().group()).isEqualTo(new AlarmGroup(1, 1, List.of(FIRST)));
        assertThat(open.group()).isEqualTo(new ServiceGroup("checkout", "7", OPENED_AT, 0));
        assertThat(open.pages()).hasSize(1);
        assertThat(open.entries().get(0).summary())
                .endsWith("other alarms of checkout that fire before 2026-11-27T10:05:00Z join this incident instead of paging");
    }

    @Test
    void decide_shouldOpenAnUngroupedIncidentWithoutReadingTheGroup_whenTheWindowIsZero() {
        policy = policy.withGroupingWindow(Duration.ZERO);

        Transition t = decide(alarm(SECOND, ALARM, "10:01:00"), AlarmTrack.none(arn(SECOND)), null, neverRead());

        Transition.Open open = (Transition.Open) t;
        assertThat(open.incident().group()).isNull();
        assertThat(open.group()).isNull();
        assertThat(open.pages()).hasSize(1);
        assertThat(open.entries().get(0).summary()).doesNotContain("join this incident");
    }

    @Test
    void decide_shouldJoinWithoutPaging_whenAnotherAlarmOfTheServiceOpenedAnIncidentInTheWindow() {
        Incident g = grouped(IncidentStatus.TRIGGERED, 1, 1, List.of(FIRST));

        Transition t = decide(alarm(SECOND, ALARM, "10:03:00"), AlarmTrack.none(arn(SECOND)), null,
                group(pointer(), g));

        Transition.Join join = (Transition.Join) t;
        assertThat(join.incidentId()).isEqualTo("3");
        assertThat(join.counted()).isTrue();
        assertThat(join.newMember()).isTrue();
        assertThat(join.listedName()).isEqualTo(SECOND);
        assertThat(join.releases()).isNull();
        assertThat(join.track()).isEqualTo(new AlarmTrack(arn(SECOND), "3", true, null, false,
                Instant.parse("2026-11-27T10:03:00Z"), null, 0));
        assertThat(join.entry().type()).isEqualTo(TimelineEntryType.GROUPED);
        assertThat(join.entry().actor()).isEqualTo("alarm:" + SECOND);
        assertThat(join.entry().details()).containsEntry("alarmArn", arn(SECOND)).containsEntry("grouping", "joined");
        assertThat(join.entry().summary()).contains("joined this incident (opened by " + FIRST
                + " at 2026-11-27T10:00:00Z, grouping window 5 min for service checkout): 2 of 2 grouped alarms in ALARM,"
                + " nobody paged");
    }

    @Test
    void decide_shouldJoin_whenTheAlarmFiredBeforeTheOneThatOpenedTheGroup_andArrivedLate() {
        Incident g = grouped(IncidentStatus.TRIGGERED, 1, 1, List.of(FIRST));

        Transition t = decide(alarm(SECOND, ALARM, "09:58:30"), AlarmTrack.none(arn(SECOND)), null, group(pointer(), g));

        assertThat(t).isInstanceOf(Transition.Join.class);
    }

    @Test
    void decide_shouldOpenANewIncidentAndMoveTheGroup_whenTheAlarmFiredAtTheEndOfTheWindowOrLater() {
        Incident g = grouped(IncidentStatus.TRIGGERED, 1, 1, List.of(FIRST));

        Transition t = decide(alarm(SECOND, ALARM, "10:05:00"), AlarmTrack.none(arn(SECOND)), null, group(pointer(), g));

        Transition.Open open = (Transition.Open) t;
        assertThat(open.pages()).hasSize(1);
        // Moved from the version it was read at, so the write fails if someone moved it first.
        assertThat(open.group()).isEqualTo(new ServiceGroup("checkout", "7", Instant.parse("2026-11-27T10:05:00Z"), 4));
    }

    @Test
    void decide_shouldOpenANewIncident_whenTheServicesGroupIsResolved() {
        Incident g = grouped(IncidentStatus.RESOLVED, 0, 1, List.of(FIRST));

        Transition t = decide(alarm(SECOND, ALARM, "10:01:00"), AlarmTrack.none(arn(SECOND)), null, group(pointer(), g));

        assertThat(t).isInstanceOf(Transition.Open.class);
        assertThat(((Transition.Open) t).pages()).hasSize(1);
    }

    @Test
    void decide_shouldRecordWithoutCounting_whenTheJoiningAlarmsOwnOkArrivedFirst() {
        Incident g = grouped(IncidentStatus.TRIGGERED, 1, 1, List.of(FIRST));
        AlarmTrack okFirst = new AlarmTrack(arn(SECOND), null, false, null, false, null,
                Instant.parse("2026-11-27T10:02:00Z"), 1);

        Transition t = decide(alarm(SECOND, ALARM, "10:01:00"), okFirst, null, group(pointer(), g));

        Transition.Join join = (Transition.Join) t;
        assertThat(join.counted()).isFalse();
        assertThat(join.newMember()).isTrue();
        assertThat(join.track().open()).isFalse();
        assertThat(join.track().incidentId()).isEqualTo("3");
        assertThat(join.track().resolvedAt()).isEqualTo(Instant.parse("2026-11-27T10:02:00Z"));
        assertThat(join.entry().details()).containsEntry("grouping", "recorded recovered");
        assertThat(join.entry().summary()).contains("not counted as in ALARM, nobody paged");
    }

    @Test
    void decide_shouldNotListTheName_whenTheIncidentsListOfNamesIsFull() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < AlarmGroup.MAX_NAMES; i++) {
            names.add("alarm-" + i);
        }
        Incident g = grouped(IncidentStatus.TRIGGERED, 20, 20, names);

        Transition.Join join = (Transition.Join) decide(alarm(SECOND, ALARM, "10:01:00"), AlarmTrack.none(arn(SECOND)),
                null, group(pointer(), g));

        assertThat(join.listedName()).isNull();
        assertThat(join.newMember()).isTrue();
    }

    // ------------------------------------------------------------------ per-alarm rules inside a group

    @Test
    void decide_shouldFoldADuplicate_withoutTouchingTheGroup_whenTheMemberIsInAlarm() {
        Incident g = grouped(IncidentStatus.TRIGGERED, 2, 2, List.of(FIRST, SECOND));
        AlarmTrack member = memberTrack(SECOND, true, "10:01:00", null);

        Transition t = decide(alarm(SECOND, ALARM, "10:02:00"), member, g, neverRead());

        assertThat(t).isInstanceOf(Transition.Fold.class);
        assertThat(((Transition.Fold) t).entry().type()).isEqualTo(TimelineEntryType.DUPLICATE_SUPPRESSED);
    }

    @Test
    void decide_shouldCountTheMemberAgain_whenItIsBackInAlarmWhileTheIncidentIsOpen() {
        Incident g = grouped(IncidentStatus.TRIGGERED, 1, 2, List.of(FIRST, SECOND));
        AlarmTrack member = memberTrack(SECOND, false, "10:01:00", "10:02:00");

        Transition t = decide(alarm(SECOND, ALARM, "10:02:30"), member, g, neverRead());

        Transition.Join join = (Transition.Join) t;
        assertThat(join.counted()).isTrue();
        assertThat(join.newMember()).isFalse();
        assertThat(join.listedName()).isNull();
        assertThat(join.track().open()).isTrue();
        assertThat(join.track().resolvedAt()).isNull();
        assertThat(join.entry().details()).containsEntry("grouping", "back in ALARM");
        assertThat(join.entry().summary()).contains("is back in ALARM").contains("2 of 2 grouped alarms in ALARM");
    }

    @Test
    void decide_shouldIgnoreAnAlarmOlderThanTheMembersOwnOk_whileTheIncidentIsOpen() {
        Incident g = grouped(IncidentStatus.TRIGGERED, 1, 2, List.of(FIRST, SECOND));
        AlarmTrack member = memberTrack(SECOND, false, "10:01:00", "10:02:00");

        Transition t = decide(alarm(SECOND, ALARM, "10:01:30"), member, g, neverRead());

        assertThat(t).isInstanceOf(Transition.Note.class);
        assertThat(((Transition.Note) t).entry().type()).isEqualTo(TimelineEntryType.OUT_OF_ORDER_IGNORED);
        assertThat(t.track()).isEqualTo(member);
    }

    @Test
    void decide_shouldCountDownAndKeepTheIncidentOpen_whenAMemberReturnsToOkWhileOthersAreInAlarm() {
        Incident g = grouped(IncidentStatus.ACKNOWLEDGED, 3, 3, List.of(FIRST, SECOND, THIRD));
        AlarmTrack member = memberTrack(SECOND, true, "10:01:00", null);

        Transition t = decide(alarm(SECOND, OK, "10:04:00"), member, g, neverRead());

        Transition.MemberOk ok = (Transition.MemberOk) t;
        assertThat(ok.atLeast()).as("another alarm must still be in ALARM when written").isEqualTo(2);
        assertThat(ok.track()).isEqualTo(new AlarmTrack(arn(SECOND), "3", false, Instant.parse("2026-11-27T10:04:00Z"),
                true, Instant.parse("2026-11-27T10:01:00Z"), Instant.parse("2026-11-27T10:04:00Z"), 2));
        assertThat(ok.entry().type()).isEqualTo(TimelineEntryType.GROUPED_OK);
        assertThat(ok.entry().summary()).contains("2 of 3 grouped alarms still in ALARM, the incident stays open");
    }

    @Test
    void decide_shouldResolve_whenTheLastMemberInAlarmReturnsToOk() {
        Incident g = grouped(IncidentStatus.TRIGGERED, 1, 3, List.of(FIRST, SECOND, THIRD));
        AlarmTrack member = memberTrack(THIRD, true, "10:02:00", null);

        Transition t = decide(alarm(THIRD, OK, "10:09:00"), member, g, neverRead());

        Transition.Resolve resolve = (Transition.Resolve) t;
        assertThat(resolve.okAt()).isEqualTo(Instant.parse("2026-11-27T10:09:00Z"));
        assertThat(resolve.track().autoResolved()).isTrue();
        assertThat(resolve.entry().summary()).contains("all 3 grouped alarms are OK; resolved automatically");
    }

    @Test
    void decide_shouldCountDownButKeepItOpen_whenTheLastMemberReturnsToOk_andTheServiceDoesNotAutoResolve() {
        policy = new ServicePolicy("checkout", "team-checkout", false, Duration.ofMinutes(15),
                InsufficientDataPolicy.IGNORE, null, Duration.ofMinutes(5));
        Incident g = grouped(IncidentStatus.TRIGGERED, 1, 2, List.of(FIRST, SECOND));

        Transition t = decide(alarm(SECOND, OK, "10:09:00"), memberTrack(SECOND, true, "10:02:00", null), g, neverRead());

        Transition.MemberOk ok = (Transition.MemberOk) t;
        assertThat(ok.atLeast()).isEqualTo(1);
        assertThat(ok.entry().type()).isEqualTo(TimelineEntryType.NOTE);
        assertThat(ok.entry().details()).containsEntry("state", "OK");
        assertThat(ok.entry().summary()).contains("all 2 grouped alarms are OK").contains("does not auto-resolve");
    }

    @Test
    void decide_shouldKeepTheMemberCounted_whenItsOkIsOlderThanItsLastAlarm() {
        Incident g = grouped(IncidentStatus.TRIGGERED, 1, 2, List.of(FIRST, SECOND));
        AlarmTrack member = memberTrack(SECOND, true, "10:02:00", null);

        Transition t = decide(alarm(SECOND, OK, "10:01:00"), member, g, neverRead());

        assertThat(t).isInstanceOf(Transition.Note.class);
        assertThat(((Transition.Note) t).entry().type()).isEqualTo(TimelineEntryType.OUT_OF_ORDER_IGNORED);
        assertThat(t.track().open()).isTrue();
    }

    @Test
    void decide_shouldOnlyRememberTheOk_whenTheMemberWasNotCountedInAlarm() {
        Incident g = grouped(IncidentStatus.TRIGGERED, 1, 2, List.of(FIRST, SECOND));
        AlarmTrack recorded = memberTrack(SECOND, false, "10:01:00", "10:01:30");

        Transition t = decide(alarm(SECOND, OK, "10:04:00"), recorded, g, neverRead());

        assertThat(t).isInstanceOf(Transition.RememberOk.class);
        assertThat(t.track().lastOkAt()).isEqualTo(Instant.parse("2026-11-27T10:04:00Z"));
    }

    @Test
    void decide_shouldReopenWithoutPaging_whenAMemberFlapsSoonAfterItsOk_andTheAlarmsResolvedTheIncident() {
        Incident g = grouped(IncidentStatus.RESOLVED, 0, 2, List.of(FIRST, SECOND));
        AlarmTrack member = new AlarmTrack(arn(SECOND), "3", false, Instant.parse("2026-11-27T10:04:00Z"), true,
                Instant.parse("2026-11-27T10:01:00Z"), Instant.parse("2026-11-27T10:04:00Z"), 2);

        Transition t = decide(alarm(SECOND, ALARM, "10:10:00"), member, g, neverRead());

        Transition.Reopen reopen = (Transition.Reopen) t;
        assertThat(reopen.track().open()).isTrue();
        assertThat(reopen.entry().summary()).contains(SECOND + " returned to ALARM 6 min after its OK");
    }

    @Test
    void decide_shouldNotReopen_butOpenAgain_whenAPersonResolvedTheGroupedIncident() {
        Incident g = grouped(IncidentStatus.RESOLVED, 0, 2, List.of(FIRST, SECOND)).toBuilder().resolvedBy("alice").build();
        AlarmTrack member = new AlarmTrack(arn(SECOND), "3", false, Instant.parse("2026-11-27T10:04:00Z"), true,
                Instant.parse("2026-11-27T10:01:00Z"), Instant.parse("2026-11-27T10:04:00Z"), 2);

        Transition t = decide(alarm(SECOND, ALARM, "10:10:00"), member, g, group(pointer(), g));

        assertThat(t).isInstanceOf(Transition.Open.class);
        assertThat(t.releases()).isNull();
    }

    @Test
    void decide_shouldReleaseTheOldIncidentsCount_whenAMemberStillCountedThereOpensANewOne() {
        Incident g = grouped(IncidentStatus.RESOLVED, 2, 2, List.of(FIRST, SECOND)).toBuilder().resolvedBy("alice").build();
        AlarmTrack counted = memberTrack(SECOND, true, "10:01:00", null);

        Transition t = decide(alarm(SECOND, ALARM, "10:20:00"), counted, g, group(pointer(), g));

        assertThat(t).isInstanceOf(Transition.Open.class);
        assertThat(t.releases()).isEqualTo("3");
    }

    @Test
    void decide_shouldStopCountingTheMember_whenItReturnsToOkAfterAPersonResolvedTheIncident() {
        Incident g = grouped(IncidentStatus.RESOLVED, 2, 2, List.of(FIRST, SECOND)).toBuilder().resolvedBy("alice").build();

        Transition t = decide(alarm(SECOND, OK, "10:20:00"), memberTrack(SECOND, true, "10:01:00", null), g, neverRead());

        Transition.MemberOk ok = (Transition.MemberOk) t;
        assertThat(ok.atLeast()).isZero();
        assertThat(ok.track().open()).isFalse();
        assertThat(ok.entry().summary()).contains("after the incident was resolved");
    }

    @Test
    void admits_shouldHoldFromAnyEarlierAlarmTimeUntilTheWindowEnds() {
        ServiceGroup g = pointer();
        Duration window = Duration.ofMinutes(5);

        assertThat(g.admits(OPENED_AT.minusSeconds(3600), window)).isTrue();
        assertThat(g.admits(OPENED_AT.plus(window).minusMillis(1), window)).isTrue();
        assertThat(g.admits(OPENED_AT.plus(window), window)).isFalse();
        assertThat(g.admits(OPENED_AT, Duration.ZERO)).isFalse();
        assertThat(ServiceGroup.none("checkout").admits(OPENED_AT, window)).isFalse();
    }

    // ------------------------------------------------------------------ helpers

    private Transition decide(AlarmStateChange alarm, AlarmTrack track, Incident current,
                              Supplier<AlarmTransitions.CurrentGroup> group) {
        return transitions.decide(alarm, track, Optional.ofNullable(current), Optional.empty(), group,
                new AlarmTransitions.Context(ROUTE, policy, NOW, () -> "7", "token"));
    }

    private static Supplier<AlarmTransitions.CurrentGroup> group(ServiceGroup pointer, Incident incident) {
        return () -> new AlarmTransitions.CurrentGroup(pointer, Optional.ofNullable(incident));
    }

    /** Duplicates and OKs must not cost the read of the service's group. */
    private static Supplier<AlarmTransitions.CurrentGroup> neverRead() {
        return () -> {
            throw new AssertionError("the service's group was read");
        };
    }

    private static ServiceGroup pointer() {
        return new ServiceGroup("checkout", "3", OPENED_AT, 4);
    }

    private static AlarmStateChange alarm(String name, dev.firebell.alarm.AlarmState state, String hms) {
        return Alarms.change(name, state, "2026-11-27T" + hms + "Z");
    }

    private static String arn(String name) {
        return Alarms.arn(name);
    }

    private static AlarmTrack memberTrack(String name, boolean counted, String lastAlarm, String lastOk) {
        Instant ok = lastOk == null ? null : Instant.parse("2026-11-27T" + lastOk + "Z");
        return new AlarmTrack(arn(name), "3", counted, counted ? null : ok, !counted && ok != null,
                Instant.parse("2026-11-27T" + lastAlarm + "Z"), ok, 2);
    }

    private static Incident grouped(IncidentStatus status, int inAlarm, int members, List<String> names) {
        boolean resolved = status == IncidentStatus.RESOLVED;
        return Incident.builder().id("3").title(FIRST).service("checkout").severity(Severity.SEV2).status(status)
                .dedupKey(arn(FIRST)).alarmArn(arn(FIRST)).alarmName(FIRST).accountId(Alarms.ACCOUNT).region("eu-west-1")
                .alarmKind(dev.firebell.alarm.AlarmKind.METRIC).reason("reason").triggeredAt(OPENED_AT)
                .openedAt(OPENED_AT).lastSeenAt(OPENED_AT).alarmCount(members)
                .resolvedAt(resolved ? Instant.parse("2026-11-27T10:05:00Z") : null)
                .resolvedBy(resolved ? Incident.RESOLVED_BY_ALARM : null)
                .statusBeforeResolve(resolved ? IncidentStatus.TRIGGERED : null)
                .group(new AlarmGroup(inAlarm, members, names)).version(5).build();
    }
}
