package dev.firebell.paging;

import java.time.Instant;
import java.util.Objects;

/**
 * One notification to one target about one incident: an outbox item written in the same
 * transaction as the change that caused it, so that no page is ever lost between the database and SNS.
 *
 * @param sequence   position among the incident's pages, which makes the id deterministic
 * @param dueAt      when the page may be (re)sent: a claim lease, or a deliberate delay
 * @param claimToken who holds the current lease; only the holder may mark it sent
 */
public record Page(
        String incidentId,
        int sequence,
        String target,
        PageReason reason,
        PageStatus status,
        Instant createdAt,
        Instant dueAt,
        String claimToken,
        int attempts,
        Instant sentAt,
        String messageId) {

    public Page {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    /** A new page, already claimed by the writer until {@code leaseUntil}. */
    public static Page pending(String incidentId, int sequence, String target, PageReason reason, Instant now,
                               Instant leaseUntil, String claimToken) {
        return new Page(incidentId, sequence, target, reason, PageStatus.PENDING, now, leaseUntil, claimToken, 0,
                null, null);
    }

    /** A page held until {@code deliverAt} (quiet hours); nobody holds a claim, the sweep claims it when due. */
    public static Page deferred(String incidentId, int sequence, String target, PageReason reason, Instant now,
                                Instant deliverAt) {
        return new Page(incidentId, sequence, target, reason, PageStatus.PENDING, now, deliverAt, null, 0, null, null);
    }

    public String pageId() {
        return incidentId + "-" + sequence;
    }

    public Page claimedBy(String token, Instant leaseUntil) {
        return new Page(incidentId, sequence, target, reason, status, createdAt, leaseUntil, token, attempts, sentAt,
                messageId);
    }
}
