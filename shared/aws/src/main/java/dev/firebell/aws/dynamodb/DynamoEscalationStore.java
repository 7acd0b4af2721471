package dev.firebell.aws.dynamodb;

import dev.firebell.escalation.EscalationState;
import dev.firebell.escalation.EscalationStore;
import dev.firebell.incident.ConcurrentChangeException;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.paging.Page;
import dev.firebell.timeline.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Escalations beside their incidents (ADR 0014), and the sparse index of the active ones by when their next step is
 * due. Each step is one transaction with its pages, timeline entries and the incident's state.
 */
public final class DynamoEscalationStore implements EscalationStore {

    private final IncidentTable items;

    public DynamoEscalationStore(DynamoDbClient dynamo, String table) {
        this.items = new IncidentTable(new Table(dynamo, table));
    }

    @Override
    public Optional<EscalationState> escalation(String incidentId) {
        return items.escalationOf(incidentId);
    }

    @Override
    public List<EscalationState> dueEscalations(Instant now, int limit) {
        List<EscalationState> out = new ArrayList<>();
        for (var item : items.table().index(Keys.DUE_ESCALATIONS_PARTITION, Keys.dueBy(now), limit)) {
            out.add(IncidentItems.escalation(item));
        }
        return out;
    }

    @Override
    public Optional<Instant> earliestEscalationDue() {
        return items.table().index(Keys.DUE_ESCALATIONS_PARTITION, null, 1).stream().findFirst()
                .map(item -> IncidentItems.escalation(item).nextAt());
    }

    @Override
    public void save(EscalationState state, List<Page> pages, List<TimelineEntry> entries, Incident changedIncident,
                     boolean requireTriggered) {
        List<TransactWriteItem> transaction = new ArrayList<>();
        transaction.add(items.escalation(state));
        transaction.addAll(items.pages(pages));
        transaction.addAll(items.timeline(entries));
        if (changedIncident != null) {
            transaction.add(items.changed(changedIncident));
        } else if (requireTriggered) {
            transaction.add(items.table().check(Keys.incident(state.incidentId()), Keys.INCIDENT_SK,
                    "#status = :triggered", Map.of("#status", "status"),
                    Map.of(":triggered", Item.s(IncidentStatus.TRIGGERED.name()))));
        }
        try {
            items.table().transact(transaction);
        } catch (TransactionCanceledException e) {
            throw new ConcurrentChangeException("escalation of incident " + state.incidentId()
                    + " changed, or the incident is no longer triggered", e);
        }
    }
}
