package dev.firebell.incident;

import static dev.firebell.alarm.AlarmState.ALARM;
import static dev.firebell.alarm.AlarmState.OK;
import static dev.firebell.incident.TransitionScenarios.FIRST;
import static dev.firebell.incident.TransitionScenarios.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.alarm.AlarmStateChange;
import dev.firebell.alarm.Alarms;
import dev.firebell.escalation.EscalationState;
import dev.firebell.paging.Page;
import dev.firebell.paging.PageReason;
import dev.firebell.routing.Severity;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The half of {@link IncidentStoreContract} about what people write and what everyone reads: incidents created and
 * changed by people (guarded by the versions read, pages never overwritten) and the reads' answers and orders. It
 * also holds what both halves use: the store under test, its hooks and the test data.
 */
public abstract class IncidentStoreUpdatesAndReads {

    protected static final String ARN = Alarms.arn(FIRST);

    protected IncidentStore store;
    /** The alarm use case on {@link #store}, with {@link TransitionScenarios}' configuration. */
    protected AlarmService alarms;

    /** A new, empty store. */
    protected abstract IncidentStore emptyStore();

    /** What the implementation's page outbox records when {@code page} (as stored, still claimed) is sent. */
    protected abstract void pageSent(Page page, Instant sentAt);

    @BeforeEach
    public void freshStore() {
        store = emptyStore();
        alarms = TransitionScenarios.service(store);
    }

    // ------------------------------------------------------------------ people's updates

    @Test
    public void update_shouldCreateAnIncidentWithItsEntriesPagesAndEscalation_atVersionZero() {
        Page page = Page.pending("1", 1, "team-checkout", PageReason.TRIGGERED, NOW, NOW.plusSeconds(60), "token");
        EscalationState escalation = EscalationState.start("1", "checkout-policy", NOW.plusSeconds(300), 2);

        store.update(declared("1", NOW), List.of(entry("1", NOW, "declared by alice")), List.of(page), null, escalation);

        Incident incident = store.incident("1").orElseThrow();
        assertThat(incident.version()).isEqualTo(1);
        assertThat(incident.commander()).isEqualTo("alice");
        assertThat(store.timeline("1")).extracting(TimelineEntry::summary).containsExactly("declared by alice");
        assertThat(store.pages("1")).singleElement().satisfies(p -> {
            assertThat(p.pageId()).isEqualTo(page.pageId());
            assertThat(p.claimToken()).isEqualTo("token");
        });
        assertThat(store.escalation("1")).contains(withVersion(escalation, 1));
        assertThat(store.openIncidents()).extracting(Incident::id).containsExactly("1");
    }

    @Test
    public void update_shouldChangeAnIncidentGuardedByItsVersion_andWriteNothingWhenItIsStale() {
        store.update(declared("1", NOW), List.of(), List.of(), null);
        Incident read = store.incident("1").orElseThrow();

        store.update(read.toBuilder().severity(Severity.SEV1).build(), List.of(entry("1", NOW, "SEV1")), List.of(), null);
        assertThatThrownBy(() -> store.update(read.toBuilder().severity(Severity.SEV4).build(),
                List.of(entry("1", NOW, "SEV4")), List.of(), null)).isInstanceOf(ConcurrentChangeException.class);

        assertThat(store.incident("1").orElseThrow().severity()).isEqualTo(Severity.SEV1);
        assertThat(store.incident("1").orElseThrow().version()).isEqualTo(2);
        assertThat(store.timeline("1")).extracting(TimelineEntry::summary).containsExactly("SEV1");
    }

    @Test
    public void update_shouldMoveTheAlarmsTrackAndTheEscalation_guardedByTheVersionsRead() {
        alarms.handle(alarm(FIRST, "10:00"));
        alarms.handle(ok(FIRST, "10:05"));
        Incident resolved = store.incident("1").orElseThrow();
        AlarmTrack track = store.track(ARN);
        AlarmTrack reopened = new AlarmTrack(ARN, "1", true, null, false, track.lastAlarmAt(), track.lastOkAt(),
                track.version());

        store.update(resolved.toBuilder().status(IncidentStatus.ACKNOWLEDGED).acknowledgedBy("bob").resolvedAt(null)
                .resolvedBy(null).statusBeforeResolve(null).build(), List.of(), List.of(), reopened);

        assertThat(store.track(ARN).open()).isTrue();
        assertThat(store.track(ARN).version()).isEqualTo(track.version() + 1);
        assertThat(store.openIncidents()).extracting(Incident::id).containsExactly("1");
        Incident now = store.incident("1").orElseThrow();
        assertThatThrownBy(() -> store.update(now, List.of(), List.of(), reopened))
                .as("the track moved on since").isInstanceOf(ConcurrentChangeException.class);
        assertThat(store.incident("1")).contains(now);
        assertThatThrownBy(() -> store.update(now, List.of(), List.of(), null,
                withVersion(EscalationState.start("1", "checkout-policy", NOW, 2), 3)))
                .as("an escalation at a version never stored").isInstanceOf(ConcurrentChangeException.class);
        assertThat(store.escalation("1")).isEmpty();
    }

