package dev.firebell.incident;

import java.time.Instant;
import java.util.List;

/** Port: incidents by when they opened, for reports and "related incidents". Index queries only, never a scan. */
public interface IncidentHistory {

    /** Incidents opened in {@code [from, to)}, oldest first. */
    List<Incident> openedBetween(Instant from, Instant to);

    /** Incidents of one service opened in {@code [from, to)}, oldest first. */
    List<Incident> ofServiceOpenedBetween(String service, Instant from, Instant to);

    /** Incidents of one dedup key (by default one alarm), whatever their service, opened in {@code [from, to)}. */
    List<Incident> withDedupKeyOpenedBetween(String dedupKey, Instant from, Instant to);
}
