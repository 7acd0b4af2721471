package dev.firebell.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Incidents held in a list, read by when they opened as the month index reads them ({@code [from, to)}), with every
 * period asked for kept: what reports are computed from, in tests.
 */
public final class ListedIncidentHistory implements IncidentHistory {

    public final List<Incident> incidents = new ArrayList<>();
    public final List<Instant[]> asked = new ArrayList<>();

    @Override
    public List<Incident> openedBetween(Instant from, Instant to) {
        asked.add(new Instant[] {from, to});
        return incidents.stream().filter(i -> !i.openedAt().isBefore(from) && i.openedAt().isBefore(to)).toList();
    }

    @Override
    public List<Incident> ofServiceOpenedBetween(String service, Instant from, Instant to) {
        return openedBetween(from, to).stream().filter(i -> i.service().equals(service)).toList();
    }

    @Override
    public List<Incident> withDedupKeyOpenedBetween(String dedupKey, Instant from, Instant to) {
        return openedBetween(from, to).stream().filter(i -> dedupKey.equals(i.dedupKey())).toList();
    }
}
