package dev.firebell.announcement;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: the chat platform the announcements go to (Slack's Web API in production, a fake one on 127.0.0.1 locally).
 * Every failure is an exception naming what the platform said; nothing is swallowed, so the caller's delivery
 * (the table's stream) retries it and, in the end, keeps it in its failure queue.
 */
public interface AnnouncementChannel {

    /** Posts the announcement in the channel; the message it became. */
    MessageRef post(String channel, Announcement announcement);

    /** Makes the message show the announcement instead. */
    void update(MessageRef message, Announcement announcement);

    /**
     * The incident's announcement if it is in the channel already, posted at or after {@code since}: what a post whose
     * answer was lost (a crash, a timeout) left behind. Only messages this Firebell posted for this incident count.
     */
    Optional<MessageRef> findEarlier(String channel, String incidentId, Instant since);
}
