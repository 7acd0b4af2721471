package dev.firebell.maintenance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Started maintenance windows in memory, keyed as the table keys them (service, end, name), counting reads so that
 * tests can say how often a decision looked.
 */
public final class InMemoryMaintenanceStore implements MaintenanceStore {

    private final Map<String, AdHocMaintenance> windows = new TreeMap<>();
    private int reads;

    @Override
    public List<AdHocMaintenance> notEndedBy(String service, Instant from) {
        reads++;
        List<AdHocMaintenance> out = new ArrayList<>();
        for (AdHocMaintenance w : windows.values()) {
            if (w.service().equals(service) && w.end().isAfter(from)) {
                out.add(w);
            }
        }
        return out;
    }

    @Override
    public boolean put(AdHocMaintenance window) {
        return windows.putIfAbsent(window.service() + "|" + window.end() + "|" + window.name(), window) == null;
    }

    public List<AdHocMaintenance> all() {
        return List.copyOf(windows.values());
    }

    /** How many times a window list was read. */
    public int reads() {
        return reads;
    }
}
