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
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Incidents, their timelines, pages, escalations and dedup tracks in one DynamoDB table. Each transition
 * is a single TransactWriteItems that also records the event key, so a transition and its idempotency
 * record are written together or not at all.
 */
public final class DynamoIncidentStore implements IncidentStore, PageOutbox, EscalationStore {

    /** Longer than any redelivery: SNS retries Lambda for days, EventBridge for 24 h. */
    static final Duration EVENT_RETENTION = Duration.ofDays(30);

    private static final AttributeValue ONE = Item.n(1);
    private static final AttributeValue MINUS_ONE = Item.n(-1);

    private final DynamoDbClient dynamo;
    private final String table;
    private final InstantSource clock;

    public DynamoIncidentStore(DynamoDbClient dynamo, String table, InstantSource clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- reads

    @Override
    public AlarmTrack track(String dedupKey) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key(Keys.track(dedupKey), "DEDUP"))).item();
        return IncidentItems.track(dedupKey, item);
    }

    @Override
    public Optional<Incident> incident(String incidentId) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key(Keys.incident(incidentId), Keys.INCIDENT_SK))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(IncidentItems.incident(item));
    }

    @Override
    public ServiceGroup serviceGroup(String service) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key(Keys.group(service), Keys.GROUP_SK))).item();
        return IncidentItems.serviceGroup(service, item);
    }

    @Override
    public String nextIncidentId() {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key("COUNTER#incident", "COUNTER"))).item();
        return IncidentNumbers.after(item == null || item.isEmpty() ? 0 : Item.of(item).num("value", 0));
    }

    @Override
    public List<TimelineEntry> timeline(String incidentId) {
        List<TimelineEntry> out = new ArrayList<>();
        for (var item : queryPartition(Keys.incident(incidentId), Keys.TIMELINE_PREFIX)) {
            out.add(IncidentItems.timeline(item));
        }
        return out;
    }

    @Override
    public List<Page> pages(String incidentId) {
        List<Page> out = new ArrayList<>();
        for (var item : queryPartition(Keys.incident(incidentId), Keys.PAGE_PREFIX)) {
            out.add(IncidentItems.page(item));
        }
        return out;
    }

    @Override
    public List<Incident> openIncidents() {
        List<Incident> out = new ArrayList<>();
        var request = QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Keys.GSI1PK))
                .expressionAttributeValues(Map.of(":pk", Item.s(Keys.OPEN_PARTITION)))
                .build();
        dynamo.queryPaginator(request).items().forEach(item -> out.add(IncidentItems.incident(item)));
        out.sort((a, b) -> a.openedAt().compareTo(b.openedAt()));
        return out;
    }

    private List<Map<String, AttributeValue>> queryPartition(String pk, String skPrefix) {
        var request = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(Map.of(":pk", Item.s(pk), ":prefix", Item.s(skPrefix)))
                .build();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.queryPaginator(request).items().forEach(items::add);
        return items;
    }

    // ---------------------------------------------------------------- transitions

    @Override
    public void apply(Transition transition, String eventKey) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(eventRecord(eventKey, incidentIdOf(transition)));
        writes.add(trackWrite(transition.track()));
        if (transition.releases() != null) {
            // The alarm leaves a grouped incident (a person resolved it) while counted there in ALARM.
            writes.add(update(Keys.incident(transition.releases()), Keys.INCIDENT_SK,
                    "ADD " + IncidentItems.IN_ALARM + " :minus, version :one", "attribute_exists(PK)", Map.of(),
                    Map.of(":minus", MINUS_ONE, ":one", ONE)));
        }
        if (transition instanceof Transition.Open open) {
            writes.add(put(IncidentItems.incident(open.incident()), "attribute_not_exists(PK)", Map.of(), Map.of()));
            writes.add(numberTaken(open.incident().id()));
            for (int i = 0; i < open.entries().size(); i++) {
                writes.add(put(IncidentItems.timeline(open.entries().get(i), i), null, Map.of(), Map.of()));
            }
            for (Page page : open.pages()) {
                writes.add(put(IncidentItems.page(page), "attribute_not_exists(PK)", Map.of(), Map.of()));
            }
            if (open.escalation() != null) {
                writes.add(escalationWrite(open.escalation()));
            }
            if (open.group() != null) {
                // Guarded by the version read: of two alarms racing to open the service's incident, one wins and
                // the other, reading again, joins it.
                writes.add(open.group().version() == 0
                        ? put(IncidentItems.serviceGroup(open.group()), "attribute_not_exists(PK)", Map.of(), Map.of())
                        : put(IncidentItems.serviceGroup(open.group()), "version = :v", Map.of(),
                        Map.of(":v", Item.n(open.group().version()))));
            }
        } else if (transition instanceof Transition.Join join) {
            writes.add(joinWrite(join));
            writes.add(put(IncidentItems.timeline(join.entry(), 0), null, Map.of(), Map.of()));
        } else if (transition instanceof Transition.MemberOk ok) {
            // "Another alarm is still in ALARM" must still hold when written (count at least 2): two members
            // returning at once cannot both count on the other, and members that are not the last do not conflict.
            boolean checked = ok.atLeast() > 0;
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":minus", MINUS_ONE, ":one", ONE));
            if (checked) {
                values.put(":atLeast", Item.n(ok.atLeast()));
                values.put(":resolved", Item.s(IncidentStatus.RESOLVED.name()));
            }
            writes.add(update(Keys.incident(ok.incidentId()), Keys.INCIDENT_SK,
                    "ADD " + IncidentItems.IN_ALARM + " :minus, version :one",
                    checked ? IncidentItems.IN_ALARM + " >= :atLeast AND #status <> :resolved" : "attribute_exists(PK)",
                    checked ? Map.of("#status", "status") : Map.of(), values));
            writes.add(put(IncidentItems.timeline(ok.entry(), 0), null, Map.of(), Map.of()));
        } else if (transition instanceof Transition.Fold fold) {
            // Counting is commutative, so concurrent folds need no version check on the incident.
            writes.add(update(Keys.incident(fold.incidentId()), Keys.INCIDENT_SK,
                    "SET lastSeenAt = :seen ADD alarmCount :one, version :one",
                    "#status <> :resolved",
                    Map.of("#status", "status"),
                    Map.of(":seen", Item.s(fold.seenAt().toString()), ":one", ONE,
                            ":resolved", Item.s(IncidentStatus.RESOLVED.name()))));
            writes.add(put(IncidentItems.timeline(fold.entry(), 0), null, Map.of(), Map.of()));
        } else if (transition instanceof Transition.Resolve resolve) {
            Incident i = resolve.incident();
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":resolved", Item.s(IncidentStatus.RESOLVED.name()),
                    ":at", Item.s(resolve.okAt().toString()), ":by", Item.s(Incident.RESOLVED_BY_ALARM),
                    ":before", Item.s(i.status().name()), ":one", ONE, ":v", Item.n(i.version())));
            if (i.isGrouped()) {
                values.put(":minus", MINUS_ONE);
            }
            writes.add(update(Keys.incident(i.id()), Keys.INCIDENT_SK,
                    "SET #status = :resolved, resolvedAt = :at, resolvedBy = :by, statusBeforeResolve = :before"
                            + " ADD version :one" + (i.isGrouped() ? ", " + IncidentItems.IN_ALARM + " :minus" : "")
                            + " REMOVE GSI1PK, GSI1SK",
                    "version = :v",
                    Map.of("#status", "status"), values));
            writes.add(put(IncidentItems.timeline(resolve.entry(), 0), null, Map.of(), Map.of()));
        } else if (transition instanceof Transition.Reopen reopen) {
            Incident i = reopen.incident();
            writes.add(update(Keys.incident(i.id()), Keys.INCIDENT_SK,
                    "SET #status = :restored, lastSeenAt = :seen, GSI1PK = :open, GSI1SK = :openSk"
                            + " ADD reopenCount :one, alarmCount :one, version :one"
                            + (i.isGrouped() ? ", " + IncidentItems.IN_ALARM + " :one" : "")
                            + " REMOVE resolvedAt, resolvedBy, statusBeforeResolve",
                    "version = :v",
                    Map.of("#status", "status"),
                    Map.of(":restored", Item.s(i.status().name()), ":seen", Item.s(reopen.seenAt().toString()),
                            ":open", Item.s(Keys.OPEN_PARTITION), ":openSk", Item.s(IncidentItems.openSortKey(i)),
                            ":one", ONE, ":v", Item.n(i.version()))));
            writes.add(put(IncidentItems.timeline(reopen.entry(), 0), null, Map.of(), Map.of()));
            if (reopen.escalation() != null) {
                writes.add(escalationWrite(reopen.escalation()));
            }
        } else if (transition instanceof Transition.Note note) {
            writes.add(put(IncidentItems.timeline(note.entry(), 0), null, Map.of(), Map.of()));
        } else if (transition instanceof Transition.Ignore) {
            return;
        }
        transact(writes, eventKey);
    }

    @Override
    public void update(Incident changed, List<TimelineEntry> entries, List<Page> pages, AlarmTrack track) {
        update(changed, entries, pages, track, null);
    }

    @Override
    public void update(Incident changed, List<TimelineEntry> entries, List<Page> pages, AlarmTrack track,
                       EscalationState escalation) {
        List<TransactWriteItem> writes = new ArrayList<>();
        if (changed.version() == 0) {
            writes.add(put(IncidentItems.incident(changed), "attribute_not_exists(PK)", Map.of(), Map.of()));
            writes.add(numberTaken(changed.id()));
        } else {
            writes.add(put(IncidentItems.incident(changed), "version = :v", Map.of(), Map.of(":v", Item.n(changed.version()))));
        }
        for (int i = 0; i < entries.size(); i++) {
            writes.add(put(IncidentItems.timeline(entries.get(i), i), null, Map.of(), Map.of()));
        }
        for (Page page : pages) {
            writes.add(put(IncidentItems.page(page), "attribute_not_exists(PK)", Map.of(), Map.of()));
        }
        if (track != null) {
            writes.add(trackWrite(track));
        }
        if (escalation != null) {
            writes.add(escalationWrite(escalation));
        }
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
        } catch (TransactionCanceledException e) {
            throw new ConcurrentChangeException("incident " + changed.id() + " changed while it was being updated", e);
        }
    }

    // ---------------------------------------------------------------- escalations

    @Override
    public Optional<EscalationState> escalation(String incidentId) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key(Keys.incident(incidentId), Keys.ESCALATION_SK))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(IncidentItems.escalation(item));
    }

    @Override
    public List<EscalationState> dueEscalations(Instant now, int limit) {
        var request = QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("#pk = :pk AND #sk <= :now")
                .expressionAttributeNames(Map.of("#pk", Keys.GSI1PK, "#sk", Keys.GSI1SK))
                .expressionAttributeValues(Map.of(":pk", Item.s(Keys.DUE_ESCALATIONS_PARTITION),
                        ":now", Item.s(Keys.sortable(now) + "#~")))
                .limit(limit)
                .build();
        List<EscalationState> out = new ArrayList<>();
        for (var item : dynamo.query(request).items()) {
            out.add(IncidentItems.escalation(item));
        }
        return out;
    }

    @Override
    public Optional<Instant> earliestEscalationDue() {
        var request = QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Keys.GSI1PK))
                .expressionAttributeValues(Map.of(":pk", Item.s(Keys.DUE_ESCALATIONS_PARTITION)))
                .limit(1)
                .build();
        return dynamo.query(request).items().stream().findFirst()
                .map(item -> IncidentItems.escalation(item).nextAt());
    }

    @Override
    public void save(EscalationState state, List<Page> pages, List<TimelineEntry> entries, Incident changedIncident,
                     boolean requireTriggered) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(escalationWrite(state));
        for (Page page : pages) {
            writes.add(put(IncidentItems.page(page), "attribute_not_exists(PK)", Map.of(), Map.of()));
        }
        for (int i = 0; i < entries.size(); i++) {
            writes.add(put(IncidentItems.timeline(entries.get(i), i), null, Map.of(), Map.of()));
        }
        if (changedIncident != null) {
            writes.add(put(IncidentItems.incident(changedIncident), "version = :v", Map.of(),
                    Map.of(":v", Item.n(changedIncident.version()))));
        } else if (requireTriggered) {
            writes.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                    .key(key(Keys.incident(state.incidentId()), Keys.INCIDENT_SK))
                    .conditionExpression("#status = :triggered")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":triggered", Item.s(IncidentStatus.TRIGGERED.name())))
                    .build()).build());
        }
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
        } catch (TransactionCanceledException e) {
            throw new ConcurrentChangeException("escalation of incident " + state.incidentId()
                    + " changed, or the incident is no longer triggered", e);
        }
    }

    /**
     * The counter moves to a new incident's number, in the transaction that creates the incident, and only from the
     * number before it (from nothing, for #1): of two writers that read the same counter, one takes the number and
     * the other's transaction fails, so it asks for the next one. No number is taken without its incident.
     */
    private TransactWriteItem numberTaken(String incidentId) {
        long number = IncidentNumbers.of(incidentId);
        Map<String, AttributeValue> counter = Item.builder()
                .str(Keys.PK, "COUNTER#incident").str(Keys.SK, "COUNTER").str("type", "counter").num("value", number)
                .build();
        return number == 1
                ? put(counter, "attribute_not_exists(PK)", Map.of(), Map.of())
                : put(counter, "#value = :previous", Map.of("#value", "value"), Map.of(":previous", Item.n(number - 1)));
    }

    /** The escalation is rewritten whole, guarded by the version it was read at. */
    private TransactWriteItem escalationWrite(EscalationState state) {
        if (state.version() == 0) {
            return put(IncidentItems.escalation(state), "attribute_not_exists(PK)", Map.of(), Map.of());
        }
        return put(IncidentItems.escalation(state), "version = :v", Map.of(), Map.of(":v", Item.n(state.version())));
    }

    /**
     * A join counts up without a version check, so that a storm's alarms joining at once do not conflict with one
     * another (ADD commutes); it bumps the version, so a last member's resolve decided before it fails and is
     * decided again. The incident must still be open.
     */
    private TransactWriteItem joinWrite(Transition.Join join) {
        StringBuilder expression = new StringBuilder("SET lastSeenAt = :seen");
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":seen", Item.s(join.seenAt().toString()), ":one", ONE,
                ":resolved", Item.s(IncidentStatus.RESOLVED.name())));
        String condition = "#status <> :resolved AND attribute_exists(" + IncidentItems.MEMBER_COUNT + ")";
        if (join.listedName() != null) {
            expression.append(", ").append(IncidentItems.MEMBER_NAMES).append(" = list_append(")
                    .append(IncidentItems.MEMBER_NAMES).append(", :name)");
            values.put(":name", AttributeValue.fromL(List.of(Item.s(join.listedName()))));
            // Bounded even when joins race: the one that would overflow fails and decides again without its name.
            condition += " AND size(" + IncidentItems.MEMBER_NAMES + ") < :max";
            values.put(":max", Item.n(dev.firebell.incident.AlarmGroup.MAX_NAMES));
        }
        expression.append(" ADD alarmCount :one, version :one");
        if (join.counted()) {
            expression.append(", ").append(IncidentItems.IN_ALARM).append(" :one");
        }
        if (join.newMember()) {
            expression.append(", ").append(IncidentItems.MEMBER_COUNT).append(" :one");
        }
        return update(Keys.incident(join.incidentId()), Keys.INCIDENT_SK, expression.toString(), condition,
                Map.of("#status", "status"), values);
    }

    private static String incidentIdOf(Transition t) {
        if (t instanceof Transition.Open open) {
            return open.incident().id();
        }
        return t.track().incidentId();
    }

    private TransactWriteItem eventRecord(String eventKey, String incidentId) {
        Instant now = clock.instant();
        Map<String, AttributeValue> item = Item.builder()
                .str(Keys.PK, Keys.event(eventKey)).str(Keys.SK, "EVENT")
                .str("type", "event").str("eventKey", eventKey).str("incidentId", incidentId)
                .instant("processedAt", now)
                .num("expiresAt", now.plus(EVENT_RETENTION).getEpochSecond())
                .build();
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(PK)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).build();
    }

    /** The track is rewritten whole, guarded by the version it was read at. */
    private TransactWriteItem trackWrite(AlarmTrack track) {
        if (track.version() == 0) {
            return put(IncidentItems.track(track), "attribute_not_exists(PK)", Map.of(), Map.of());
        }
        return put(IncidentItems.track(track), "version = :v", Map.of(), Map.of(":v", Item.n(track.version())));
    }

    private void transact(List<TransactWriteItem> writes, String eventKey) {
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                Map<String, AttributeValue> old = reasons.get(0).item();
                String incidentId = old == null || !old.containsKey("incidentId") ? null : old.get("incidentId").s();
                throw new EventAlreadyProcessedException(eventKey, incidentId);
            }
            throw new ConcurrentChangeException("transaction cancelled for " + eventKey + ": " + codes(reasons), e);
        }
    }

    private static String codes(List<CancellationReason> reasons) {
        List<String> codes = new ArrayList<>();
        for (CancellationReason r : reasons) {
            codes.add(r.code());
        }
        return String.join(",", codes);
    }

    // ---------------------------------------------------------------- outbox

    @Override
    public List<Page> claimDue(Instant now, Instant leaseUntil, String claimToken, int limit) {
        var request = QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("#pk = :pk AND #sk <= :now")
                .expressionAttributeNames(Map.of("#pk", Keys.GSI1PK, "#sk", Keys.GSI1SK))
                .expressionAttributeValues(Map.of(":pk", Item.s(Keys.PENDING_PAGES_PARTITION),
                        ":now", Item.s(Keys.sortable(now) + "#~")))
                .limit(limit)
                .build();
        List<Page> claimed = new ArrayList<>();
        for (var item : dynamo.query(request).items()) {
            claim(IncidentItems.page(item), now, leaseUntil, claimToken).ifPresent(claimed::add);
        }
        return claimed;
    }

    @Override
    public Optional<Instant> earliestPageDue() {
        var request = QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Keys.GSI1PK))
                .expressionAttributeValues(Map.of(":pk", Item.s(Keys.PENDING_PAGES_PARTITION)))
                .limit(1)
                .build();
        return dynamo.query(request).items().stream().findFirst().map(item -> IncidentItems.page(item).dueAt());
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
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(key(Keys.incident(page.incidentId()), Keys.page(page.sequence())))
                    .updateExpression("SET claimToken = :token, dueAt = :lease, GSI1SK = :sk")
                    .conditionExpression("#status = :pending AND dueAt <= :now")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":token", Item.s(token),
                            ":lease", Item.s(Keys.sortable(leaseUntil)),
                            ":sk", Item.s(IncidentItems.pendingSortKey(leaseUntil, page.pageId())),
                            ":pending", Item.s(PageStatus.PENDING.name()),
                            ":now", Item.s(Keys.sortable(now)))));
            return Optional.of(page.claimedBy(token, leaseUntil));
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException lost) {
            return Optional.empty();
        }
    }

    @Override
    public boolean markSent(Page page, String messageId, Instant sentAt, TimelineEntry entry) {
        boolean marked = finishClaim(page, "SET #status = :sent, sentAt = :at, messageId = :mid ADD attempts :one"
                        + " REMOVE GSI1PK, GSI1SK, claimToken",
                Map.of(":sent", Item.s(PageStatus.SENT.name()), ":at", Item.s(sentAt.toString()),
                        ":mid", Item.s(messageId), ":one", ONE), entry);
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
     */
    private void rememberLastPage(Page page, Instant sentAt) {
        Map<String, AttributeValue> lastPage = Item.builder()
                .str(Keys.PK, Keys.target(page.target())).str(Keys.SK, "LASTPAGE").str("type", "last-page")
                .str("target", page.target()).str("incidentId", page.incidentId()).str("pageId", page.pageId())
                .instant("sentAt", sentAt).build();
        try {
            dynamo.putItem(r -> r.tableName(table).item(lastPage)
                    .conditionExpression("attribute_not_exists(sentAt) OR sentAt <= :at")
                    .expressionAttributeValues(Map.of(":at", Item.s(sentAt.toString()))));
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException newer) {
            // A newer page to this target is recorded already: it stays the answer.
        }
    }

    @Override
    public Optional<String> lastPagedIncident(String target) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key(Keys.target(target), "LASTPAGE"))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(Item.of(item).str("incidentId"));
    }

    @Override
    public boolean markFailed(Page page, Instant retryAt, TimelineEntry entry) {
        return finishClaim(page, "SET dueAt = :retry, GSI1SK = :sk, lastError = :error ADD attempts :one",
                Map.of(":retry", Item.s(Keys.sortable(retryAt)),
                        ":sk", Item.s(IncidentItems.pendingSortKey(retryAt, page.pageId())),
                        ":error", Item.s(entry.summary()), ":one", ONE), entry);
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

    private boolean finishClaim(Page page, String updateExpression, Map<String, AttributeValue> values,
                                TimelineEntry entry) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":pending", Item.s(PageStatus.PENDING.name()));
        all.put(":token", Item.s(page.claimToken()));
        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                update(Keys.incident(page.incidentId()), Keys.page(page.sequence()), updateExpression,
                        "#status = :pending AND claimToken = :token", Map.of("#status", "status"), all),
                put(IncidentItems.timeline(entry, 0), null, Map.of(), Map.of())));
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                return false; // the lease ran out and another worker holds the page now
            }
            throw new ConcurrentChangeException("page " + page.pageId() + " could not be updated: " + codes(reasons), e);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(Keys.PK, Item.s(pk), Keys.SK, Item.s(sk));
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition, Map<String, String> names,
                                  Map<String, AttributeValue> values) {
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (condition != null) {
            put.conditionExpression(condition);
        }
        if (!names.isEmpty()) {
            put.expressionAttributeNames(names);
        }
        if (!values.isEmpty()) {
            put.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private TransactWriteItem update(String pk, String sk, String expression, String condition,
                                     Map<String, String> names, Map<String, AttributeValue> values) {
        Update.Builder update = Update.builder().tableName(table).key(key(pk, sk)).updateExpression(expression)
                .conditionExpression(condition).expressionAttributeValues(values);
        if (!names.isEmpty()) {
            update.expressionAttributeNames(names);
        }
        return TransactWriteItem.builder().update(update.build()).build();
    }
}
