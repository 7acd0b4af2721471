package dev.firebell.incident;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.Objects;

/**
 * Where a list of incidents stopped: the last incident shown, by when it opened and its id, which is exactly the
 * position of an index's sort key ({@code <openedAt>#<id>}). Given to readers as an opaque token ({@link #encode}) and
 * taken back only after {@link #decode} checked it, so a token someone edited is refused, never sent to a store.
 *
 * @param openedAt when the last incident shown opened (to the millisecond, as stores keep it in keys)
 * @param id       its id
 */
public record IncidentCursor(Instant openedAt, String id) {

    /**
     * Newest first, as the indexes read backwards: by opening millisecond, then by id as text (the sort key's order),
     * so every store pages through the same sequence.
     */
    public static final Comparator<Incident> NEWEST_FIRST = Comparator
            .comparing((Incident i) -> i.openedAt().truncatedTo(ChronoUnit.MILLIS))
            .thenComparing(Incident::id).reversed();

    private static final String VERSION = "1";

    public IncidentCursor {
        Objects.requireNonNull(openedAt, "openedAt");
        IncidentNumbers.of(id);
        openedAt = openedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The position just after {@code incident} in the newest-first order. */
    public static IncidentCursor after(Incident incident) {
        return new IncidentCursor(incident.openedAt(), incident.id());
    }

    /** Whether {@code incident} comes after this position, newest first (so belongs to a later page). */
    public boolean precedes(Incident incident) {
        int byTime = incident.openedAt().truncatedTo(ChronoUnit.MILLIS).compareTo(openedAt);
        return byTime != 0 ? byTime < 0 : incident.id().compareTo(id) < 0;
    }

    /** The opaque token: URL-safe, no padding. */
    public String encode() {
        String plain = VERSION + "|" + openedAt.toEpochMilli() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position a token names.
     *
     * @throws InvalidCursorException the token is not one {@link #encode} wrote
     */
    public static IncidentCursor decode(String token) {
        if (token == null || token.length() > 100) {
            throw new InvalidCursorException("the list position (after=) is not one Firebell gave: too long");
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", -1);
            if (parts.length != 3 || !parts[0].equals(VERSION) || !parts[1].matches("[0-9]{1,15}")) {
                throw new InvalidCursorException("the list position (after=) is not one Firebell gave");
            }
            return new IncidentCursor(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
        } catch (InvalidCursorException invalid) {
            throw invalid;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidCursorException("the list position (after=) is not one Firebell gave");
        }
    }
}
