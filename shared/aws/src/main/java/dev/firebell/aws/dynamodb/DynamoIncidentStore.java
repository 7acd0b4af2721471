package dev.firebell.aws.dynamodb;

import dev.firebell.escalation.EscalationState;
import dev.firebell.incident.AlarmTrack;
import dev.firebell.incident.ConcurrentChangeException;
import dev.firebell.incident.EventAlreadyProcessedException;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentDetail;
import dev.firebell.incident.IncidentNumbers;
import dev.firebell.incident.IncidentPage;
import dev.firebell.incident.IncidentQuery;
import dev.firebell.incident.IncidentStore;
import dev.firebell.incident.ServiceGroup;
import dev.firebell.incident.Transition;
import dev.firebell.paging.Page;
import dev.firebell.timeline.TimelineEntry;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Incidents, their dedup tracks, timelines and service groups in the single table. Each transition is one
 * TransactWriteItems that also records the event key (see {@link TransitionWrites}), so a transition and its
 * idempotency record are written together or not at all.
 */
public final class DynamoIncidentStore implements IncidentStore {

    /** How long a counter read with a track stands in for reading it again (a decision takes milliseconds). */
    static final long COUNTER_READ_VALID_NANOS = 2_000_000_000L;

    private final IncidentTable items;
    private final InstantSource clock;
    /** The configuration store whose pointer item a track's read also fetches when its cache has run out; or null. */
    private final DynamoConfigStore config;
    /** The counter as read with this thread's last track, until the decision after it uses it (once). */
    private final ThreadLocal<CounterRead> counterRead = new ThreadLocal<>();

    private record CounterRead(Map<String, AttributeValue> item, long atNanos) {
    }

    public DynamoIncidentStore(DynamoDbClient dynamo, String table, InstantSource clock) {
        this(dynamo, table, clock, null);
    }

    /**
     * @param config read in the same request as an alarm's track when its cache has run out (ADR 0055), so a first
     *               alarm reads its configuration, its track and the incident counter in one round trip
     */
    public DynamoIncidentStore(DynamoDbClient dynamo, String table, InstantSource clock, DynamoConfigStore config) {
        this.items = new IncidentTable(new Table(dynamo, table));
        this.clock = clock;
        this.config = config;
    }

    // ---------------------------------------------------------------- reads

    /**
     * The track, read strongly consistent in one BatchGetItem with the incident counter (which the decision that
     * follows asks for when it opens an incident: {@link #nextIncidentId}) and, when the configuration's cache has run
     * out, the configuration pointer (which the alarm's routing then finds cached). One round trip instead of three.
     */
    @Override
    public AlarmTrack track(String dedupKey) {
        Instant now = clock.instant();
        Map<String, AttributeValue> trackKey = Table.key(Keys.track(dedupKey), Keys.TRACK_SK);
        Map<String, AttributeValue> counterKey = Table.key(Keys.INCIDENT_COUNTER, Keys.COUNTER_SK);
        boolean withConfig = config != null && config.stale(now);
        List<Map<String, AttributeValue>> keys = new ArrayList<>(List.of(trackKey, counterKey));
        if (withConfig) {
            keys.add(DynamoConfigStore.pointerKey());
        }
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> read = items.table().getAll(keys);
        if (withConfig) {
            config.accept(read.get(DynamoConfigStore.pointerKey()), now);
        }
        counterRead.set(new CounterRead(read.get(counterKey), System.nanoTime()));
        return IncidentItems.track(dedupKey, read.get(trackKey));
    }

    @Override
    public Optional<Incident> incident(String incidentId) {
        return Optional.ofNullable(items.table().get(Keys.incident(incidentId), Keys.INCIDENT_SK))
                .map(IncidentItems::incident);
    }

    @Override
    public ServiceGroup serviceGroup(String service) {
        return IncidentItems.serviceGroup(service, items.table().get(Keys.group(service), Keys.GROUP_SK));
    }

    /**
     * The number after the counter's: as read with this thread's track a moment ago (once), or read now. Either way
     * the transaction that creates the incident takes the number only if the counter still holds the one before, so a
     * counter that moved since is a lost race, decided again with a fresh read (ADR 0006).
     */
    @Override
    public String nextIncidentId() {
        CounterRead prefetched = counterRead.get();
        counterRead.remove();
        // A negative age is a read from before a SnapStart restore, timed by another machine's clock (ADR 0053).
        long age = prefetched == null ? -1 : System.nanoTime() - prefetched.atNanos();
        Map<String, AttributeValue> counter = age >= 0 && age < COUNTER_READ_VALID_NANOS
                ? prefetched.item() : items.table().get(Keys.INCIDENT_COUNTER, Keys.COUNTER_SK);
        return IncidentNumbers.after(IncidentItems.lastNumber(counter));
    }

