package dev.firebell.maintenance;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Set;

/**
 * A maintenance window a person started (from chat) rather than configured: one service, from {@code start} until
 * {@code end} (end excluded), dynamic data stored one item each, like shift overrides. Where it overlaps another
 * window of the service, the one ending last holds pages (as for configured windows).
 *
 * @param name      how timelines and answers name it, e.g. {@code chat-checkout-20261127T090004Z}
 * @param reason    null when none was given
 * @param startedBy who started it (a person's id)
 * @param startedAt when they did
 */
public record AdHocMaintenance(String name, String service, Instant start, Instant end, String reason,
                               String startedBy, Instant startedAt) {

    public AdHocMaintenance {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(startedBy, "startedBy");
        Objects.requireNonNull(startedAt, "startedAt");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a maintenance window must end after it starts (" + start + " to " + end
                    + ")");
        }
        if (java.time.Duration.between(start, end).compareTo(MaintenanceWindow.MAX_DURATION) > 0) {
            throw new IllegalArgumentException("a maintenance window lasts at most "
                    + MaintenanceWindow.MAX_DURATION.toDays() + " days");
        }
    }

    /** The same window as the configuration would write it: one-off, in UTC, for this service only. */
    public MaintenanceWindow window() {
        return new MaintenanceWindow(name, Set.of(service), reason, ZoneOffset.UTC,
                LocalDateTime.ofInstant(start, ZoneOffset.UTC), LocalDateTime.ofInstant(end, ZoneOffset.UTC), null, null);
    }
}
