package dev.firebell.maintenance;

import dev.firebell.schedule.WallClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A time when some services page nobody: alarms still open incidents (with a timeline entry saying why
 * nobody was paged), and escalations already running are held until it ends. Either one-off
 * ({@code start} to {@code end}) or recurring ({@code cron} starts, each lasting {@code duration}); local
 * times are read in {@code zone} with the {@link WallClock} rule.
 *
 * @param services the services it covers; empty means every service
 */
public record MaintenanceWindow(String name, Set<String> services, String reason, ZoneId zone,
                               LocalDateTime start, LocalDateTime end, CronSchedule cron, Duration duration) {

    public static final Duration MAX_DURATION = Duration.ofDays(7);

    public MaintenanceWindow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        services = services == null ? Set.of() : Set.copyOf(services);
        boolean oneOff = start != null && end != null && cron == null;
        boolean recurring = cron != null && duration != null && start == null && end == null;
        if (oneOff == recurring) {
            throw new IllegalArgumentException("maintenance " + name + " needs either start and end, or cron and duration");
        }
    }

    /** An occurrence: from, until (end excluded). */
    public record Occurrence(MaintenanceWindow window, Instant from, Instant until) {
    }

    public boolean covers(String service) {
        return services.isEmpty() || services.contains(service);
    }

    /** The occurrence in force at {@code t}, if any (for overlapping occurrences, the one lasting longest). */
    public Optional<Occurrence> occurrenceAt(Instant t) {
        if (cron == null) {
            Instant from = WallClock.instant(start, zone);
            Instant until = WallClock.instant(end, zone);
            return !t.isBefore(from) && t.isBefore(until) ? Optional.of(new Occurrence(this, from, until))
                    : Optional.empty();
        }
        LocalDate today = LocalDateTime.ofInstant(t, zone).toLocalDate();
        LocalDate first = LocalDateTime.ofInstant(t.minus(duration), zone).toLocalDate().minusDays(1);
        Occurrence best = null;
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            for (LocalDateTime local : cron.timesOn(day)) {
                Instant from = WallClock.instant(local, zone);
                Instant until = from.plus(duration);
                if (!t.isBefore(from) && t.isBefore(until) && (best == null || until.isAfter(best.until()))) {
                    best = new Occurrence(this, from, until);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The next occurrence starting after {@code t}, looking a year ahead at most (for people planning). */
    public Optional<Occurrence> nextAfter(Instant t) {
        if (cron == null) {
            Instant from = WallClock.instant(start, zone);
            return from.isAfter(t) ? Optional.of(new Occurrence(this, from, WallClock.instant(end, zone)))
                    : Optional.empty();
        }
        LocalDate day = LocalDateTime.ofInstant(t, zone).toLocalDate();
        for (int i = 0; i < 366; i++, day = day.plusDays(1)) {
            for (LocalDateTime local : cron.timesOn(day)) {
                Instant from = WallClock.instant(local, zone);
                if (from.isAfter(t)) {
                    return Optional.of(new Occurrence(this, from, from.plus(duration)));
                }
            }
        }
        return Optional.empty();
    }

    /** The maintenance in force for {@code service} at {@code t}, if any; of several, the one ending last. */
    public static Optional<Occurrence> active(List<MaintenanceWindow> windows, String service, Instant t) {
        Occurrence best = null;
        for (MaintenanceWindow w : windows) {
            if (!w.covers(service)) {
                continue;
            }
            Optional<Occurrence> o = w.occurrenceAt(t);
            if (o.isPresent() && (best == null || o.get().until().isAfter(best.until()))) {
                best = o.get();
            }
        }
        return Optional.ofNullable(best);
    }
}
