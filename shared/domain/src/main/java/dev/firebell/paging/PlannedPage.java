package dev.firebell.paging;

import java.time.Instant;
import java.util.Objects;

/**
 * A page decided but not yet written: to whom, and from when it may be delivered ({@code deliverAt}
 * later than now holds it, e.g. for quiet hours).
 */
public record PlannedPage(String target, Instant deliverAt, PageReason reason) {

    public PlannedPage {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(deliverAt, "deliverAt");
        Objects.requireNonNull(reason, "reason");
    }

    /** The outbox item: claimed by the writer when it is due now, otherwise left for the sweep to claim when due. */
    public Page toPage(String incidentId, int sequence, Instant now, Instant leaseUntil, String claimToken) {
        return deliverAt.isAfter(now)
                ? Page.deferred(incidentId, sequence, target, reason, now, deliverAt)
                : Page.pending(incidentId, sequence, target, reason, now, leaseUntil, claimToken);
    }
}
