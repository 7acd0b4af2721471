package dev.firebell.postmortem;

import dev.firebell.account.Origins;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentHistory;
import dev.firebell.incident.IncidentStateException;
import dev.firebell.incident.IncidentStore;
import dev.firebell.incident.NoSuchIncidentException;
import dev.firebell.metrics.IncidentMetricsStore;
import dev.firebell.metrics.MetricsSink;
import dev.firebell.paging.Pager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The use case behind the postmortem function: compose the draft of a resolved incident, store it as a new
 * version if (and only if) its text changed, tell subscribers once per version, and record the incident's metrics
 * once per resolution. Every step can run again after a crash or a redelivery without doubling anything:
 *
 * <ul>
 *   <li>the draft is a pure function of stored data, so the same data gives the same hash and no new version;</li>
 *   <li>a version is marked announced only after the publish, so a crash in between announces it on the retry;</li>
 *   <li>metrics are recorded per incident and resolve time with a condition; only the first record emits them.</li>
 * </ul>
 */
public final class PostmortemService {

    /** Related incidents listed at most; newest first. */
    static final int MAX_RELATED = 20;

    /** Why a draft is being composed. */
    public enum Trigger {
        /** The table's stream saw the incident become resolved. */
        RESOLVED,
        /** Someone asked for it again (after adding notes, or after a fix to Firebell). */
        ON_DEMAND
    }

    public enum Kind {
        /** A new version was stored. */
        CREATED,
        /** The text is the same as the latest version's: nothing new stored. */
        UNCHANGED,
        /** The incident is open again: its draft waits for the next resolve. */
        SKIPPED
    }

    public record Outcome(String incidentId, Kind kind, StoredDraft draft, boolean announced, int findings,
                          boolean metricsRecorded, String detail) {
    }

    private final IncidentStore incidents;
    private final IncidentHistory history;
    private final PostmortemStore drafts;
    private final Pager pager;
    private final IncidentMetricsStore metrics;
    private final MetricsSink sink;
    private final PostmortemComposer composer;
    private final PostmortemAnnouncement announcement = new PostmortemAnnouncement();
    private final Duration relatedWindow;

    public PostmortemService(IncidentStore incidents, IncidentHistory history, PostmortemStore drafts, Pager pager,
                             IncidentMetricsStore metrics, MetricsSink sink, Duration relatedWindow) {
        this(incidents, history, drafts, pager, metrics, sink, relatedWindow, Origins.NONE);
    }

    /** @param origins names the account and region of an incident whose alarm comes from elsewhere than Firebell's */
    public PostmortemService(IncidentStore incidents, IncidentHistory history, PostmortemStore drafts, Pager pager,
                             IncidentMetricsStore metrics, MetricsSink sink, Duration relatedWindow, Origins origins) {
        this.incidents = incidents;
        this.history = history;
        this.drafts = drafts;
        this.pager = pager;
        this.metrics = metrics;
        this.sink = sink;
        this.relatedWindow = relatedWindow;
        this.composer = new PostmortemComposer(relatedWindow, origins);
    }

    /**
     * @throws NoSuchIncidentException  the incident does not exist; nothing is written
     * @throws IncidentStateException   asked on demand for an open incident; nothing is written
     */
    public Outcome draft(String incidentId, Trigger trigger) {
        if (incidentId == null || incidentId.isBlank()) {
            throw new IllegalArgumentException("incident id is missing");
        }
        Incident incident = incidents.incident(incidentId).orElseThrow(() -> new NoSuchIncidentException(incidentId));
        if (incident.isOpen()) {
            if (trigger == Trigger.RESOLVED) {
                return new Outcome(incidentId, Kind.SKIPPED, null, false, 0, false,
                        "#" + incidentId + " was reopened since it resolved; its draft is composed when it resolves again");
            }
            throw new IncidentStateException("#" + incidentId + " is " + incident.status()
                    + "; its postmortem draft is composed once it is resolved");
        }
        PostmortemDraft draft = composer.compose(incident, incidents.timeline(incidentId), related(incident));

        Optional<StoredDraft> latest = drafts.latest(incidentId);
        boolean unchanged = latest.isPresent() && latest.get().sha256().equals(draft.sha256());
        StoredDraft stored = unchanged ? latest.get() : drafts.save(draft);
        boolean announcedNow = false;
        if (!stored.announced()) {
            pager.publish(announcement.compose(draft, stored));
            drafts.markAnnounced(stored);
            stored = stored.withAnnounced();
            announcedNow = true;
        }
        boolean recorded = metrics.record(draft.metrics());
        if (recorded) {
            sink.emit(draft.metrics());
        }
        return new Outcome(incidentId, unchanged ? Kind.UNCHANGED : Kind.CREATED, stored, announcedNow,
                draft.findings().size(), recorded, unchanged ? "same text as the latest version" : "new version stored");
    }

    /** Same alarm or same service, opened in the window before this incident; newest first. */
    private List<RelatedIncident> related(Incident incident) {
        Instant to = incident.openedAt();
        Instant from = to.minus(relatedWindow);
        Map<String, RelatedIncident> byId = new LinkedHashMap<>();
        if (incident.dedupKey() != null) {
            for (Incident other : history.withDedupKeyOpenedBetween(incident.dedupKey(), from, to)) {
                byId.put(other.id(), new RelatedIncident(other, true));
            }
        }
        for (Incident other : history.ofServiceOpenedBetween(incident.service(), from, to)) {
            byId.putIfAbsent(other.id(), new RelatedIncident(other,
                    incident.dedupKey() != null && incident.dedupKey().equals(other.dedupKey())));
        }
        byId.remove(incident.id());
        List<RelatedIncident> related = new ArrayList<>(byId.values());
        related.sort(Comparator.comparing((RelatedIncident r) -> r.incident().openedAt()).reversed()
                .thenComparing(r -> r.incident().id()));
        return related.size() > MAX_RELATED ? List.copyOf(related.subList(0, MAX_RELATED)) : related;
    }
}
