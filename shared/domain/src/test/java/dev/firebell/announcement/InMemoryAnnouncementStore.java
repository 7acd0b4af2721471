package dev.firebell.announcement;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Announcements in memory, under the conditions DynamoAnnouncementStore writes with (both pass
 * {@link AnnouncementStoreContract}).
 */
public final class InMemoryAnnouncementStore implements AnnouncementStore {

    private final Map<String, AnnouncementRecord> records = new HashMap<>();

    @Override
    public synchronized Optional<AnnouncementRecord> find(String incidentId) {
        return Optional.ofNullable(records.get(incidentId));
    }

    @Override
    public synchronized boolean claim(String incidentId, String channel, Instant claimedAt, Instant leaseUntil,
                                      String token) {
        AnnouncementRecord current = records.get(incidentId);
        if (current != null && !current.lapsedAt(claimedAt)) {
            return false;
        }
        records.put(incidentId, current == null
                ? new AnnouncementRecord(incidentId, channel, claimedAt, leaseUntil, token, null, Revision.NONE)
                : new AnnouncementRecord(incidentId, current.channel(), current.claimedAt(), leaseUntil, token, null,
                Revision.NONE));
        return true;
    }

    @Override
    public synchronized boolean release(String incidentId, String token, Instant at) {
        AnnouncementRecord current = records.get(incidentId);
        if (current == null || current.posted() || !token.equals(current.claimToken())) {
            return false;
        }
        records.put(incidentId, new AnnouncementRecord(incidentId, current.channel(), current.claimedAt(), at, token,
                null, Revision.NONE));
        return true;
    }

    @Override
    public synchronized boolean posted(String incidentId, String token, MessageRef message, Revision revision,
                                       Instant at) {
        AnnouncementRecord current = records.get(incidentId);
        if (current == null || current.posted() || !token.equals(current.claimToken())) {
            return false;
        }
        records.put(incidentId, new AnnouncementRecord(incidentId, current.channel(), current.claimedAt(),
                current.leaseUntil(), token, message, revision));
        return true;
    }

    @Override
    public synchronized boolean updated(String incidentId, Revision from, Revision to, Instant at) {
        AnnouncementRecord current = records.get(incidentId);
        if (current == null || !current.posted() || !current.revision().equals(from)) {
            return false;
        }
        records.put(incidentId, new AnnouncementRecord(incidentId, current.channel(), current.claimedAt(),
                current.leaseUntil(), current.claimToken(), current.message(), to));
        return true;
    }
}
