package dev.firebell.maintenance;

import java.time.Instant;
import java.util.List;

/** Port: maintenance windows people start (from chat), stored one item each beside the configured ones. */
public interface MaintenanceStore {

    /** The windows of {@code service} that have not ended by {@code from} (one indexed read, never a scan). */
    List<AdHocMaintenance> notEndedBy(String service, Instant from);

    /**
     * Stores the window, once: writing one with the same service, end and name again (a retried request) changes
     * nothing.
     *
     * @return false when that window was stored already
     */
    boolean put(AdHocMaintenance window);

    /** Nothing stored: configuration-only calendars (the command line without a stack, tests). */
    MaintenanceStore NONE = new MaintenanceStore() {
        @Override
        public List<AdHocMaintenance> notEndedBy(String service, Instant from) {
            return List.of();
        }

        @Override
        public boolean put(AdHocMaintenance window) {
            throw new UnsupportedOperationException("no maintenance store is configured");
        }
    };
}
