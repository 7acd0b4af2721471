package dev.firebell.announcement;

import java.time.Instant;

/**
 * Another invocation holds a live claim on the incident's announcement and has not posted yet: posting now could post
 * twice. Retried later, when that claim is posted or has lapsed.
 */
public final class AnnouncementBusyException extends RuntimeException {

    private final transient Instant leaseUntil;

    public AnnouncementBusyException(String incidentId, AnnouncementRecord claim) {
        super("the announcement of #" + incidentId + " is being posted by another invocation (claimed at "
                + claim.claimedAt() + ", until " + claim.leaseUntil() + "); retry after that");
        this.leaseUntil = claim.leaseUntil();
    }

    /** When the other invocation's claim lapses, if it has not posted by then. */
    public Instant leaseUntil() {
        return leaseUntil;
    }
}
