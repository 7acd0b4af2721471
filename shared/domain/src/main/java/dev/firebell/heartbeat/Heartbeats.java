package dev.firebell.heartbeat;

import dev.firebell.config.ConfigSource;
import dev.firebell.incident.AlarmService;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * The use cases of heartbeat monitors: a ping (the web function) and the expiry check (the one-minute sweep). Both
 * speak to incidents only through {@link AlarmService}, as an alarm would (ADR 0117), and both write a record only on
 * a version read before, so that racing pings and overlapping sweeps write each change once.
 *
 * <p>Order matters where an incident is concerned: a miss is first written as pending (due at once), then handed to
 * the incident path, then marked sent. A crash in between leaves it due, and the next sweep hands it over again under
 * the same event key, which the incident path takes once. A recovery tells the incident first, then writes the
 * record; a crash in between leaves the monitor down and the next ping tells it again.
 */
public final class Heartbeats {

    /** Racing writers on one monitor are rare (pings of one job); a few re-reads settle them. */
    static final int MAX_ATTEMPTS = 5;

    private final ConfigSource config;
    private final HeartbeatStore store;
    private final AlarmService alarms;
    private final InstantSource clock;

    public Heartbeats(ConfigSource config, HeartbeatStore store, AlarmService alarms, InstantSource clock) {
        this.config = config;
        this.store = store;
        this.alarms = alarms;
        this.clock = clock;
    }

    /** What the sweep did in one batch. */
    public record SweepReport(int found, int alarmed, int skipped) {
        public static final SweepReport NONE = new SweepReport(0, 0, 0);

        public SweepReport plus(SweepReport o) {
            return new SweepReport(found + o.found, alarmed + o.alarmed, skipped + o.skipped);
        }
    }

    public PingOutcome ping(String token, PingKind kind) {
        Instant now = clock.instant();
        Optional<MonitorRecord> found = store.byTokenHash(HeartbeatTokens.hash(token));
        Monitor monitor = found.map(r -> config.current().heartbeats().get(r.name())).orElse(null);
        if (monitor == null) {
            return PingOutcome.UNKNOWN;
        }
        MonitorRecord record = found.get();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<MonitorRecord> next = record.afterPing(monitor, kind, now);
            if (next.isEmpty()) {
                return PingOutcome.UNCHANGED;
            }
            boolean recovers = kind == PingKind.SUCCESS && record.state() == MonitorState.DOWN;
            if (recovers) {
                if (record.alarmAt() != null) {
                    // The miss never reached its incident: record it first, so the outage is on the books.
                    alarms.handle(MonitorAlarms.alarm(monitor, record), MonitorAlarms.route(monitor));
                }
                alarms.handle(MonitorAlarms.ok(monitor, now), MonitorAlarms.route(monitor));
            }
            if (store.replace(record, next.get())) {
                if (kind == PingKind.FAIL) {
                    sendPending(monitor, next.get().withVersion(record.version() + 1), now);
                    return PingOutcome.FAILURE_REPORTED;
                }
                return recovers ? PingOutcome.RECOVERED : PingOutcome.RECORDED;
            }
            record = store.record(monitor.name());
        }
        // Others kept writing this monitor: each of them recorded a ping at least as new.
        return PingOutcome.UNCHANGED;
    }

    /** What a request that is not a ping gets (something else after the token): the same lookups, then UNKNOWN. */
    public PingOutcome refuse(String token) {
        store.byTokenHash(HeartbeatTokens.hash(token)).ifPresent(r -> config.current().heartbeats().get(r.name()));
        return PingOutcome.UNKNOWN;
    }

    /**
     * Hands every miss due by now (at most {@code limit} found in the index) to the incident path. A monitor whose miss
     * fails does not hold up the others: the batch goes on, then the first failure is thrown (the monitor stays due,
     * so the next run tries it again).
     */
    public SweepReport sweep(int limit) {
        Instant now = clock.instant();
        List<MonitorRecord> due = store.due(now, limit);
        int alarmed = 0;
        int skipped = 0;
        RuntimeException failed = null;
        for (MonitorRecord candidate : due) {
            try {
                if (expire(candidate.name(), now)) {
                    alarmed++;
                } else {
                    skipped++;
                }
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
        return new SweepReport(due.size(), alarmed, skipped);
    }

    /** Whether the monitor's miss was handed to the incident path; false when there was nothing (left) to do. */
    private boolean expire(String name, Instant now) {
        // The index may lag: decide on the record itself.
        MonitorRecord record = store.record(name);
        Monitor monitor = config.current().heartbeats().get(record.name());
        if (!record.isDue(now)) {
            return false;
        }
        if (monitor == null) {
            store.replace(record, record.undeclared());
            return false;
        }
        if (record.alarmAt() != null) {
            sendPending(monitor, record, now);
            return true;
        }
        MonitorRecord pending = record.missed();
        if (!store.replace(record, pending)) {
            // A ping (or another sweep) wrote it since it was read: that writer decided.
            return false;
        }
        sendPending(monitor, pending.withVersion(record.version() + 1), now);
        return true;
    }

    public Optional<Instant> nextDue() {
        return store.nextDue();
    }

    private void sendPending(Monitor monitor, MonitorRecord pending, Instant now) {
        alarms.handle(MonitorAlarms.alarm(monitor, pending), MonitorAlarms.route(monitor));
        // Lost only to a ping that wrote since: it decided what comes next.
        store.replace(pending, pending.alarmSent(monitor, now));
    }
}
