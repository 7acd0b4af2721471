package dev.firebell.heartbeat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: monitors' tokens and records. Tokens are found by their hash only, so that the store never compares a secret
 * and an unknown token costs the same lookups as a known one.
 */
public interface HeartbeatStore {

    /** The record of the monitor whose token has this hash; empty when none has. Same work either way. */
    Optional<MonitorRecord> byTokenHash(String tokenHash);

    /** The record, strongly consistent; {@link MonitorRecord#fresh} when the monitor has none yet. */
    MonitorRecord record(String name);

    /**
     * Writes {@code next} where the record is still at {@code current.version()}; false when someone else wrote first.
     * Only a record that exists (it has a token) is written.
     */
    boolean replace(MonitorRecord current, MonitorRecord next);

    /** Up to {@code limit} records due at or before {@code now}, earliest first (an index; may lag a write). */
    List<MonitorRecord> due(Instant now, int limit);

    /** When the earliest record is due; empty when none is. */
    Optional<Instant> nextDue();

    /** The monitor's token; empty when it has none yet. */
    Optional<String> token(String name);

    /** Gives the monitor this token if it has none yet; false when it had one (kept). */
    boolean createToken(String name, String token);

    /** Replaces the monitor's token at once: the old one answers 404 from now on. */
    void rotateToken(String name, String token);

    /** Forgets the monitor: its token and its record. */
    void remove(String name);

    /** The names of every monitor that has a token. */
    List<String> names();
}
