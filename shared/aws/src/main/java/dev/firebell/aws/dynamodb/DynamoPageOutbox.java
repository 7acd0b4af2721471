package dev.firebell.aws.dynamodb;

import dev.firebell.incident.ConcurrentChangeException;
import dev.firebell.paging.Page;
import dev.firebell.paging.PageOutbox;
import dev.firebell.paging.PageStatus;
import dev.firebell.timeline.TimelineEntry;
import java.time.Instant;
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
 * Pages waiting to be sent (ADR 0002), written with their incident and claimed here with a lease: a page is published
 * only by the worker whose claim holds, and each change of a claimed page is written with its timeline entry.
 */
public final class DynamoPageOutbox implements PageOutbox {

    private final IncidentTable items;

    public DynamoPageOutbox(DynamoDbClient dynamo, String table) {
        this.items = new IncidentTable(new Table(dynamo, table));
    }

    @Override
    public List<Page> claimDue(Instant now, Instant leaseUntil, String claimToken, int limit) {
        List<Page> claimed = new ArrayList<>();
        for (var item : items.table().index(Keys.PENDING_PAGES_PARTITION, Keys.dueBy(now), limit)) {
            claim(IncidentItems.page(item), now, leaseUntil, claimToken).ifPresent(claimed::add);
        }
        return claimed;
    }

    @Override
    public Optional<Instant> earliestPageDue() {
        return items.table().index(Keys.PENDING_PAGES_PARTITION, null, 1).stream().findFirst()
                .map(item -> IncidentItems.page(item).dueAt());
    }

    @Override
    public List<Page> claimPending(String incidentId, Instant now, Instant leaseUntil, String claimToken) {
        List<Page> claimed = new ArrayList<>();
        for (Page page : items.pagesOf(incidentId)) {
            if (page.status() == PageStatus.PENDING && !page.dueAt().isAfter(now)) {
                claim(page, now, leaseUntil, claimToken).ifPresent(claimed::add);
            }
        }
        return claimed;
    }

    /** Takes the lease only if it has run out, so a live worker's page is never taken from it. */
    private Optional<Page> claim(Page page, Instant now, Instant leaseUntil, String token) {
        boolean claimed = items.table().updateIf(Keys.incident(page.incidentId()), Keys.page(page.sequence()),
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

    /**
     * The SENT mark, its timeline entry, and the page in its target's partition, which answers "which incident was I
     * paged for?" (the newest there). One item per page, written unconditionally: pages to one person recorded in
     * any order never conflict, so the record needs no write of its own after the mark.
     */
    @Override
    public boolean markSent(Page page, String messageId, Instant sentAt, TimelineEntry entry) {
        return finishClaim(page, "SET #status = :sent, sentAt = :at, messageId = :mid ADD attempts :one"
                        + " REMOVE GSI1PK, GSI1SK, claimToken",
                Map.of(":sent", Item.s(PageStatus.SENT.name()), ":at", Item.s(sentAt.toString()),
                        ":mid", Item.s(messageId), ":one", Table.ONE), entry,
                items.table().put(IncidentItems.pageSent(page, sentAt)));
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

    /**
     * The page's change and its timeline entry, together. The page's update is the FIRST write: its condition (still
     * pending, still claimed by this worker) failing, reason 0, means the lease ran out and another worker holds it.
     */
    private boolean finishClaim(Page page, String updateExpression, Map<String, AttributeValue> values,
                                TimelineEntry entry, TransactWriteItem... more) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":pending", Item.s(PageStatus.PENDING.name()));
        all.put(":token", Item.s(page.claimToken()));
        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                items.table().update(Keys.incident(page.incidentId()), Keys.page(page.sequence()), updateExpression,
                        "#status = :pending AND claimToken = :token", Map.of("#status", "status"), all),
                items.entry(entry)));
        writes.addAll(List.of(more));
        try {
            items.table().transact(writes);
            return true;
        } catch (TransactionCanceledException e) {
            if (Table.failedCondition(e, 0)) {
                return false;
            }
            throw new ConcurrentChangeException("page " + page.pageId() + " could not be updated: " + Table.codes(e), e);
        }
    }
}
