package dev.firebell.config;

import static dev.firebell.config.ConfigNames.bindEach;
import static dev.firebell.config.ConfigNames.require;
import static dev.firebell.config.ConfigValues.dateTime;
import static dev.firebell.config.ConfigValues.daytime;
import static dev.firebell.config.ConfigValues.zone;

import dev.firebell.maintenance.CronSchedule;
import dev.firebell.maintenance.MaintenanceWindow;
import dev.firebell.paging.QuietHours;
import dev.firebell.person.Daytime;
import dev.firebell.routing.Severity;
import dev.firebell.schedule.WallClock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds the sections that hold pages back: maintenance (windows when services page nobody, one-off or recurring)
 * and quietHours (severities that wait for the paged person's daytime).
 */
final class MaintenanceBinder {

    private MaintenanceBinder() {
    }

    static QuietHours quietHours(ConfigNode node) {
        if (node.isMissing()) {
            return QuietHours.NONE;
        }
        node.allowOnly(Set.of("severities", "daytime"));
        Set<Severity> severities = EnumSet.noneOf(Severity.class);
        for (ConfigNode s : node.get("severities").items()) {
            Severity severity = s.parse(Severity::parse, null);
            if (severity != null) {
                severities.add(severity);
            }
        }
        Daytime daytime = daytime(node.get("daytime"));
        return new QuietHours(severities, daytime == null ? QuietHours.NONE.daytime() : daytime);
    }

    static List<MaintenanceWindow> maintenance(ConfigNode section, Set<String> services) {
        return List.copyOf(bindEach(section, "maintenance window", Set.of("services", "reason", "timeZone", "start",
                "end", "cron", "duration"), (name, m) -> window(name, m, services)).values());
    }

    private static MaintenanceWindow window(String name, ConfigNode m, Set<String> services) {
        Set<String> covered = covered(m.get("services"), services);
        ZoneId zone = m.get("timeZone").isMissing() ? ZoneId.of("UTC") : zone(m.get("timeZone"), false);
        boolean oneOff = !m.get("start").isMissing() || !m.get("end").isMissing();
        boolean recurring = !m.get("cron").isMissing() || !m.get("duration").isMissing();
        if (oneOff == recurring) {
            m.problem(oneOff ? "give either start and end (one-off) or cron and duration (recurring), not both"
                    : "give start and end (one-off) or cron and duration (recurring)");
            return null;
        }
        String reason = m.get("reason").string(null);
        return oneOff ? oneOff(name, m, covered, reason, zone) : recurring(name, m, covered, reason, zone);
    }

    /** The services a window silences: those listed, or none listed for 'all' (every service). */
    private static Set<String> covered(ConfigNode svc, Set<String> services) {
        Set<String> covered = new LinkedHashSet<>();
        if (svc.isMissing()) {
            svc.problem("is required: list the services it silences, or write 'services: all'");
        } else if ("all".equals(svc.raw())) {
            covered = Set.of();
        } else {
            for (ConfigNode s : svc.items()) {
                String service = s.requiredString();
                if (service != null && (services.isEmpty() || require(s, service, services, "service", "services"))) {
                    covered.add(service);
                }
            }
        }
        return covered;
    }

    private static MaintenanceWindow oneOff(String name, ConfigNode m, Set<String> covered, String reason, ZoneId zone) {
        LocalDateTime start = dateTime(m.get("start"));
        LocalDateTime end = dateTime(m.get("end"));
        if (start == null || end == null || zone == null) {
            return null;
        }
        Duration length = Duration.between(WallClock.instant(start, zone), WallClock.instant(end, zone));
        if (length.isNegative() || length.isZero()) {
            m.get("end").problem("must be after start (" + start + ")");
            return null;
        }
        if (length.compareTo(MaintenanceWindow.MAX_DURATION) > 0) {
            m.get("end").problem("a maintenance window lasts at most 7 days; this one lasts " + length.toHours()
                    + " hours");
            return null;
        }
        return new MaintenanceWindow(name, covered, reason, zone, start, end, null, null);
    }

    private static MaintenanceWindow recurring(String name, ConfigNode m, Set<String> covered, String reason,
                                               ZoneId zone) {
        CronSchedule cron = m.get("cron").isMissing() ? null : m.get("cron").parse(CronSchedule::parse, null);
        if (m.get("cron").isMissing()) {
            m.get("cron").problem("is required with duration: when each window starts, e.g. '0 2 * * sun'");
        }
        Duration duration = m.get("duration").duration(null);
        if (duration == null && m.get("duration").isMissing()) {
            m.get("duration").problem("is required with cron: how long each window lasts, e.g. 2h");
        } else if (duration != null && (duration.isNegative() || duration.isZero()
                || duration.compareTo(MaintenanceWindow.MAX_DURATION) > 0)) {
            m.get("duration").problem("must be between 1m and 7d, found " + duration);
            duration = null;
        }
        if (cron == null || duration == null || zone == null) {
            return null;
        }
        return new MaintenanceWindow(name, covered, reason, zone, null, null, cron, duration);
    }
}
