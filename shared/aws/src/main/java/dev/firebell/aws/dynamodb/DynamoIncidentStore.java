package dev.firebell.aws.dynamodb;

import dev.firebell.escalation.EscalationState;
import dev.firebell.escalation.EscalationStore;
import dev.firebell.incident.AlarmTrack;
import dev.firebell.incident.ConcurrentChangeException;
import dev.firebell.incident.EventAlreadyProcessedException;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentNumbers;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.IncidentStore;
import dev.firebell.incident.ServiceGroup;
import dev.firebell.incident.Transition;
import dev.firebell.paging.Page;
import dev.firebell.paging.PageOutbox;
import dev.firebell.paging.PageStatus;
import dev.firebell.timeline.TimelineEntry;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Incidents, their timelines, pages, escalations and dedup tracks in one DynamoDB table. Each transition
 * is a single TransactWriteItems that also records the event key, so a transition and its idempotency
 * record are written together or not at all.
 */
public final class DynamoIncidentStore implements IncidentStore, PageOutbox, EscalationStore {

    private final Table table;
    private final IncidentWrites writes;

    public DynamoIncidentStore(DynamoDbClient dynamo, String table, InstantSource clock) {
        this.table = new Table(dynamo, table);
        this.writes = new IncidentWrites(this.table, clock);
    }

    // ---------------------------------------------------------------- reads

    @Override
    public AlarmTrack track(String dedupKey) {
        return IncidentItems.track(dedupKey, table.get(Keys.track(dedupKey), Keys.TRACK_SK));
    }

    @Override
    public Optional<Incident> incident(String incidentId) {
        return Optional.ofNullable(table.get(Keys.incident(incidentId), Keys.INCIDENT_SK)).map(IncidentItems::incident);
    }

    @Override
    public ServiceGroup serviceGroup(String service) {
        return IncidentItems.serviceGroup(service, table.get(Keys.group(service), Keys.GROUP_SK));
    }

    @Override
    public String nextIncidentId() {
        return IncidentNumbers.after(IncidentItems.lastNumber(table.get(Keys.INCIDENT_COUNTER, Keys.COUNTER_SK)));
    }

    @Override
    public List<TimelineEntry> timeline(String incidentId) {
        List<TimelineEntry> out = new ArrayList<>();
        for (var item : table.partition(Keys.incident(incidentId), Keys.TIMELINE_PREFIX)) {
            out.add(IncidentItems.timeline(item));
        }
        return out;
    }

    @Override
    public List<Page> pages(String incidentId) {
        List<Page> out = new ArrayList<>();
        for (var item : table.partition(Keys.incident(incidentId), Keys.PAGE_PREFIX)) {
            out.add(IncidentItems.page(item));
        }
        return out;
    }

    @Override
    public List<Incident> openIncidents() {
        List<Incident> out = new ArrayList<>();
        table.index(Keys.OPEN_PARTITION).forEach(item -> out.add(IncidentItems.incident(item)));
        out.sort((a, b) -> a.openedAt().compareTo(b.openedAt()));
        return out;
    }

    // ---------------------------------------------------------------- transitions

