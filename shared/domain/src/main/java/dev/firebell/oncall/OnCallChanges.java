package dev.firebell.oncall;

import dev.firebell.maintenance.AdHocMaintenance;
import dev.firebell.maintenance.MaintenanceStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Port: what people changed about who is paged, read together for one paging decision: the overrides of the rotations
 * and schedules it may page and the maintenance windows started for its service, not ended by an instant. One request
 * where the store keeps them side by side (DynamoDB, ADR 0055); {@link #of} reads each store in turn.
 */
public interface OnCallChanges {

    /** What was read: {@code sources} says whose overrides are complete in {@code overrides}. */
    record Changes(Set<String> sources, Map<String, List<ShiftOverride>> overrides, List<AdHocMaintenance> maintenance) {
        public Changes {
            sources = Set.copyOf(sources);
            overrides = Map.copyOf(overrides);
            maintenance = List.copyOf(maintenance);
        }

        /** Whether the overrides of every one of these sources were read. */
        public boolean covers(Collection<String> wanted) {
            return sources.containsAll(wanted);
        }
    }

    /** Strongly consistent: an override or a window written a moment ago counts. */
    Changes notEndedBy(Collection<String> sources, String service, Instant from);

    /** The two stores, read one after the other (in memory, tests, the command line). */
    static OnCallChanges of(OverrideStore overrides, MaintenanceStore maintenance) {
        return (sources, service, from) -> new Changes(Set.copyOf(sources),
                sources.isEmpty() ? Map.of() : overrides.notEndedBy(sources, from),
                maintenance.notEndedBy(service, from));
    }
}
