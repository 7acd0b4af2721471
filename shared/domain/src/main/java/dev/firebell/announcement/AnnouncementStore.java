package dev.firebell.announcement;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: announcements remembered beside their incidents. Reads are strongly consistent; every write is conditional,
 * so two writers can never both believe they hold the right to post one incident's message.
 */
public interface AnnouncementStore {

    /** The incident's announcement, if one was ever claimed. */
    Optional<AnnouncementRecord> find(String incidentId);

    /**
     * Claims the right to post the incident's message in {@code channel}: succeeds when nothing was claimed yet, or
     * when an earlier claim was never posted and lapsed by {@code claimedAt}. Taking over a lapsed claim keeps its
     * channel and when it was first claimed: where and since when an earlier attempt may have posted.
     *
     * @return false when someone else holds a live claim or the message is posted already; nothing written
     */
    boolean claim(String incidentId, String channel, Instant claimedAt, Instant leaseUntil, String token);

    /**
     * The claim {@code token} gave up without posting (its attempt failed and said so): it lapses at {@code at}, so
     * the next attempt takes it over at once instead of waiting for the claiming invocation's end.
     *
     * @return false when the claim is no longer this token's, or its message is posted; nothing written
     */
    boolean release(String incidentId, String token, Instant at);

    /**
     * The message of the claim {@code token} is posted (or was found again), showing {@code revision}.
     *
     * @return false when the claim is no longer this token's; nothing written
     */
    boolean posted(String incidentId, String token, MessageRef message, Revision revision, Instant at);

    /**
     * The message now shows {@code to}, which it was updated to from {@code from}.
     *
     * @return false when the stored revision is no longer {@code from} (another writer updated it); nothing written
     */
    boolean updated(String incidentId, Revision from, Revision to, Instant at);
}
