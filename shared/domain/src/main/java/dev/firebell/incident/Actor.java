package dev.firebell.incident;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who did something to an incident: the id timelines show (a person's id, {@code firebell}, ...) and facts about
 * how they did it, kept in the details of every timeline entry they cause (e.g. {@code via: slack},
 * {@code chatUserId: U123ABC}), so a postmortem can trace an entry back to the request that made it.
 */
public record Actor(String id, Map<String, String> details) {

    public Actor {
        Objects.requireNonNull(id, "id");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static Actor of(String id) {
        return new Actor(id, Map.of());
    }

    /** A person acting through one of the {@link Channel}s, with any other facts about how. */
    public static Actor via(String id, Channel channel, Map<String, String> more) {
        Map<String, String> details = new LinkedHashMap<>(more == null ? Map.of() : more);
        details.put(Channel.VIA, channel.via());
        return new Actor(id, details);
    }

    /** The channel the person acted through, when it is one of {@link Channel}'s (chat's {@code slack} is not). */
    public Optional<Channel> channel() {
        return Channel.ofVia(details.get(Channel.VIA));
    }

    /** The actor's details with an entry's own facts added; the entry's own win on a clash. */
    public Map<String, String> detailsWith(Map<String, String> own) {
        if (details.isEmpty()) {
            return own;
        }
        Map<String, String> merged = new LinkedHashMap<>(details);
        merged.putAll(own);
        return merged;
    }

    /**
     * Who did it, as a summary reads: {@code alice}, or {@code alice from an e-mail link} for a {@link Channel}; chat
     * and the system read as their id alone.
     */
    public String described() {
        return channel().map(c -> id + " " + c.phrase()).orElse(id);
    }
}
