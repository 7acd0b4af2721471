package dev.firebell.incident;

import dev.firebell.routing.Severity;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which incidents a list shows: those opened in {@code [from, to)}, of one service or all, of some severities and
 * statuses (empty: any), newest first, {@code limit} at a time, after a position a previous page ended at.
 *
 * @param service    null for every service
 * @param severities empty for any severity
 * @param statuses   empty for any status
 * @param after      where the previous page ended; null for the first page
 */
public record IncidentQuery(Instant from, Instant to, String service, Set<Severity> severities,
                            Set<IncidentStatus> statuses, IncidentCursor after, int limit) {

    /** The most a page holds: a page is read in one request per partition at most, so it stays small. */
    public static final int MAX_LIMIT = 100;

    public IncidentQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the period must end after it starts: " + from + " is not before " + to);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_LIMIT + " incidents, not " + limit);
        }
        service = service == null || service.isBlank() ? null : service;
        severities = severities == null || severities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(severities));
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        if (after != null && (after.openedAt().isBefore(from) || !after.openedAt().isBefore(to))) {
            throw new InvalidCursorException("the list position (after=) is outside the period asked for");
        }
    }

    /** Every incident opened in the period, the first page. */
    public static IncidentQuery between(Instant from, Instant to, int limit) {
        return new IncidentQuery(from, to, null, Set.of(), Set.of(), null, limit);
    }

    /** The same query for the page after {@code position}. */
    public IncidentQuery after(IncidentCursor position) {
        return new IncidentQuery(from, to, service, severities, statuses, position, limit);
    }

    /** Whether the incident passes the filters (period, service, severity, status), wherever the page is. */
    public boolean matches(Incident incident) {
        return !incident.openedAt().isBefore(from) && incident.openedAt().isBefore(to)
                && (service == null || service.equals(incident.service()))
                && (severities.isEmpty() || severities.contains(incident.severity()))
                && (statuses.isEmpty() || statuses.contains(incident.status()));
    }
}