    @Override
    public void apply(Transition transition, String eventKey) {
        List<TransactWriteItem> transaction = transition.accept(new TransitionWrites(writes, eventKey));
        if (transaction.isEmpty()) {
            return;
        }
        try {
            table.transact(transaction);
        } catch (TransactionCanceledException e) {
            // TransitionWrites puts the event record first: its condition failing means this event was processed.
            if (IncidentWrites.isRedelivery(e)) {
                throw new EventAlreadyProcessedException(eventKey, IncidentWrites.firstDeliverysIncident(e));
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
            transaction.addAll(writes.created(changed));
        } else {
            transaction.add(writes.changed(changed));
        }
        transaction.addAll(writes.timeline(entries));
        transaction.addAll(writes.pages(pages));
        if (track != null) {
            transaction.add(writes.track(track));
        }
        if (escalation != null) {
            transaction.add(writes.escalation(escalation));
        }
        try {
            table.transact(transaction);
        } catch (TransactionCanceledException e) {
            throw new ConcurrentChangeException("incident " + changed.id() + " changed while it was being updated", e);
        }
    }

    // ---------------------------------------------------------------- escalations

    @Override
    public Optional<EscalationState> escalation(String incidentId) {
        return Optional.ofNullable(table.get(Keys.incident(incidentId), Keys.ESCALATION_SK))
                .map(IncidentItems::escalation);
    }

    @Override
    public List<EscalationState> dueEscalations(Instant now, int limit) {
        List<EscalationState> out = new ArrayList<>();
        for (var item : table.index(Keys.DUE_ESCALATIONS_PARTITION, Keys.sortable(now) + "#~", limit)) {
            out.add(IncidentItems.escalation(item));
        }
        return out;
    }

    @Override
    public Optional<Instant> earliestEscalationDue() {
        return table.index(Keys.DUE_ESCALATIONS_PARTITION, null, 1).stream().findFirst()
                .map(item -> IncidentItems.escalation(item).nextAt());
    }

    @Override
    public void save(EscalationState state, List<Page> pages, List<TimelineEntry> entries, Incident changedIncident,
                     boolean requireTriggered) {
        List<TransactWriteItem> transaction = new ArrayList<>();
        transaction.add(writes.escalation(state));
        transaction.addAll(writes.pages(pages));
        transaction.addAll(writes.timeline(entries));
        if (changedIncident != null) {
            transaction.add(writes.changed(changedIncident));
        } else if (requireTriggered) {
            transaction.add(table.check(Keys.incident(state.incidentId()), Keys.INCIDENT_SK, "#status = :triggered",
                    Map.of("#status", "status"), Map.of(":triggered", Item.s(IncidentStatus.TRIGGERED.name()))));
        }
        try {
            table.transact(transaction);
        } catch (TransactionCanceledException e) {
            throw new ConcurrentChangeException("escalation of incident " + state.incidentId()
                    + " changed, or the incident is no longer triggered", e);
        }
    }

    // ---------------------------------------------------------------- outbox

    @Override
    public List<Page> claimDue(Instant now, Instant leaseUntil, String claimToken, int limit) {
        List<Page> claimed = new ArrayList<>();
        for (var item : table.index(Keys.PENDING_PAGES_PARTITION, Keys.sortable(now) + "#~", limit)) {
            claim(IncidentItems.page(item), now, leaseUntil, claimToken).ifPresent(claimed::add);
        }
        return claimed;
    }

    @Override
    public Optional<Instant> earliestPageDue() {
        return table.index(Keys.PENDING_PAGES_PARTITION, null, 1).stream().findFirst()
                .map(item -> IncidentItems.page(item).dueAt());
    }

    @Override
    public List<Page> claimPending(String incidentId, Instant now, Instant leaseUntil, String claimToken) {
        List<Page> claimed = new ArrayList<>();
        for (Page page : pages(incidentId)) {
            if (page.status() == PageStatus.PENDING && !page.dueAt().isAfter(now)) {
                claim(page, now, leaseUntil, claimToken).ifPresent(claimed::add);
            }
        }
        return claimed;
    }

    /** Takes the lease only if it has run out, so a live worker's page is never taken from it. */
    private Optional<Page> claim(Page page, Instant now, Instant leaseUntil, String token) {
        boolean claimed = table.updateIf(Keys.incident(page.incidentId()), Keys.page(page.sequence()),
                "SET claimToken = :token, dueAt = :lease, GSI1SK = :sk",
                "#status = :pending AND dueAt <= :now",
                Map.of("#status", "status"),
                Map.of(":token", Item.s(token),
                        ":lease", Item.s(Keys.sortable(leaseUntil)),
                        ":sk", Item.s(IncidentItems.pendingSortKey(leaseUntil, page.pageId())),
                        ":pending", Item.s(PageStatus.PENDING.name()),
                        ":now", Item.s(Keys.sortable(now))));
        return claimed ? Optional.of(page.claimedBy(token, leaseUntil)) : Optional.empty();
    }

    @Override
    public boolean markSent(Page page, String messageId, Instant sentAt, TimelineEntry entry) {
        boolean marked = finishClaim(page, "SET #status = :sent, sentAt = :at, messageId = :mid ADD attempts :one"
                        + " REMOVE GSI1PK, GSI1SK, claimToken",
                Map.of(":sent", Item.s(PageStatus.SENT.name()), ":at", Item.s(sentAt.toString()),
                        ":mid", Item.s(messageId), ":one", Table.ONE), entry);
        if (marked) {
            rememberLastPage(page, sentAt);
        }
        return marked;
    }

    /**
     * The target's latest page answers "which incident was I paged for?" without an index. Written after the SENT
     * mark, not in its transaction: when two pages to one person are sent at once and the newer is recorded first,
     * the older one's "only if newer" condition must not cancel its SENT mark (the page would stay pending and be
     * sent again once its lease ran out). A crash between the two writes leaves the previous page as the hint.
     * When a newer page to this target is recorded already, it stays the answer.
     */
    private void rememberLastPage(Page page, Instant sentAt) {
        Map<String, AttributeValue> lastPage = Item.builder()
                .str(Keys.PK, Keys.target(page.target())).str(Keys.SK, Keys.LAST_PAGE_SK).str("type", "last-page")
                .str("target", page.target()).str("incidentId", page.incidentId()).str("pageId", page.pageId())
                .instant("sentAt", sentAt).build();
        table.putIf(lastPage, "attribute_not_exists(sentAt) OR sentAt <= :at", Map.of(":at", Item.s(sentAt.toString())));
    }

    @Override
    public Optional<String> lastPagedIncident(String target) {
        return Optional.ofNullable(table.get(Keys.target(target), Keys.LAST_PAGE_SK))
                .map(item -> Item.of(item).str("incidentId"));
    }

    @Override
    public boolean markFailed(Page page, Instant retryAt, TimelineEntry entry) {
        return finishClaim(page, "SET dueAt = :retry, GSI1SK = :sk, lastError = :error ADD attempts :one",
                Map.of(":retry", Item.s(Keys.sortable(retryAt)),
                        ":sk", Item.s(IncidentItems.pendingSortKey(retryAt, page.pageId())),
                        ":error", Item.s(entry.summary()), ":one", Table.ONE), entry);
    }

    @Override
    public boolean postpone(Page page, Instant until, TimelineEntry entry) {
        return finishClaim(page, "SET dueAt = :until, GSI1SK = :sk REMOVE claimToken",
                Map.of(":until", Item.s(Keys.sortable(until)),
                        ":sk", Item.s(IncidentItems.pendingSortKey(until, page.pageId()))), entry);
    }

    @Override
    public boolean cancel(Page page, TimelineEntry entry) {
        return finishClaim(page, "SET #status = :cancelled REMOVE GSI1PK, GSI1SK, claimToken",
                Map.of(":cancelled", Item.s(PageStatus.CANCELLED.name())), entry);
    }

    /** The page's change (write 0, still claimed by this worker) and its timeline entry, together. */
    private boolean finishClaim(Page page, String updateExpression, Map<String, AttributeValue> values,
                                TimelineEntry entry) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":pending", Item.s(PageStatus.PENDING.name()));
        all.put(":token", Item.s(page.claimToken()));
        try {
            table.transact(List.of(
                    table.update(Keys.incident(page.incidentId()), Keys.page(page.sequence()), updateExpression,
                            "#status = :pending AND claimToken = :token", Map.of("#status", "status"), all),
                    writes.entry(entry)));
            return true;
        } catch (TransactionCanceledException e) {
            if (Table.failedCondition(e, 0)) {
                return false; // the lease ran out and another worker holds the page now
            }
            throw new ConcurrentChangeException("page " + page.pageId() + " could not be updated: " + Table.codes(e), e);
        }
    }
}
