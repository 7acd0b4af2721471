package dev.firebell.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.firebell.config.ConfigBinder;
import dev.firebell.config.FirebellConfig;
import dev.firebell.escalation.EscalationPlanner;
import dev.firebell.incident.AlarmService;
import dev.firebell.incident.AlarmTransitions;
import dev.firebell.incident.DispatchReport;
import dev.firebell.incident.InMemoryIncidentStore;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.maintenance.MaintenanceCalendar;
import dev.firebell.oncall.OnCallService;
import dev.firebell.oncall.OverrideStore;
import dev.firebell.paging.Page;
import dev.firebell.paging.PageDispatcher;
import dev.firebell.routing.Severity;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Heartbeat monitors end to end in the domain, on a pinned clock: pings, the sweep, and the real incident rules behind
 * them (the in-memory incident store, the escalation planner with maintenance and quiet hours).
 */
class HeartbeatsTest {

    /** Monday 2026-11-30, 09:00:30 UTC (10:00:30 in Paris: daytime). */
    private static final Instant T0 = Instant.parse("2026-11-30T09:00:30Z");

    private final Instant[] now = {T0};
    private final InstantSource clock = () -> now[0];
    private FirebellConfig config;
    private InMemoryHeartbeatStore monitors;
    private InMemoryIncidentStore incidents;
    private Heartbeats heartbeats;

    @BeforeEach
    void setUp() {
        config = new ConfigBinder().bind(Map.of(
                "services", Map.of(
                        "backups", Map.of("escalationPolicy", "backups"),
                        "batch", Map.of("autoResolve", false, "pageTarget", "team-batch")),
                "people", Map.of("alice", Map.of("name", "Alice Martin", "timeZone", "Europe/Paris",
                        "contacts", List.of(Map.of("email", "alice@example.com")))),
                "escalationPolicies", Map.of("backups", Map.of("levels", List.of(Map.of("escalateAfter", "5m",
                        "targets", List.of(Map.of("person", "alice")))))),
                "quietHours", Map.of("severities", List.of("SEV4"), "daytime", "08:00-20:00"),
                "maintenance", Map.of("storage-upgrade", Map.of("services", List.of("backups"),
                        "start", "2026-12-02T00:00", "end", "2026-12-02T06:00", "timeZone", "UTC")),
                "heartbeats", Map.of(
                        "nightly-backup", Map.of("service", "backups", "severity", "SEV2", "interval", "1h",
                                "grace", "10m"),
                        "report", Map.of("service", "backups", "severity", "SEV4", "interval", "1h", "grace", "10m"),
                        "batch-job", Map.of("service", "batch", "interval", "5m", "grace", "2m"))));
        monitors = new InMemoryHeartbeatStore();
        for (String name : config.heartbeats().keySet()) {
            monitors.createToken(name, "token-" + name);
        }
        incidents = new InMemoryIncidentStore();
        EscalationPlanner planner = new EscalationPlanner(() -> config,
                new OnCallService(() -> config, OverrideStore.NONE, clock), MaintenanceCalendar.configuredOnly(() -> config));
        PageDispatcher dispatcher = mock(PageDispatcher.class);
        when(dispatcher.send(anyList())).thenAnswer(call -> new DispatchReport(((List<?>) call.getArgument(0)).size(), 0, 0));
        AlarmService alarms = new AlarmService(() -> config, incidents,
                new AlarmTransitions(planner, Duration.ofSeconds(60)), dispatcher, clock);
        heartbeats = new Heartbeats(() -> config, monitors, alarms, clock);
    }

    @Test
    void sweep_shouldNeverExpireAMonitor_thatWasNeverPinged() {
        at("2027-06-01T00:00:00Z");

        assertThat(heartbeats.sweep(100)).isEqualTo(Heartbeats.SweepReport.NONE);
        assertThat(incidents.openIncidents()).isEmpty();
        assertThat(monitors.record("nightly-backup").state()).isEqualTo(MonitorState.NEW);
    }

