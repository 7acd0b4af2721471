package dev.firebell.console.session;

import dev.firebell.session.SessionStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Sessions in memory for unit tests; the table's conditions are DynamoSessionStore's (ConsoleSignInIntegrationTest). */
final class MemorySessionStore implements SessionStore {

    final Map<String, Instant> usedLinks = new HashMap<>();
    final Map<String, StoredSession> sessions = new HashMap<>();
    int reads;

    @Override
    public synchronized boolean start(String linkFingerprint, Instant linkExpiresAt, StoredSession session) {
        if (usedLinks.containsKey(linkFingerprint)) {
            return false;
        }
        usedLinks.put(linkFingerprint, linkExpiresAt);
        sessions.put(session.key(), session);
        return true;
    }

    @Override
    public synchronized boolean linkUsed(String linkFingerprint) {
        reads++;
        return usedLinks.containsKey(linkFingerprint);
    }

    @Override
    public synchronized Optional<StoredSession> find(String key) {
        reads++;
        return Optional.ofNullable(sessions.get(key));
    }

    @Override
    public synchronized void end(String key) {
        sessions.remove(key);
    }
}
