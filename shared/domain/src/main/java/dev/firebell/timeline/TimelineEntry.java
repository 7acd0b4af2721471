package dev.firebell.timeline;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One line of an incident's history.
 *
 * @param at      when Firebell recorded it (UTC)
 * @param actor   who did it: {@code firebell}, {@code alarm:<name>} or a person's id
 * @param details machine-readable facts (alarm timestamp, page id, reason...) for postmortems
 */
public record TimelineEntry(
        String incidentId,
        Instant at,
        TimelineEntryType type,
        String actor,
        String summary,
        Map<String, String> details) {

    public static final String SYSTEM_ACTOR = "firebell";

    public TimelineEntry {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(summary, "summary");
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