    @Test
    void ping_shouldWriteOncePerSlice_howeverOftenItIsPinged() {
        // nightly-backup: interval 1h, grace 10m, so slices of 5 minutes (09:00-09:05, ...)
        assertThat(heartbeats.ping("token-nightly-backup", PingKind.SUCCESS)).isEqualTo(PingOutcome.RECORDED);
        for (int s = 10; s < 270; s += 10) {
            at(T0.plusSeconds(s));
            assertThat(heartbeats.ping("token-nightly-backup", PingKind.SUCCESS)).isEqualTo(PingOutcome.UNCHANGED);
        }
        assertThat(monitors.writes()).isEqualTo(1);
        MonitorRecord up = monitors.record("nightly-backup");
        assertThat(up.state()).isEqualTo(MonitorState.UP);
        assertThat(up.lastPingAt()).isEqualTo(T0);
        // Counted from the end of the slice: a ping left unwritten never makes it expire early.
        assertThat(up.dueAt()).isEqualTo(Instant.parse("2026-11-30T10:15:00Z"));

        at("2026-11-30T09:05:00Z");
        assertThat(heartbeats.ping("token-nightly-backup", PingKind.SUCCESS)).isEqualTo(PingOutcome.RECORDED);
        assertThat(monitors.writes()).isEqualTo(2);
        assertThat(monitors.record("nightly-backup").dueAt()).isEqualTo(Instant.parse("2026-11-30T10:20:00Z"));
    }

    @Test
    void ping_shouldAnswerUnknown_andWriteNothing_forATokenNobodyHasOrAMonitorNoLongerDeclared() {
        assertThat(heartbeats.ping("token-nightly-backupX", PingKind.SUCCESS)).isEqualTo(PingOutcome.UNKNOWN);
        assertThat(heartbeats.ping("", PingKind.FAIL)).isEqualTo(PingOutcome.UNKNOWN);
        monitors.createToken("retired", "token-retired");
        assertThat(heartbeats.ping("token-retired", PingKind.FAIL)).isEqualTo(PingOutcome.UNKNOWN);

        assertThat(monitors.writes()).isZero();
        assertThat(incidents.openIncidents()).isEmpty();
    }

