package dev.firebell.heartbeat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code config apply} does to ping tokens (docs/adr/0116): a monitor newly declared gets a token, a monitor no
 * longer declared loses its token and its record. Tokens of monitors that stay are never touched, so that applying a
 * configuration never breaks a cron job; only {@code monitors rotate} replaces one.
 */
public record TokenChange(String monitor, Kind kind) {

    public enum Kind {
        CREATED,
        REMOVED
    }

    /** What reconciling the store with the declared monitors would change. */
    public static List<TokenChange> plan(HeartbeatStore store, Collection<String> declared) {
        Set<String> existing = new TreeSet<>(store.names());
        List<TokenChange> changes = new ArrayList<>();
        for (String name : new TreeSet<>(declared)) {
            if (!existing.contains(name)) {
                changes.add(new TokenChange(name, Kind.CREATED));
            }
        }
        for (String name : existing) {
            if (!declared.contains(name)) {
                changes.add(new TokenChange(name, Kind.REMOVED));
            }
        }
        return changes;
    }

    /** Makes the planned changes; running it again changes nothing. */
    public static List<TokenChange> apply(HeartbeatStore store, Collection<String> declared) {
        List<TokenChange> done = new ArrayList<>();
        for (TokenChange c : plan(store, declared)) {
            if (c.kind == Kind.CREATED) {
                if (store.createToken(c.monitor, HeartbeatTokens.generate())) {
                    done.add(c);
                }
            } else {
                store.remove(c.monitor);
                done.add(c);
            }
        }
        return done;
    }

    @Override
    public String toString() {
        return kind == Kind.CREATED
                ? "+ heartbeat " + monitor + ": ping token created (see it with './firebell monitors url " + monitor + "')"
                : "- heartbeat " + monitor + ": no longer declared, its token and record removed";
    }
}
