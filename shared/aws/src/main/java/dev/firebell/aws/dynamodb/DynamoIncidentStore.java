package dev.firebell.aws.dynamodb;

import dev.firebell.escalation.EscalationState;
import dev.firebell.incident.AlarmTrack;
import dev.firebell.incident.ConcurrentChangeException;
import dev.firebell.incident.EventAlreadyProcessedException;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentNumbers;
import dev.firebell.incident.IncidentStore;
import dev.firebell.incident.ServiceGroup;
import dev.firebell.incident.Transition;
import dev.firebell.paging.Page;
import dev.firebell.timeline.TimelineEntry;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Incidents, their dedup tracks, timelines and service groups in the single table. Each transition is one
 * TransactWriteItems that also records the event key (see {@link TransitionWrites}), so a transition and its
 * idempotency record are written together or not at all.
 */
public final class DynamoIncidentStore implements IncidentStore {

    private final IncidentTable items;
    private final InstantSource clock;

    public DynamoIncidentStore(DynamoDbClient dynamo, String table, InstantSource clock) {
        this.items = new IncidentTable(new Table(dynamo, table));
        this.clock = clock;
    }

    // ---------------------------------------------------------------- reads

    @Override
    public AlarmTrack track(String dedupKey) {
        return IncidentItems.track(dedupKey, items.table().get(Keys.track(dedupKey), Keys.TRACK_SK));
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

    @Override
    public String nextIncidentId() {
        return IncidentNumbers.after(IncidentItems.lastNumber(
                items.table().get(Keys.INCIDENT_COUNTER, Keys.COUNTER_SK)));
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

    @Override
    public Optional<String> lastPagedIncident(String target) {
        return Optional.ofNullable(items.table().get(Keys.target(target), Keys.LAST_PAGE_SK))
                .map(IncidentItems::lastPagedIncident);
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
