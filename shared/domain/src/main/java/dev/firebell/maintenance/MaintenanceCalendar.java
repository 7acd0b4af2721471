package dev.firebell.maintenance;

import dev.firebell.config.ConfigSource;
import dev.firebell.config.FirebellConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place that answers "which maintenance holds service S at instant T": the configured windows (one-off or
 * recurring, reviewed like code) and the windows people started from chat (stored), merged; of several, the one
 * ending last. Asked only where a page is decided (a new incident's first pages, an escalation step, a held page
 * coming due), so the store is read once per decision and never for duplicates or OKs. Also starts ad-hoc windows.
 */
public final class MaintenanceCalendar {

    /** Characters of a reason; longer explanations belong in the incident or the change ticket. */
    public static final int MAX_REASON = 300;

    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final ConfigSource config;
    private final MaintenanceStore store;
    private final InstantSource clock;

    public MaintenanceCalendar(ConfigSource config, MaintenanceStore store, InstantSource clock) {
        this.config = config;
        this.store = store;
        this.clock = clock;
    }

    /** Configured windows only (nothing stored): the command line without a stack, benchmarks, tests. */
    public static MaintenanceCalendar configuredOnly(ConfigSource config) {
        return new MaintenanceCalendar(config, MaintenanceStore.NONE, InstantSource.system());
    }

    /** The maintenance holding {@code service} at {@code t}, in the configuration in force or started from chat. */
    public Optional<MaintenanceWindow.Occurrence> activeAt(String service, Instant t) {
        return activeAt(config.current(), service, t);
    }

    /** As {@link #activeAt(String, Instant)}, with the configuration the caller already holds. */
    public Optional<MaintenanceWindow.Occurrence> activeAt(FirebellConfig current, String service, Instant t) {
        return activeAt(current, service, t, started(service, t));
    }

    /** As {@link #activeAt(FirebellConfig, String, Instant)}, with the windows started from chat already read. */
    public static Optional<MaintenanceWindow.Occurrence> activeAt(FirebellConfig current, String service, Instant t,
                                                                  List<AdHocMaintenance> startedNotEnded) {
        List<MaintenanceWindow> windows = new ArrayList<>(current.maintenance());
        for (AdHocMaintenance started : startedNotEnded) {
            windows.add(started.window());
        }
        return MaintenanceWindow.active(windows, service, t);
    }

    /** The windows started from chat for {@code service} not ended by {@code t}. */
    public List<AdHocMaintenance> started(String service, Instant t) {
        return store.notEndedBy(service, t);
    }

    /** What {@link #start} did. @param created false when the same window was stored already (a retry) */
    public record Started(AdHocMaintenance window, boolean created) {
    }

    /**
     * {@code actor} puts {@code service} in maintenance from now for {@code duration}: alarms of the service still
     * open incidents, nobody is paged, and escalations already running are held until it ends. Named
     * {@code <origin>-<service>-<start>} (e.g. {@code chat-checkout-20261127T090004Z}).
     *
     * @throws IllegalArgumentException naming what is wrong (unknown service, a duration that is not positive or is
     *                                  longer than {@link MaintenanceWindow#MAX_DURATION}, a reason too long);
     *                                  nothing is stored
     */
    public Started start(String origin, String service, Duration duration, String reason, String actor) {
        FirebellConfig current = config.current();
        Set<String> known = knownServices(current);
        if (service == null || !known.contains(service)) {
            throw new IllegalArgumentException("'" + service + "' is not a configured service; services: "
                    + String.join(", ", known));
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a maintenance window needs a positive duration, such as 30m or 2h");
        }
        if (duration.compareTo(MaintenanceWindow.MAX_DURATION) > 0) {
            throw new IllegalArgumentException("a maintenance window lasts at most "
                    + MaintenanceWindow.MAX_DURATION.toDays() + " days; for longer or recurring maintenance, add it"
                    + " under maintenance: in the configuration");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.codePointCount(0, why.length()) > MAX_REASON) {
            throw new IllegalArgumentException("the reason is longer than " + MAX_REASON + " characters");
        }
        Instant now = clock.instant();
        Instant start = now.truncatedTo(ChronoUnit.SECONDS);
        AdHocMaintenance window = new AdHocMaintenance(origin + "-" + service + "-" + COMPACT.format(start), service,
                start, start.plus(duration), why, actor, now);
        return new Started(window, store.put(window));
    }

    /** The services a window may name: those configured, and the routing default (where unmatched alarms go). */
    public static Set<String> knownServices(FirebellConfig current) {
        Set<String> known = new TreeSet<>(current.serviceNames());
        known.add(current.routing().defaultService());
        return known;
    }
}
