package dev.firebell.announcement;

import java.time.Instant;
import java.util.Objects;

/**
 * What Firebell remembers of an incident's announcement: the channel it was claimed for, who claimed it until when,
 * and once posted the message and the revision it shows.
 *
 * @param leaseUntil when the claim lapses if nothing was posted: the end of the claiming invocation, which cannot
 *                   outlive it, so a claim left by a crash is taken over by the next attempt
 * @param message    null until the message is posted (or found again)
 * @param revision   what the message shows; {@link Revision#NONE} until posted
 */
public record AnnouncementRecord(String incidentId, String channel, Instant claimedAt, Instant leaseUntil,
                                 String claimToken, MessageRef message, Revision revision) {

    public AnnouncementRecord {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(claimedAt, "claimedAt");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        revision = revision == null ? Revision.NONE : revision;
    }

    public boolean posted() {
        return message != null;
    }

    /** An unposted claim whose claimer is gone (its invocation ended) by {@code now}. */
    public boolean lapsedAt(Instant now) {
        return !posted() && !now.isBefore(leaseUntil);
    }
}
