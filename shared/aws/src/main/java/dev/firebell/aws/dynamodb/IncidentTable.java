package dev.firebell.aws.dynamodb;

import dev.firebell.escalation.EscalationState;
import dev.firebell.incident.AlarmTrack;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentNumbers;
import dev.firebell.paging.Page;
import dev.firebell.timeline.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * An incident's items as the incident, page and escalation stores share them: the reads more than one of them needs,
 * and each item's write with the condition that makes it safe under concurrency and redelivery. ({@link Table} is how
 * any request is built and sent; {@link IncidentItems} maps each item to and from the domain; {@link Keys} lays out
 * the keys.)
 */
final class IncidentTable {

    /** Longer than any redelivery: SNS retries Lambda for days, EventBridge for 24 h. */
    static final Duration EVENT_RETENTION = Duration.ofDays(30);

    private final Table table;

    IncidentTable(Table table) {
        this.table = table;
    }

    Table table() {
        return table;
    }

    // ---------------------------------------------------------------- reads

    /** The incident's pages, in sequence order. */
    List<Page> pagesOf(String incidentId) {
        List<Page> out = new ArrayList<>();
        for (var item : table.partition(Keys.incident(incidentId), Keys.PAGE_PREFIX)) {
            out.add(IncidentItems.page(item));
        }
        return out;
    }

    /** The incident's escalation, strongly consistent. */
    Optional<EscalationState> escalationOf(String incidentId) {
        return Optional.ofNullable(table.get(Keys.incident(incidentId), Keys.ESCALATION_SK))
                .map(IncidentItems::escalation);
    }

    // ---------------------------------------------------------------- writes

    /**
     * The record that an event was processed, only if it was not: the FIRST write of every transition's transaction,
     * because a cancelled transaction reports the redelivery as its reason 0 ({@link #isRedelivery}), with the record
     * that stands (and the incident the first delivery touched).
     */
    TransactWriteItem eventRecord(String eventKey, String incidentId, Instant now) {
        Map<String, AttributeValue> item = Item.builder()
                .str(Keys.PK, Keys.event(eventKey)).str(Keys.SK, Keys.EVENT_SK)
                .str("type", "event").str("eventKey", eventKey).str("incidentId", incidentId)
                .instant("processedAt", now)
                .num("expiresAt", now.plus(EVENT_RETENTION).getEpochSecond())
                .build();
        return TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(item)
                .conditionExpression("attribute_not_exists(PK)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).build();
    }

    /** The incident a redelivered event's first delivery touched, from the cancelled event record (reason 0). */
    static String firstDeliverysIncident(TransactionCanceledException e) {
        Map<String, AttributeValue> old = Table.reasons(e).get(0).item();
        return old == null || !old.containsKey("incidentId") ? null : old.get("incidentId").s();
    }

    /** Whether a transition's transaction was cancelled because its event record (write 0) exists: a redelivery. */
    static boolean isRedelivery(TransactionCanceledException e) {
        return Table.failedCondition(e, 0);
    }

    /** The track, rewritten whole, guarded by the version it was read at. */
    TransactWriteItem track(AlarmTrack track) {
        return table.putVersioned(IncidentItems.track(track), track.version());
    }

    /** A changed incident, rewritten whole, guarded by the version it was read at (never created: see {@link #created}). */
    TransactWriteItem changed(Incident incident) {
        return table.put(IncidentItems.incident(incident), "version = :v", Map.of(), Map.of(":v", Item.n(incident.version())));
    }

    /** A new incident, and its number taken: the incident and the counter, together or not at all. */
    List<TransactWriteItem> created(Incident incident) {
        return List.of(table.putNew(IncidentItems.incident(incident)), numberTaken(incident.id()));
    }

    /**
     * The counter moves to a new incident's number, in the transaction that creates the incident, and only from the
     * number before it (from nothing, for #1): of two writers that read the same counter, one takes the number and
     * the other's transaction fails, so it asks for the next one. No number is taken without its incident.
     */
    private TransactWriteItem numberTaken(String incidentId) {
        long number = IncidentNumbers.of(incidentId);
        Map<String, AttributeValue> counter = IncidentItems.counter(number);
        return number == 1
                ? table.putNew(counter)
                : table.put(counter, "#value = :previous", Map.of("#value", IncidentItems.COUNTER_VALUE),
                Map.of(":previous", Item.n(number - 1)));
    }

    /** The escalation, rewritten whole, guarded by the version it was read at (created when 0). */
    TransactWriteItem escalation(EscalationState state) {
        return table.putVersioned(IncidentItems.escalation(state), state.version());
    }

    /** New pages, each only if its sequence is free (a page is never overwritten). */
    List<TransactWriteItem> pages(List<Page> pages) {
        List<TransactWriteItem> out = new ArrayList<>();
        for (Page page : pages) {
            out.add(table.putNew(IncidentItems.page(page)));
        }
        return out;
    }

    /** Timeline entries, in the order given (one transaction's entries keep it). */
    List<TransactWriteItem> timeline(List<TimelineEntry> entries) {
        List<TransactWriteItem> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            out.add(table.put(IncidentItems.timeline(entries.get(i), i)));
        }
        return out;
    }

    TransactWriteItem entry(TimelineEntry entry) {
        return table.put(IncidentItems.timeline(entry, 0));
    }
}
