package dev.firebell.aws.dynamodb;

import dev.firebell.announcement.AnnouncementRecord;
import dev.firebell.announcement.AnnouncementStore;
import dev.firebell.announcement.MessageRef;
import dev.firebell.announcement.Revision;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An incident's chat announcement, one item beside the incident ({@code INCIDENT#<id>} / {@code ANNOUNCEMENT}): the
 * claim (channel, token, lease), then the message ({@code messageTs}) and the revision it shows. Every write is one
 * conditional request: the claim only where none is live, the message only by the claim's token, an update only from
 * the revision stored. The announcer's stream filter takes timeline entries only, so these writes never invoke it.
 */
public final class DynamoAnnouncementStore implements AnnouncementStore {

    private final Table table;

    public DynamoAnnouncementStore(DynamoDbClient dynamo, String tableName) {
        this.table = new Table(dynamo, tableName);
    }

    @Override
    public Optional<AnnouncementRecord> find(String incidentId) {
        Map<String, AttributeValue> raw = table.get(Keys.incident(incidentId), Keys.ANNOUNCEMENT_SK);
        if (raw == null) {
            return Optional.empty();
        }
        Item it = Item.of(raw);
        String ts = it.str("messageTs");
        String channel = it.str("channel");
        return Optional.of(new AnnouncementRecord(incidentId, channel, it.instant("claimedAt"),
                Instant.ofEpochMilli(it.num("leaseUntil", 0)), it.str("claimToken"),
                ts == null ? null : new MessageRef(channel, ts),
                ts == null ? Revision.NONE : new Revision(it.num("incidentVersion", -1), it.num("escalationVersion", -1))));
    }

    @Override
    public boolean claim(String incidentId, String channel, Instant claimedAt, Instant leaseUntil, String token) {
        // Nothing claimed yet, or a claim that never posted and whose invocation has ended. Taking one over keeps its
        // channel and first claim time: where, and since when, the attempt that held it may have posted.
        return table.updateIf(Keys.incident(incidentId), Keys.ANNOUNCEMENT_SK,
                "SET #type = :type, incidentId = :id, channel = if_not_exists(channel, :channel),"
                        + " claimedAt = if_not_exists(claimedAt, :at), leaseUntil = :lease, claimToken = :token",
                "attribute_not_exists(PK) OR (attribute_not_exists(messageTs) AND leaseUntil <= :now)",
                Map.of("#type", "type"),
                Map.of(":type", Item.s("announcement"), ":id", Item.s(incidentId), ":channel", Item.s(channel),
                        ":at", Item.s(claimedAt.toString()), ":lease", Item.n(leaseUntil.toEpochMilli()),
                        ":token", Item.s(token), ":now", Item.n(claimedAt.toEpochMilli())));
    }

    @Override
    public boolean release(String incidentId, String token, Instant at) {
        return table.updateIf(Keys.incident(incidentId), Keys.ANNOUNCEMENT_SK, "SET leaseUntil = :at",
                "claimToken = :token AND attribute_not_exists(messageTs)", Map.of(),
                Map.of(":at", Item.n(at.toEpochMilli()), ":token", Item.s(token)));
    }

    @Override
    public boolean posted(String incidentId, String token, MessageRef message, Revision revision, Instant at) {
        return table.updateIf(Keys.incident(incidentId), Keys.ANNOUNCEMENT_SK,
                "SET channel = :channel, messageTs = :ts, incidentVersion = :iv, escalationVersion = :ev,"
                        + " postedAt = :at",
                "claimToken = :token AND attribute_not_exists(messageTs)", Map.of(),
                Map.of(":channel", Item.s(message.channel()), ":ts", Item.s(message.id()),
                        ":iv", Item.n(revision.incident()), ":ev", Item.n(revision.escalation()),
                        ":at", Item.s(at.toString()), ":token", Item.s(token)));
    }

    @Override
    public boolean updated(String incidentId, Revision from, Revision to, Instant at) {
        return table.updateIf(Keys.incident(incidentId), Keys.ANNOUNCEMENT_SK,
                "SET incidentVersion = :iv, escalationVersion = :ev, updatedAt = :at",
                "attribute_exists(messageTs) AND incidentVersion = :fromIv AND escalationVersion = :fromEv", Map.of(),
                Map.of(":iv", Item.n(to.incident()), ":ev", Item.n(to.escalation()), ":at", Item.s(at.toString()),
                        ":fromIv", Item.n(from.incident()), ":fromEv", Item.n(from.escalation())));
    }
}