    @Test
    void miss_shouldOpenOneIncidentForTheService_pageLikeAnAlarm_foldLaterMisses_andResolveOnThePing() {
        heartbeats.ping("token-nightly-backup", PingKind.SUCCESS);

        at("2026-11-30T10:14:59Z");
        assertThat(heartbeats.sweep(100).alarmed()).isZero();

        at("2026-11-30T10:15:20Z");
        assertThat(heartbeats.sweep(100)).isEqualTo(new Heartbeats.SweepReport(1, 1, 0));
        Incident incident = onlyOpenIncident();
        assertThat(incident.service()).isEqualTo("backups");
        assertThat(incident.severity()).isEqualTo(Severity.SEV2);
        assertThat(incident.dedupKey()).isEqualTo("firebell:heartbeat:nightly-backup");
        assertThat(incident.title()).isEqualTo("heartbeat/nightly-backup");
        assertThat(incident.triggeredAt()).isEqualTo(Instant.parse("2026-11-30T10:15:00Z"));
        assertThat(incident.reason()).isEqualTo("no ping since 2026-11-30T09:00:30Z (expected every PT1H, grace PT10M)");
        assertThat(incidents.pages(incident.id())).extracting(Page::target).containsExactly("person:alice");
        assertThat(monitors.record("nightly-backup").state()).isEqualTo(MonitorState.DOWN);

        // The same minute's sweep again, and the next: nothing more until the next interval.
        assertThat(heartbeats.sweep(100).alarmed()).isZero();
        at("2026-11-30T10:16:20Z");
        assertThat(heartbeats.sweep(100).alarmed()).isZero();

        at("2026-11-30T11:15:20Z");
        assertThat(heartbeats.sweep(100).alarmed()).isEqualTo(1);
        Incident folded = onlyOpenIncident();
        assertThat(folded.id()).isEqualTo(incident.id());
        assertThat(folded.alarmCount()).isEqualTo(2);
        assertThat(incidents.pages(incident.id())).hasSize(1);
        assertThat(incidents.timeline(incident.id())).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(TimelineEntryType.DUPLICATE_SUPPRESSED);
        });

        at("2026-11-30T11:20:00Z");
        assertThat(heartbeats.ping("token-nightly-backup", PingKind.SUCCESS)).isEqualTo(PingOutcome.RECOVERED);
        assertThat(incidents.incident(incident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(incidents.openIncidents()).isEmpty();
        MonitorRecord up = monitors.record("nightly-backup");
        assertThat(up.state()).isEqualTo(MonitorState.UP);
        assertThat(up.dueAt()).isEqualTo(Instant.parse("2026-11-30T12:35:00Z"));
    }

    @Test
    void ping_shouldLeaveTheIncidentOpen_whenTheServiceDoesNotAutoResolve() {
        heartbeats.ping("token-batch-job", PingKind.SUCCESS);
        at("2026-11-30T09:10:00Z");
        heartbeats.sweep(100);
        Incident incident = onlyOpenIncident();
        assertThat(incident.service()).isEqualTo("batch");
        assertThat(incident.severity()).as("routing's default severity").isEqualTo(Severity.SEV3);

        at("2026-11-30T09:12:00Z");
        assertThat(heartbeats.ping("token-batch-job", PingKind.SUCCESS)).isEqualTo(PingOutcome.RECOVERED);

        assertThat(onlyOpenIncident().id()).isEqualTo(incident.id());
        assertThat(incidents.timeline(incident.id())).anySatisfy(e ->
                assertThat(e.summary()).contains("does not auto-resolve"));
        assertThat(monitors.record("batch-job").state()).isEqualTo(MonitorState.UP);
    }

    @Test
    void fail_shouldOpenAnIncidentAtOnce_once() {
        assertThat(heartbeats.ping("token-nightly-backup", PingKind.FAIL)).isEqualTo(PingOutcome.FAILURE_REPORTED);
        Incident incident = onlyOpenIncident();
        assertThat(incident.reason()).startsWith("the job reported a failure (/fail) at " + T0);
        assertThat(incident.triggeredAt()).isEqualTo(T0);

        at(T0.plusSeconds(5));
        assertThat(heartbeats.ping("token-nightly-backup", PingKind.FAIL)).isEqualTo(PingOutcome.UNCHANGED);
        assertThat(heartbeats.sweep(100).alarmed()).as("the failure reached its incident: nothing pending").isZero();
        assertThat(onlyOpenIncident().alarmCount()).isEqualTo(1);
        assertThat(monitors.record("nightly-backup").dueAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void start_shouldGiveTheRunTheGraceToFinish() {
        // Finished in time: no incident.
        heartbeats.ping("token-nightly-backup", PingKind.START);
        assertThat(monitors.record("nightly-backup").state()).isEqualTo(MonitorState.RUNNING);
        assertThat(monitors.record("nightly-backup").dueAt()).isEqualTo(Instant.parse("2026-11-30T09:15:00Z"));
        at("2026-11-30T09:08:00Z");
        assertThat(heartbeats.ping("token-nightly-backup", PingKind.SUCCESS)).isEqualTo(PingOutcome.RECORDED);
        at("2026-11-30T09:16:00Z");
        assertThat(heartbeats.sweep(100).alarmed()).isZero();

        // The next run never finishes.
        at("2026-11-30T10:00:00Z");
        heartbeats.ping("token-nightly-backup", PingKind.START);
        at("2026-11-30T10:15:00Z");
        assertThat(heartbeats.sweep(100).alarmed()).isEqualTo(1);
        assertThat(onlyOpenIncident().reason()).isEqualTo(
                "a run started at 2026-11-30T10:00:00Z did not finish within the grace of PT10M");
    }

    @Test
    void miss_shouldPageNobody_duringAMaintenanceWindowOfItsService() {
        at("2026-12-02T01:00:00Z");
        heartbeats.ping("token-nightly-backup", PingKind.SUCCESS);
        at("2026-12-02T02:15:00Z");
        heartbeats.sweep(100);

        Incident incident = onlyOpenIncident();
        assertThat(incidents.pages(incident.id())).isEmpty();
        assertThat(incidents.timeline(incident.id())).anySatisfy(e ->
                assertThat(e.type()).isEqualTo(TimelineEntryType.MAINTENANCE));
    }

    @Test
    void miss_shouldWaitForDaytime_whenItsSeverityKeepsQuietHours() {
        // 'report' is SEV4; 02:15 UTC is 03:15 in Paris, so alice is paged at 08:00 Paris time.
        at("2026-12-01T01:00:00Z");
        heartbeats.ping("token-report", PingKind.SUCCESS);
        at("2026-12-01T02:15:00Z");
        heartbeats.sweep(100);

        Incident incident = onlyOpenIncident();
        assertThat(incidents.pages(incident.id())).singleElement().satisfies(p ->
                assertThat(p.dueAt()).isEqualTo(Instant.parse("2026-12-01T07:00:00Z")));
    }

    @Test
    void sweep_shouldSendAMissAgainUnderTheSameEventKey_whenTheRunBeforeDiedAfterHandingItOver() {
        heartbeats.ping("token-nightly-backup", PingKind.SUCCESS);
        at("2026-11-30T10:15:00Z");
        // A sweep that died after the incident path took the miss: the record still says the ALARM is pending.
        MonitorRecord read = monitors.record("nightly-backup");
        heartbeats.sweep(100);
        MonitorRecord sent = monitors.record("nightly-backup");
        MonitorRecord pending = read.missed();
        monitors.replace(sent, pending);

        at("2026-11-30T10:16:00Z");
        assertThat(heartbeats.sweep(100).alarmed()).isEqualTo(1);

        assertThat(incidents.openIncidents()).hasSize(1);
        assertThat(onlyOpenIncident().alarmCount()).as("the same miss, taken once").isEqualTo(1);
        assertThat(monitors.record("nightly-backup").alarmAt()).isNull();
    }

    @Test
    void sweep_shouldStopLookingAtAMonitorNoLongerDeclared() {
        monitors.createToken("retired", "token-retired");
        MonitorRecord r = monitors.record("retired");
        monitors.replace(r, new MonitorRecord("retired", MonitorState.UP, T0, PingKind.SUCCESS, T0, null, null, null,
                r.version()));

        assertThat(heartbeats.sweep(100)).isEqualTo(new Heartbeats.SweepReport(1, 0, 1));
        assertThat(monitors.due(T0.plus(Duration.ofDays(1)), 10)).isEmpty();
        assertThat(incidents.openIncidents()).isEmpty();
    }

    @Test
    void ping_shouldFirstRecordAMissThatNeverReachedItsIncident_thenResolveIt() {
        heartbeats.ping("token-nightly-backup", PingKind.SUCCESS);
        at("2026-11-30T10:15:00Z");
        MonitorRecord r = monitors.record("nightly-backup");
        monitors.replace(r, r.missed());

        at("2026-11-30T10:17:00Z");
        assertThat(heartbeats.ping("token-nightly-backup", PingKind.SUCCESS)).isEqualTo(PingOutcome.RECOVERED);

        assertThat(incidents.openIncidents()).isEmpty();
        assertThat(monitors.record("nightly-backup").state()).isEqualTo(MonitorState.UP);
        assertThat(monitors.record("nightly-backup").alarmAt()).isNull();
    }

    @Test
    void sweep_shouldHandTheOtherMissesOver_whenOneFails_thenThrowItsFailure() {
        heartbeats.ping("token-nightly-backup", PingKind.SUCCESS);
        heartbeats.ping("token-report", PingKind.SUCCESS);
        // The table fails for 'nightly-backup' only (its dedup track cannot be read); it comes first in the due index
        // (same deadline, then by name).
        InMemoryIncidentStore failing = org.mockito.Mockito.spy(incidents);
        org.mockito.Mockito.doThrow(new IllegalStateException("DynamoDB is unavailable")).when(failing)
                .track("firebell:heartbeat:nightly-backup");
        PageDispatcher dispatcher = mock(PageDispatcher.class);
        Heartbeats sweeping = new Heartbeats(() -> config, monitors, new AlarmService(() -> config, failing,
                new AlarmTransitions(new dev.firebell.paging.ServiceTargetResolver(), Duration.ofSeconds(60)),
                dispatcher, clock), clock);
        at("2026-11-30T10:15:00Z");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sweeping.sweep(100))
                .isInstanceOf(IllegalStateException.class).hasMessage("DynamoDB is unavailable");
        assertThat(failing.openIncidents()).extracting(Incident::dedupKey)
                .containsExactly("firebell:heartbeat:report");
        assertThat(monitors.record("nightly-backup").alarmAt()).as("still pending: the next run tries again")
                .isNotNull();
        assertThat(monitors.record("report").alarmAt()).isNull();
    }

    private Incident onlyOpenIncident() {
        assertThat(incidents.openIncidents()).hasSize(1);
        return incidents.openIncidents().get(0);
    }

    private void at(String instant) {
        now[0] = Instant.parse(instant);
    }

    private void at(Instant instant) {
        now[0] = instant;
    }
}
