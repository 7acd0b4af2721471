package dev.firebell.heartbeat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The heartbeat store in memory, for the domain's tests; it keeps {@link HeartbeatStoreContract}. */
public final class InMemoryHeartbeatStore implements HeartbeatStore {

    private final Map<String, String> nameByHash = new HashMap<>();
    private final Map<String, String> tokens = new TreeMap<>();
    private final Map<String, MonitorRecord> records = new HashMap<>();
    /** Every write that reached the store, the way a table would bill them. */
    private int writes;

    @Override
    public synchronized Optional<MonitorRecord> byTokenHash(String tokenHash) {
        String name = nameByHash.get(tokenHash);
        return name == null ? Optional.empty() : Optional.ofNullable(records.get(name));
    }

    @Override
    public synchronized MonitorRecord record(String name) {
        return records.getOrDefault(name, MonitorRecord.fresh(name));
    }

    @Override
    public synchronized boolean replace(MonitorRecord current, MonitorRecord next) {
        MonitorRecord stored = records.get(current.name());
        if (stored == null || stored.version() != current.version()) {
            return false;
        }
        writes++;
        records.put(current.name(), next.withVersion(current.version() + 1));
        return true;
    }

    @Override
    public synchronized List<MonitorRecord> due(Instant now, int limit) {
        return records.values().stream().filter(r -> r.dueAt() != null && !r.dueAt().isAfter(now))
                .sorted(Comparator.comparing(MonitorRecord::dueAt).thenComparing(MonitorRecord::name))
                .limit(limit).toList();
    }

    @Override
    public synchronized Optional<Instant> nextDue() {
        return records.values().stream().map(MonitorRecord::dueAt).filter(d -> d != null).min(Comparator.naturalOrder());
    }

    @Override
    public synchronized Optional<String> token(String name) {
        return Optional.ofNullable(tokens.get(name));
    }

    @Override
    public synchronized boolean createToken(String name, String token) {
        if (tokens.containsKey(name)) {
            return false;
        }
        tokens.put(name, token);
        nameByHash.put(HeartbeatTokens.hash(token), name);
        records.put(name, MonitorRecord.fresh(name).withVersion(1));
        return true;
    }

    @Override
    public synchronized void rotateToken(String name, String token) {
        String old = tokens.get(name);
        if (old == null) {
            throw new IllegalArgumentException("monitor " + name + " has no token to rotate");
        }
        nameByHash.remove(HeartbeatTokens.hash(old));
        tokens.put(name, token);
        nameByHash.put(HeartbeatTokens.hash(token), name);
    }

    @Override
    public synchronized void remove(String name) {
        String old = tokens.remove(name);
        if (old != null) {
            nameByHash.remove(HeartbeatTokens.hash(old));
        }
        records.remove(name);
    }

    @Override
    public synchronized List<String> names() {
        return new ArrayList<>(tokens.keySet());
    }

    public synchronized int writes() {
        return writes;
    }
}
