package dev.firebell.slack;

import dev.firebell.account.Origins;
import dev.firebell.announcement.Announcement;
import dev.firebell.announcement.AnnouncementChannel;
import dev.firebell.announcement.MessageRef;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Announcements in Slack: {@code chat.postMessage} once, then {@code chat.update}, the message written by
 * {@link AnnouncementMessages} and carrying Slack message metadata ({@value #EVENT_TYPE}, with the incident's number
 * and this Firebell's {@code source}) by which {@code conversations.history} finds it again after a lost answer.
 * Posts and updates to one channel are spaced by {@link #PER_CHANNEL}, Slack's pace for a channel.
 */
public final class SlackAnnouncements implements AnnouncementChannel {

    /** The metadata event type of every announcement. */
    public static final String EVENT_TYPE = "firebell_incident";
    /** About one message per second per channel, as Slack asks; bursts are its to allow, not ours to rely on. */
    static final Duration PER_CHANNEL = Duration.ofSeconds(1);
    /** Messages read per history page, and pages read at most: a claim is minutes old, the channel rarely busy. */
    static final int HISTORY_PAGE = 100;
    static final int HISTORY_PAGES = 10;
    /** How far before the claim to look: Slack's clock and ours may disagree a little. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final SlackWebApi api;
    private final String source;
    private final InstantSource clock;
    private final Origins origins;
    private final Map<String, Instant> lastCall = new HashMap<>();

    /**
     * @param source which Firebell posts (the stack's table name): two stacks announcing in one channel never take
     *               each other's messages for their own
     */
    public SlackAnnouncements(SlackWebApi api, String source, InstantSource clock) {
        this(api, source, clock, Origins.NONE);
    }

    /** @param origins what the configuration calls the accounts alarms come from, and Firebell's own */
    public SlackAnnouncements(SlackWebApi api, String source, InstantSource clock, Origins origins) {
        this.api = api;
        this.source = source;
        this.clock = clock;
        this.origins = origins;
    }

    @Override
    public MessageRef post(String channel, Announcement announcement) {
        Map<String, Object> message = message(channel, announcement);
        message.put("unfurl_links", false);
        message.put("unfurl_media", false);
        Map<String, Object> answer = paced(channel, "chat.postMessage", message);
        String ts = answer.get("ts") instanceof String t ? t : null;
        if (ts == null) {
            throw new SlackApiException("chat.postMessage", SlackApiException.Kind.UNAVAILABLE, "no_ts",
                    "Slack's answer to chat.postMessage has no ts: " + Mrkdwn.cap(String.valueOf(answer), 200), null);
        }
        return new MessageRef(answer.get("channel") instanceof String c ? c : channel, ts);
    }

    @Override
    public void update(MessageRef message, Announcement announcement) {
        Map<String, Object> update = message(message.channel(), announcement);
        update.put("ts", message.id());
        paced(message.channel(), "chat.update", update);
    }

    @Override
    public Optional<MessageRef> findEarlier(String channel, String incidentId, Instant since) {
        Instant oldest = since.minus(CLOCK_SKEW);
        String cursor = null;
        for (int page = 0; page < HISTORY_PAGES; page++) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("channel", channel);
            query.put("oldest", oldest.getEpochSecond() + ".000000");
            query.put("limit", Integer.toString(HISTORY_PAGE));
            query.put("include_all_metadata", "true");
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            Map<String, Object> answer = api.read("conversations.history", query);
            if (answer.get("messages") instanceof List<?> messages) {
                for (Object m : messages) {
                    if (m instanceof Map<?, ?> msg && ours(msg, incidentId) && msg.get("ts") instanceof String ts) {
                        return Optional.of(new MessageRef(channel, ts));
                    }
                }
            }
            cursor = answer.get("response_metadata") instanceof Map<?, ?> meta
                    && meta.get("next_cursor") instanceof String next && !next.isEmpty() ? next : null;
            if (cursor == null) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The message arguments Slack takes for a post or an update. */
    private Map<String, Object> message(String channel, Announcement announcement) {
        SlackReply reply = AnnouncementMessages.of(announcement, origins);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("channel", channel);
        message.put("text", reply.text());
        message.put("blocks", SlackMessages.blocks(reply));
        message.put("metadata", Map.of("event_type", EVENT_TYPE, "event_payload",
                Map.of("incident_id", announcement.incident().id(), "source", source)));
        return message;
    }

    private boolean ours(Map<?, ?> message, String incidentId) {
        return message.get("metadata") instanceof Map<?, ?> metadata && EVENT_TYPE.equals(metadata.get("event_type"))
                && metadata.get("event_payload") instanceof Map<?, ?> payload
                && incidentId.equals(payload.get("incident_id")) && source.equals(payload.get("source"));
    }

    /** One call to a channel, at most one per {@link #PER_CHANNEL} from this process. */
    private Map<String, Object> paced(String channel, String method, Map<String, Object> arguments) {
        Instant last = lastCall.get(channel);
        if (last != null) {
            Duration wait = Duration.between(clock.instant(), last.plus(PER_CHANNEL));
            if (!wait.isNegative() && !wait.isZero()) {
                api.pause(wait, method, "pacing " + channel + " at one message a second");
            }
        }
        try {
            return api.call(method, arguments);
        } finally {
            lastCall.put(channel, clock.instant());
        }
    }
}
