package dev.firebell.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.incident.AlarmTrack;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentHistory;
import dev.firebell.incident.IncidentStateException;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.IncidentStore;
import dev.firebell.incident.NoSuchIncidentException;
import dev.firebell.incident.Transition;
import dev.firebell.metrics.IncidentMetrics;
import dev.firebell.metrics.IncidentMetricsStore;
import dev.firebell.paging.Page;
import dev.firebell.paging.PageMessage;
import dev.firebell.paging.PagingException;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The use case with in-memory ports: idempotent under redelivery, nothing lost across a crash. */
class PostmortemServiceTest {

    private final Map<String, Incident> incidents = new HashMap<>();
    private final Map<String, List<TimelineEntry>> timelines = new HashMap<>();
    private final Map<String, List<StoredDraft>> versions = new HashMap<>();
    private final List<PageMessage> published = new ArrayList<>();
    private final List<IncidentMetrics> emitted = new ArrayList<>();
    private final Set<String> recordedResolutions = new HashSet<>();
    private final List<Incident> history = new ArrayList<>();
    private boolean snsDown;

    private final IncidentStore store = new IncidentStore() {
        @Override
        public AlarmTrack track(String dedupKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Incident> incident(String incidentId) {
            return Optional.ofNullable(incidents.get(incidentId));
        }

        @Override
        public String nextIncidentId() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void apply(Transition transition, String eventKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void update(Incident changed, List<TimelineEntry> entries, List<Page> pages, AlarmTrack track) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<TimelineEntry> timeline(String incidentId) {
            return timelines.getOrDefault(incidentId, List.of());
        }

        @Override
        public List<Page> pages(String incidentId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<String> lastPagedIncident(String target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Incident> openIncidents() {
            throw new UnsupportedOperationException();
        }
    };

    private final IncidentHistory incidentHistory = new IncidentHistory() {
        @Override
        public List<Incident> openedBetween(Instant from, Instant to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Incident> ofServiceOpenedBetween(String service, Instant from, Instant to) {
            return history.stream().filter(i -> i.service().equals(service) && !i.openedAt().isBefore(from)
                    && i.openedAt().isBefore(to)).toList();
        }

        @Override
        public List<Incident> withDedupKeyOpenedBetween(String dedupKey, Instant from, Instant to) {
            return history.stream().filter(i -> dedupKey.equals(i.dedupKey()) && !i.openedAt().isBefore(from)
                    && i.openedAt().isBefore(to)).toList();
        }
    };

    private final PostmortemStore drafts = new PostmortemStore() {
        @Override
        public Optional<StoredDraft> latest(String incidentId) {
            List<StoredDraft> all = versions.getOrDefault(incidentId, List.of());
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
        }

        @Override
        public StoredDraft save(PostmortemDraft draft) {
            List<StoredDraft> all = versions.computeIfAbsent(draft.incidentId(), k -> new ArrayList<>());
            StoredDraft stored = new StoredDraft(draft.incidentId(), "mem://" + draft.incidentId(), "v" + (all.size() + 1),
                    draft.sha256(), false, null, null);
            all.add(stored);
            return stored;
        }

        @Override
        public void markAnnounced(StoredDraft draft) {
            List<StoredDraft> all = versions.get(draft.incidentId());
            all.replaceAll(v -> v.versionId().equals(draft.versionId()) ? v.withAnnounced() : v);
        }
    };

    private final IncidentMetricsStore metricsStore = new IncidentMetricsStore() {
        @Override
        public boolean record(IncidentMetrics metrics) {
            return recordedResolutions.add(metrics.incidentId() + "@" + metrics.resolvedAt());
        }

        @Override
        public List<IncidentMetrics> openedBetween(Instant from, Instant to) {
            throw new UnsupportedOperationException();
        }
    };

    private final PostmortemService service = new PostmortemService(store, incidentHistory, drafts, message -> {
        if (snsDown) {
            throw new PagingException("SNS publish failed: simulated outage", null);
        }
        published.add(message);
        return "msg-" + published.size();
    }, metricsStore, emitted::add, Duration.ofDays(30));

    private Fixtures.Case given(Fixtures.Case c) {
        incidents.put(c.incident().id(), c.incident());
        timelines.put(c.incident().id(), new ArrayList<>(c.timeline()));
        return c;
    }

    @Test
    void draft_shouldStoreAnnounceAndRecordMetrics_onTheFirstResolve() {
        given(Fixtures.simple());

        PostmortemService.Outcome outcome = service.draft("1", PostmortemService.Trigger.RESOLVED);

        assertThat(outcome.kind()).isEqualTo(PostmortemService.Kind.CREATED);
        assertThat(outcome.announced()).isTrue();
        assertThat(outcome.metricsRecorded()).isTrue();
        assertThat(versions.get("1")).singleElement().satisfies(v -> assertThat(v.announced()).isTrue());
        assertThat(published).singleElement().satisfies(m -> {
            assertThat(m.attributes()).containsEntry("event_type", "postmortem.drafted").containsEntry("incident_id", "1")
                    .containsEntry("service", "checkout").containsEntry("severity", "SEV2")
                    .as("no target: subscriptions selecting pages by target (phones) never get it")
                    .doesNotContainKey("target");
            assertThat(m.subject()).isEqualTo("[Firebell] Postmortem draft: SEV2 #1 checkout: checkout-api-5xx-high");
            assertThat(m.document()).containsEntry("eventType", "postmortem.drafted").containsEntry("status", "Draft");
            assertThat(m.emailBody()).contains("mem://1 (version v1)");
        });
        assertThat(emitted).singleElement().satisfies(m -> assertThat(m.timeToResolve()).isEqualTo(Duration.ofMinutes(12)));
    }

    @Test
    void draft_shouldChangeNothing_whenTheSameResolutionArrivesAgain() {
        given(Fixtures.simple());
        service.draft("1", PostmortemService.Trigger.RESOLVED);

        PostmortemService.Outcome again = service.draft("1", PostmortemService.Trigger.RESOLVED);
        PostmortemService.Outcome onDemand = service.draft("1", PostmortemService.Trigger.ON_DEMAND);

        assertThat(again.kind()).isEqualTo(PostmortemService.Kind.UNCHANGED);
        assertThat(onDemand.kind()).isEqualTo(PostmortemService.Kind.UNCHANGED);
        assertThat(versions.get("1")).hasSize(1);
        assertThat(published).hasSize(1);
        assertThat(emitted).hasSize(1);
    }

    @Test
    void draft_shouldAddAVersion_keepingTheEarlierOne_whenANoteWasAddedAfterTheResolve() {
        given(Fixtures.simple());
        service.draft("1", PostmortemService.Trigger.RESOLVED);
        timelines.get("1").add(new TimelineEntry("1", Fixtures.t("10:00:00"), TimelineEntryType.NOTE, "alice",
                "Follow-up: the deploy pipeline skipped the canary stage for this service.", Map.of()));

        PostmortemService.Outcome regenerated = service.draft("1", PostmortemService.Trigger.ON_DEMAND);

        assertThat(regenerated.kind()).isEqualTo(PostmortemService.Kind.CREATED);
        assertThat(versions.get("1")).extracting(StoredDraft::versionId).containsExactly("v1", "v2");
        assertThat(versions.get("1").get(0).sha256()).isNotEqualTo(versions.get("1").get(1).sha256());
        assertThat(published).hasSize(2);
        assertThat(emitted).as("the same resolution is counted once").hasSize(1);
    }

    @Test
    void draft_shouldAnnounceOnTheRetry_whenThePublishFailedAfterStoring() {
        given(Fixtures.simple());
        snsDown = true;
        assertThatThrownBy(() -> service.draft("1", PostmortemService.Trigger.RESOLVED))
                .isInstanceOf(PagingException.class);
        assertThat(versions.get("1")).singleElement().satisfies(v -> assertThat(v.announced()).isFalse());
        snsDown = false;

        PostmortemService.Outcome retry = service.draft("1", PostmortemService.Trigger.RESOLVED);

        assertThat(retry.kind()).isEqualTo(PostmortemService.Kind.UNCHANGED);
        assertThat(retry.announced()).isTrue();
        assertThat(versions.get("1")).hasSize(1);
        assertThat(published).hasSize(1);
        assertThat(emitted).hasSize(1);
    }

    @Test
    void draft_shouldWait_whenTheIncidentReopenedAfterTheStreamRecord() {
        Fixtures.Case c = Fixtures.simple();
        incidents.put("1", c.incident().toBuilder().status(IncidentStatus.TRIGGERED).resolvedAt(null).build());

        PostmortemService.Outcome outcome = service.draft("1", PostmortemService.Trigger.RESOLVED);

        assertThat(outcome.kind()).isEqualTo(PostmortemService.Kind.SKIPPED);
        assertThat(outcome.detail()).contains("reopened");
        assertThat(versions).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void draft_shouldRefuseWithAClearError_andWriteNothing_forAnOpenOrMissingIncident() {
        Fixtures.Case c = Fixtures.simple();
        incidents.put("1", c.incident().toBuilder().status(IncidentStatus.ACKNOWLEDGED).resolvedAt(null).build());

        assertThatThrownBy(() -> service.draft("1", PostmortemService.Trigger.ON_DEMAND))
                .isInstanceOf(IncidentStateException.class).hasMessage("#1 is ACKNOWLEDGED; its postmortem draft is"
                        + " composed once it is resolved");
        assertThatThrownBy(() -> service.draft("404", PostmortemService.Trigger.ON_DEMAND))
                .isInstanceOf(NoSuchIncidentException.class).hasMessage("there is no incident #404");
        assertThatThrownBy(() -> service.draft(" ", PostmortemService.Trigger.ON_DEMAND))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("incident id is missing");
        assertThat(versions).isEmpty();
        assertThat(published).isEmpty();
        assertThat(emitted).isEmpty();
    }

    @Test
    void draft_shouldListRelatedIncidents_ofTheSameAlarmInAnyService_andOfTheSameService() {
        Fixtures.Case c = given(Fixtures.simple());
        String alarm = c.incident().dedupKey();
        history.add(Fixtures.past("7", "checkout-api-5xx-high", "storefront", dev.firebell.routing.Severity.SEV2,
                "2026-11-20T14:02:11Z", Duration.ofMinutes(3), "alarm", alarm));
        history.add(Fixtures.past("5", "checkout-db", "checkout", dev.firebell.routing.Severity.SEV3,
                "2026-11-12T03:40:00Z", Duration.ofMinutes(48), "bob", Fixtures.arn("checkout-db")));
        history.add(Fixtures.past("2", "checkout-db", "checkout", dev.firebell.routing.Severity.SEV3,
                "2026-10-01T03:40:00Z", Duration.ofMinutes(48), "bob", Fixtures.arn("checkout-db")));
        history.add(c.incident());

        service.draft("1", PostmortemService.Trigger.RESOLVED);
        String md = new PostmortemComposer(Duration.ofDays(30)).compose(c.incident(), c.timeline(), List.of(
                new RelatedIncident(history.get(0), true), new RelatedIncident(history.get(1), false))).markdown();

        assertThat(versions.get("1").get(0).sha256()).as("#7 (other service, same alarm) and #5; not #2 (too old)"
                + " nor #1 itself").isEqualTo(new PostmortemDraft(c.incident(), md, List.of(), null).sha256());
    }
}