    @Override
    public Optional<EscalationState> escalation(String incidentId) {
        return items.escalationOf(incidentId);
    }

    @Override
    public List<TimelineEntry> timeline(String incidentId) {
        List<TimelineEntry> out = new ArrayList<>();
        for (var item : items.table().partition(Keys.incident(incidentId), Keys.TIMELINE_PREFIX)) {
            out.add(IncidentItems.timeline(item));
        }
        return out;
    }

    @Override
    public List<Page> pages(String incidentId) {
        return items.pagesOf(incidentId);
    }

    /** The newest item of the target's partition: its newest page sent, or a deployment's older single item. */
    @Override
    public Optional<String> lastPagedIncident(String target) {
        return items.table().newest(Keys.target(target)).map(IncidentItems::lastPagedIncident);
    }

    /**
     * One Query on the incident's partition, strongly consistent: the incident, its timeline, pages and escalation
     * share it (with its metrics and announcement, which are not read here).
     */
    @Override
    public Optional<IncidentDetail> detail(String incidentId) {
        Incident incident = null;
        EscalationState escalation = null;
        List<TimelineEntry> timeline = new ArrayList<>();
        List<Page> pages = new ArrayList<>();
        for (var item : items.table().partition(Keys.incident(incidentId))) {
            String sk = item.get(Keys.SK).s();
            if (sk.equals(Keys.INCIDENT_SK)) {
                incident = IncidentItems.incident(item);
            } else if (sk.equals(Keys.ESCALATION_SK)) {
                escalation = IncidentItems.escalation(item);
            } else if (sk.startsWith(Keys.TIMELINE_PREFIX)) {
                timeline.add(IncidentItems.timeline(item));
            } else if (sk.startsWith(Keys.PAGE_PREFIX)) {
                pages.add(IncidentItems.page(item));
            }
        }
        return incident == null ? Optional.empty()
                : Optional.of(new IncidentDetail(incident, timeline, pages, escalation));
    }

    /** From GSI2 (a service's) or GSI3 (by month), backwards: see {@link IncidentIndexPages}. */
    @Override
    public IncidentPage incidents(IncidentQuery query) {
        return new IncidentIndexPages(items.table()).page(query);
    }

    @Override
    public List<Incident> openIncidents() {
        List<Incident> out = new ArrayList<>();
        items.table().index(Keys.OPEN_PARTITION).forEach(item -> out.add(IncidentItems.incident(item)));
        out.sort(Comparator.comparing(Incident::openedAt));
        return out;
    }

    // ---------------------------------------------------------------- writes

    @Override
    public void apply(Transition transition, String eventKey) {
        List<TransactWriteItem> transaction = transition.accept(
                new TransitionWrites(items, eventKey, clock.instant()));
        if (transaction.isEmpty()) {
            return;
        }
        try {
            items.table().transact(transaction);
        } catch (TransactionCanceledException e) {
            // TransitionWrites puts the event record first: its condition failing (reason 0) means a redelivery.
            if (IncidentTable.isRedelivery(e)) {
                throw new EventAlreadyProcessedException(eventKey, IncidentTable.firstDeliverysIncident(e));
            }
            throw new ConcurrentChangeException("transaction cancelled for " + eventKey + ": " + Table.codes(e), e);
        }
    }

    @Override
    public void update(Incident changed, List<TimelineEntry> entries, List<Page> pages, AlarmTrack track) {
        update(changed, entries, pages, track, null);
    }

    @Override
    public void update(Incident changed, List<TimelineEntry> entries, List<Page> pages, AlarmTrack track,
                       EscalationState escalation) {
        List<TransactWriteItem> transaction = new ArrayList<>();
        if (changed.version() == 0) {
            transaction.addAll(items.created(changed));
        } else {
            transaction.add(items.changed(changed));
        }
        transaction.addAll(items.timeline(entries));
        transaction.addAll(items.pages(pages));
        if (track != null) {
            transaction.add(items.track(track));
        }
        if (escalation != null) {
            transaction.add(items.escalation(escalation));
        }
        try {
            items.table().transact(transaction);
        } catch (TransactionCanceledException e) {
            throw new ConcurrentChangeException("incident " + changed.id() + " changed while it was being updated"
                    + (changed.version() == 0 ? ", or another incident took its number" : ""), e);
        }
    }
}
