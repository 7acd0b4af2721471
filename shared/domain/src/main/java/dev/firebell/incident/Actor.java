package dev.firebell.incident;

import java.util.Map;
import java.util.Objects;

/**
 * Who did something to an incident: the id timelines show (a person's id, {@code firebell}, ...) and facts about
 * how they did it, kept in the details of every timeline entry they cause (e.g. {@code via: slack},
 * {@code chatUserId: U123ABC}), so a postmortem can trace an entry back to the request that made it.
 */
public record Actor(String id, Map<String, String> details) {

    /** How a change's summary names the way it was made, by the {@code via} detail; chat commands say nothing more. */
    private static final Map<String, String> VIA_PHRASES = Map.of("slack-button", "from a Slack button");

    public Actor {
        Objects.requireNonNull(id, "id");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static Actor of(String id) {
        return new Actor(id, Map.of());
    }

    /** Who, as a timeline summary names them: {@code alice}, or {@code alice from a Slack button}. */
    public String described() {
        String via = details.get("via");
        String phrase = via == null ? null : VIA_PHRASES.get(via);
        return phrase == null ? id : id + " " + phrase;
    }
}
