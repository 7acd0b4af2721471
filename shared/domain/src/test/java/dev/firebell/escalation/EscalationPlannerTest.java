package dev.firebell.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.config.ConfigBinder;
import dev.firebell.config.FirebellConfig;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.maintenance.InMemoryMaintenanceStore;
import dev.firebell.maintenance.MaintenanceCalendar;
import dev.firebell.oncall.OnCallService;
import dev.firebell.oncall.OverrideStore;
import dev.firebell.paging.PagePlan;
import dev.firebell.paging.PageReason;
import dev.firebell.paging.PlanNote;
import dev.firebell.paging.PlannedPage;
import dev.firebell.routing.Severity;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EscalationPlannerTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z"); // Friday, 11:00 in Paris

    private FirebellConfig config = bind(map());

    private final EscalationPlanner planner = new EscalationPlanner(() -> config,
            new OnCallService(() -> config, OverrideStore.NONE, () -> NOW), MaintenanceCalendar.configuredOnly(() -> config));

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static FirebellConfig bind(Map<String, Object> extra) {
        Map<String, Object> doc = map(
                "people", map(
                        "alice", map("name", "Alice", "timeZone", "Europe/Paris"),
                        "bob", map("name", "Bob", "timeZone", "Europe/Paris"),
                        "dave", map("name", "Dave", "timeZone", "America/New_York")),
                "rotations", map(
                        "primary", map("participants", List.of("alice", "bob"), "shift", "daily", "handoff", "09:00",
                                "timeZone", "UTC", "start", "2026-11-27"),
                        "later", map("participants", List.of("bob"), "shift", "daily", "handoff", "09:00",
                                "timeZone", "UTC", "start", "2027-01-01")),
                "escalationPolicies", map(
                        "main", map("repeat", 1, "levels", List.of(
                                        map("escalateAfter", "5m", "targets", List.of(map("rotation", "primary"),
                                                map("person", "alice"))),
                                        map("escalateAfter", "10m", "targets", List.of(map("person", "dave")))),
                                "fallback", List.of(map("snsTarget", "team-mailbox"))),
                        "gappy", map("levels", List.of(
                                map("escalateAfter", "5m", "targets", List.of(map("rotation", "later"))),
                                map("escalateAfter", "5m", "targets", List.of(map("person", "bob"))))),
                        "lonely", map("levels", List.of(map("targets", List.of(map("rotation", "later")))))),
                "services", map("checkout", map("escalationPolicy", "main"), "gaps", map("escalationPolicy", "gappy"),
                        "empty", map("escalationPolicy", "lonely"), "legacy", map("pageTarget", "team-legacy")),
                "quietHours", map("severities", List.of("SEV5"), "daytime", "08:00-20:00"));
        doc.putAll(extra);
        return new ConfigBinder().bind(doc);
    }

    private static Incident incident(String service, Severity severity, IncidentStatus status) {
        return Incident.builder().id("7").title("t").service(service).severity(severity).status(status)
                .openedAt(NOW).build();
    }

    private static List<String> targets(List<PlannedPage> pages) {
        return pages.stream().map(PlannedPage::target).toList();
    }

    private static List<TimelineEntryType> types(List<PlanNote> notes) {
        return notes.stream().map(PlanNote::type).toList();
    }

    @Test
    void firstPages_shouldPageTheFirstLevelOnce_perPerson_andScheduleTheNextLevel() {
        PagePlan plan = planner.firstPages(incident("checkout", Severity.SEV2, IncidentStatus.TRIGGERED),
                config.service("checkout"), NOW);

        assertThat(targets(plan.pages())).as("alice is on call and named: paged once").containsExactly("person:alice");
        assertThat(plan.pages().get(0).reason()).isEqualTo(PageReason.TRIGGERED);
        assertThat(plan.notes()).first().satisfies(n -> {
            assertThat(n.type()).isEqualTo(TimelineEntryType.ESCALATION_NOTE);
            assertThat(n.summary()).contains("level 1 of 2, pass 1 of 2 of policy 'main'")
                    .contains("Alice (on call for rotation primary until Sat 2026-11-28 10:00 Europe/Paris)");
        });
        EscalationState state = plan.escalation();
        assertThat(state.status()).isEqualTo(EscalationStatus.ACTIVE);
        assertThat(state.nextStep()).isEqualTo(1);
        assertThat(state.nextAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(state.nextPageSequence()).isEqualTo(2);
    }

    @Test
    void next_shouldWalkTheLevels_repeat_thenExhaustAndTellTheFallback() {
        Incident incident = incident("checkout", Severity.SEV2, IncidentStatus.TRIGGERED);
        EscalationState state = planner.firstPages(incident, config.service("checkout"), NOW).escalation();
        List<String> paged = new java.util.ArrayList<>();
        List<TimelineEntryType> kinds = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            EscalationPlanner.Step step = planner.next(incident, state, state.nextAt(), EscalationPlanner.Mode.DUE, null);
            paged.addAll(targets(step.pages()));
            kinds.add(step.notes().get(0).type());
            state = step.state();
        }
        assertThat(paged).containsExactly("person:dave", "person:alice", "person:dave", "team-mailbox");
        assertThat(kinds).containsExactly(TimelineEntryType.ESCALATED, TimelineEntryType.ESCALATED,
                TimelineEntryType.ESCALATED, TimelineEntryType.ESCALATION_EXHAUSTED);
        assertThat(state.status()).isEqualTo(EscalationStatus.EXHAUSTED);
        assertThat(state.nextAt()).isNull();
        assertThat(state.nextPageSequence()).isEqualTo(6);
    }

    @Test
    void aLevelWithNobodyOnCall_isSkipped_andAPolicyWithNobodyAtAllIsExhaustedAtOnce() {
        PagePlan gaps = planner.firstPages(incident("gaps", Severity.SEV2, IncidentStatus.TRIGGERED),
                config.service("gaps"), NOW);
        assertThat(targets(gaps.pages())).containsExactly("person:bob");
        assertThat(types(gaps.notes())).contains(TimelineEntryType.NOBODY_ON_CALL, TimelineEntryType.ESCALATED);

        PagePlan empty = planner.firstPages(incident("empty", Severity.SEV2, IncidentStatus.TRIGGERED),
                config.service("empty"), NOW);
        assertThat(empty.pages()).isEmpty();
        assertThat(empty.escalation().status()).isEqualTo(EscalationStatus.EXHAUSTED);
        assertThat(empty.notes()).first().satisfies(n -> assertThat(n.summary()).contains("it has no fallback"));
    }

    @Test
    void quietHours_holdALowSeverityPageUntilThePersonsDaytime_andTheNextLevelCountsFromDelivery() {
        Instant night = Instant.parse("2026-11-28T02:00:00Z"); // 03:00 in Paris; alice is still on call
        PagePlan plan = planner.firstPages(incident("checkout", Severity.SEV5, IncidentStatus.TRIGGERED),
                config.service("checkout"), night);
        Instant paris8 = Instant.parse("2026-11-28T07:00:00Z");
        assertThat(plan.pages()).singleElement().satisfies(p -> assertThat(p.deliverAt()).isEqualTo(paris8));
        assertThat(types(plan.notes())).contains(TimelineEntryType.PAGE_DEFERRED);
        assertThat(plan.escalation().nextAt()).isEqualTo(paris8.plus(Duration.ofMinutes(5)));

        PagePlan urgent = planner.firstPages(incident("checkout", Severity.SEV1, IncidentStatus.TRIGGERED),
                config.service("checkout"), night);
        assertThat(urgent.pages()).singleElement().satisfies(p -> assertThat(p.deliverAt()).isEqualTo(night));
    }

    @Test
    void maintenance_holdsTheStepUntilTheWindowEnds_butAPersonEscalatingByHandIsNotHeld() {
        config = bind(map("maintenance", map("deploy", map("services", List.of("checkout"), "reason", "release 42",
                "start", "2026-11-27T09:30", "end", "2026-11-27T10:30"))));
        Incident incident = incident("checkout", Severity.SEV2, IncidentStatus.TRIGGERED);

        PagePlan plan = planner.firstPages(incident, config.service("checkout"), NOW);
        assertThat(plan.pages()).isEmpty();
        assertThat(plan.notes()).singleElement().satisfies(n -> {
            assertThat(n.type()).isEqualTo(TimelineEntryType.MAINTENANCE);
            assertThat(n.summary()).contains("'deploy'").contains("release 42").contains("nobody paged");
        });
        assertThat(plan.escalation().nextAt()).isEqualTo(Instant.parse("2026-11-27T10:30:00Z"));
        assertThat(plan.escalation().nextStep()).isZero();

        EscalationPlanner.Step manual = planner.next(incident, plan.escalation(), NOW, EscalationPlanner.Mode.MANUAL, "bob");
        assertThat(targets(manual.pages())).containsExactly("person:alice");
        assertThat(manual.notes().get(0).summary()).contains("by bob");
    }

    @Test
    void aWindowStartedFromChat_holdsFirstPagesAndDueSteps_readingTheStoreOncePerDecision() {
        // GIVEN checkout put in maintenance from chat at 09:50 for an hour (no configured window)
        InMemoryMaintenanceStore store = new InMemoryMaintenanceStore();
        MaintenanceCalendar calendar = new MaintenanceCalendar(() -> config, store, () -> NOW.minus(Duration.ofMinutes(10)));
        calendar.start("chat", "checkout", Duration.ofHours(1), "deploying", "alice");
        EscalationPlanner held = new EscalationPlanner(() -> config,
                new OnCallService(() -> config, OverrideStore.NONE, () -> NOW), calendar);
        Incident incident = incident("checkout", Severity.SEV2, IncidentStatus.TRIGGERED);
        Instant end = Instant.parse("2026-11-27T10:50:00Z");

        // WHEN a new incident opens: nobody paged, the first step waits for the window's end, the note names it
        PagePlan plan = held.firstPages(incident, config.service("checkout"), NOW);
        assertThat(plan.pages()).isEmpty();
        assertThat(plan.escalation().nextAt()).isEqualTo(end);
        assertThat(plan.notes()).singleElement().satisfies(n -> {
            assertThat(n.type()).isEqualTo(TimelineEntryType.MAINTENANCE);
            assertThat(n.summary()).contains("maintenance 'chat-checkout-20261127T095000Z' (deploying) until " + end)
                    .contains("nobody paged");
            assertThat(n.details()).containsEntry("maintenance", "chat-checkout-20261127T095000Z");
        });

        // WHEN an escalation already running comes due inside the window: held until its end
        EscalationState running = EscalationState.start("7", "main", NOW, 2).paged(0, NOW, Duration.ofMinutes(5), 1);
        EscalationPlanner.Step due = held.next(incident, running, NOW.plus(Duration.ofMinutes(5)),
                EscalationPlanner.Mode.DUE, null);
        assertThat(due.pages()).isEmpty();
        assertThat(due.state().nextAt()).isEqualTo(end);
        assertThat(types(due.notes())).containsExactly(TimelineEntryType.MAINTENANCE);

        // THEN once it has ended, the step pages; other services were never held; one read per decision
        assertThat(held.next(incident, running, end, EscalationPlanner.Mode.DUE, null).pages()).isNotEmpty();
        assertThat(held.firstPages(incident("legacy", Severity.SEV2, IncidentStatus.TRIGGERED),
                config.service("legacy"), NOW).pages()).isNotEmpty();
        assertThat(store.reads()).isEqualTo(4);

        // AND an acknowledged or resolved incident is decided without reading the store
        held.next(incident("checkout", Severity.SEV2, IncidentStatus.ACKNOWLEDGED), running, NOW,
                EscalationPlanner.Mode.DUE, null);
        held.next(incident("checkout", Severity.SEV2, IncidentStatus.RESOLVED), running, NOW,
                EscalationPlanner.Mode.DUE, null);
        assertThat(store.reads()).isEqualTo(4);
    }

    @Test
    void anAcknowledgedIncidentPausesItsEscalation_aResolvedOneStopsIt_aRemovedPolicyStopsIt() {
        EscalationState state = EscalationState.start("7", "main", NOW, 2);
        assertThat(planner.next(incident("checkout", Severity.SEV2, IncidentStatus.ACKNOWLEDGED), state, NOW,
                EscalationPlanner.Mode.DUE, null).state().status()).isEqualTo(EscalationStatus.PAUSED);
        assertThat(planner.next(incident("checkout", Severity.SEV2, IncidentStatus.RESOLVED), state, NOW,
                EscalationPlanner.Mode.DUE, null).state().status()).isEqualTo(EscalationStatus.STOPPED);
        EscalationPlanner.Step gone = planner.next(incident("checkout", Severity.SEV2, IncidentStatus.TRIGGERED),
                EscalationState.start("7", "deleted", NOW, 2), NOW, EscalationPlanner.Mode.DUE, null);
        assertThat(gone.state().status()).isEqualTo(EscalationStatus.STOPPED);
        assertThat(gone.notes()).singleElement().satisfies(n -> assertThat(n.summary()).contains("no longer configured"));
    }

    @Test
    void aServiceWithoutAPolicy_pagesItsFixedTarget_andSaysSo() {
        PagePlan plan = planner.firstPages(incident("legacy", Severity.SEV2, IncidentStatus.TRIGGERED),
                config.service("legacy"), NOW);
        assertThat(targets(plan.pages())).containsExactly("team-legacy");
        assertThat(plan.escalation()).isNull();
        assertThat(plan.notes()).singleElement().satisfies(n ->
                assertThat(n.summary()).contains("has no escalation policy").contains("'team-legacy'"));
    }

    @Test
    void escalationState_transitionsKeepTheirPromises() {
        EscalationState paged = EscalationState.start("7", "main", NOW, 2).paged(0, NOW.plusSeconds(300),
                Duration.ofMinutes(5), 1);
        assertThat(paged.acknowledged().status()).isEqualTo(EscalationStatus.PAUSED);
        assertThat(paged.acknowledged().nextAt()).isNull();
        EscalationState resumed = paged.acknowledged().resumed(NOW.plusSeconds(900));
        assertThat(resumed.nextStep()).as("re-page the level paged last").isZero();
        assertThat(resumed.nextAt()).isEqualTo(NOW.plusSeconds(900));
        EscalationState reopened = paged.stopped().reopened(NOW.plusSeconds(1000), IncidentStatus.TRIGGERED);
        assertThat(reopened.status()).isEqualTo(EscalationStatus.ACTIVE);
        assertThat(reopened.nextAt()).as("a fresh timeout for the current level").isEqualTo(NOW.plusSeconds(1300));
        assertThat(paged.stopped().reopened(NOW, IncidentStatus.ACKNOWLEDGED).status()).isEqualTo(EscalationStatus.PAUSED);
        EscalationState exhausted = paged.exhausted(3, 1);
        assertThat(exhausted.reopened(NOW, IncidentStatus.TRIGGERED)).isEqualTo(exhausted);
        assertThat(exhausted.escalatedNow(NOW).nextStep()).as("starts over").isZero();
    }
}