    @Test
    public void update_shouldNeverOverwriteAPage() {
        Page page = Page.pending("1", 1, "team-checkout", PageReason.TRIGGERED, NOW, NOW.plusSeconds(60), "token");
        store.update(declared("1", NOW), List.of(), List.of(page), null);
        Incident read = store.incident("1").orElseThrow();

        assertThatThrownBy(() -> store.update(read, List.of(entry("1", NOW, "again")), List.of(
                Page.pending("1", 1, "person:bob", PageReason.ESCALATED, NOW, NOW.plusSeconds(60), "other")), null))
                .isInstanceOf(ConcurrentChangeException.class);

        assertThat(store.pages("1")).singleElement().satisfies(p -> assertThat(p.target()).isEqualTo("team-checkout"));
        assertThat(store.timeline("1")).isEmpty();
    }

    // ------------------------------------------------------------------ reads

    @Test
    public void reads_shouldAnswerNothing_forWhatWasNeverWritten() {
        assertThat(store.track(ARN)).isEqualTo(AlarmTrack.none(ARN));
        assertThat(store.incident("1")).isEmpty();
        assertThat(store.serviceGroup("checkout")).isEqualTo(ServiceGroup.none("checkout"));
        assertThat(store.timeline("1")).isEmpty();
        assertThat(store.pages("1")).isEmpty();
        assertThat(store.escalation("1")).isEmpty();
        assertThat(store.lastPagedIncident("team-checkout")).isEmpty();
        assertThat(store.openIncidents()).isEmpty();
    }

    @Test
    public void timeline_shouldBeOldestFirst_keepingTheOrderOfEntriesWrittenTogether() {
        store.update(declared("1", NOW), List.of(entry("1", NOW, "b"), entry("1", NOW, "c")), List.of(), null);
        Incident read = store.incident("1").orElseThrow();
        store.update(read, List.of(entry("1", NOW.minusSeconds(60), "a"), entry("1", NOW.plusSeconds(60), "d")),
                List.of(), null);

        assertThat(store.timeline("1")).extracting(TimelineEntry::summary).containsExactly("a", "b", "c", "d");
    }

    @Test
    public void pages_shouldBeInSequenceOrder() {
        store.update(declared("1", NOW), List.of(), List.of(
                Page.pending("1", 2, "person:bob", PageReason.TRIGGERED, NOW, NOW.plusSeconds(60), "token"),
                Page.pending("1", 1, "person:alice", PageReason.TRIGGERED, NOW, NOW.plusSeconds(60), "token")), null);

        assertThat(store.pages("1")).extracting(Page::sequence).containsExactly(1, 2);
    }

    @Test
    public void openIncidents_shouldBeOldestFirst_andLeaveResolvedOnesOut() {
        store.update(declared("1", NOW), List.of(), List.of(), null);
        store.update(declared("2", NOW.minusSeconds(600)), List.of(), List.of(), null);
        store.update(declared("3", NOW.minusSeconds(300)), List.of(), List.of(), null);
        Incident third = store.incident("3").orElseThrow();
        store.update(third.toBuilder().status(IncidentStatus.RESOLVED).resolvedAt(NOW).resolvedBy("alice").build(),
                List.of(), List.of(), null);

        assertThat(store.openIncidents()).extracting(Incident::id).containsExactly("2", "1");
    }

    @Test
    public void lastPagedIncident_shouldFollowTheNewestPageSentToATarget_inWhateverOrderTheyAreRecorded() {
        Page older = Page.pending("1", 1, "person:alice", PageReason.TRIGGERED, NOW, NOW.plusSeconds(60), "t1");
        Page newer = Page.pending("2", 1, "person:alice", PageReason.TRIGGERED, NOW, NOW.plusSeconds(60), "t2");
        Page other = Page.pending("2", 2, "person:bob", PageReason.TRIGGERED, NOW, NOW.plusSeconds(60), "t2");
        store.update(declared("1", NOW), List.of(), List.of(older), null);
        store.update(declared("2", NOW), List.of(), List.of(newer, other), null);

        pageSent(newer, NOW.plusSeconds(2));
        pageSent(older, NOW.plusSeconds(1));
        pageSent(other, NOW.plusSeconds(3));

        assertThat(store.lastPagedIncident("person:alice")).contains("2");
        assertThat(store.lastPagedIncident("person:bob")).contains("2");
        assertThat(store.lastPagedIncident("person:carol")).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    /** An incident a person declares, not yet stored (version 0). */
    protected static Incident declared(String id, Instant openedAt) {
        return Incident.builder().id(id).title("Checkout errors").service("checkout").severity(Severity.SEV2)
                .status(IncidentStatus.TRIGGERED).triggeredAt(openedAt).openedAt(openedAt).lastSeenAt(openedAt)
                .alarmCount(0).roles(Map.of(Incident.COMMANDER, "alice")).build();
    }

    protected static TimelineEntry entry(String incidentId, Instant at, String summary) {
        return new TimelineEntry(incidentId, at, TimelineEntryType.NOTE, "alice", summary, Map.of());
    }

    protected static EscalationState withVersion(EscalationState e, long version) {
        return new EscalationState(e.incidentId(), e.policy(), e.status(), e.nextStep(), e.lastStep(), e.nextAt(),
                e.lastDelay(), e.nextPageSequence(), version);
    }

    protected static AlarmStateChange alarm(String name, String time) {
        return Alarms.change(name, ALARM, "2026-11-27T" + time(time) + "Z");
    }

    protected static AlarmStateChange ok(String name, String time) {
        return Alarms.change(name, OK, "2026-11-27T" + time(time) + "Z");
    }

    protected static Instant at(String time) {
        return Instant.parse("2026-11-27T" + time(time) + "Z");
    }

    private static String time(String hhmm) {
        return hhmm.length() == 5 ? hhmm + ":00" : hhmm;
    }
}
