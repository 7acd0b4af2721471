package dev.firebell.paging;

import dev.firebell.timeline.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: pages waiting to be sent. A page is claimed (leased) before it is published, so two
 * workers never publish the same page while both are alive.
 */
public interface PageOutbox {

    /** Claims up to {@code limit} pending pages whose due time has passed (an index query, no scan). */
    List<Page> claimDue(Instant now, Instant leaseUntil, String claimToken, int limit);

    /** Claims the pending pages of one incident whose lease has expired. */
    List<Page> claimPending(String incidentId, Instant now, Instant leaseUntil, String claimToken);

    /** Marks a claimed page sent and records it; a no-op returning false if the claim was lost. */
    boolean markSent(Page page, String messageId, Instant sentAt, TimelineEntry entry);

    /** Leaves the page pending, due again at {@code retryAt}, and records the failure. */
    boolean markFailed(Page page, Instant retryAt, TimelineEntry entry);

    /** Leaves the page pending until {@code until} without counting an attempt (held by maintenance). */
    default boolean postpone(Page page, Instant until, TimelineEntry entry) {
        return markFailed(page, until, entry);
    }

    /** The page is not needed any more (incident acknowledged or resolved first). */
    boolean cancel(Page page, TimelineEntry entry);

    /** When the earliest pending page is due (its lease runs out, or its delivery time comes), if any. */
    default Optional<Instant> earliestPageDue() {
        return Optional.empty();
    }
}
