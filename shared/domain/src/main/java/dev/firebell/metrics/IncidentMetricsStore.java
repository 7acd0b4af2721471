package dev.firebell.metrics;

import java.time.Instant;
import java.util.List;

/** Port: the metrics computed for each resolution, kept so reports need no timeline reads. */
public interface IncidentMetricsStore {

    /**
     * Records the metrics of one resolution of an incident.
     *
     * @return false when this resolution (same incident, same resolve time) was recorded before: the caller must
     *         not count it again
     */
    boolean record(IncidentMetrics metrics);

    /** Recorded metrics of incidents opened in {@code [from, to)}, from the month index (no scan). */
    List<IncidentMetrics> openedBetween(Instant from, Instant to);
}
