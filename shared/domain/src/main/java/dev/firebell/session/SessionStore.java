package dev.firebell.session;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Port: the console's sessions and the sign-in links already used. Keys are fingerprints (SHA-256, hex) of the secrets
 * a browser holds, never the secrets: a read of the table signs nobody in. Both kinds of item leave by TTL once useless.
 */
public interface SessionStore {

    /**
     * A session as stored: whose, and until when.
     *
     * @param key    the fingerprint of the session id the cookie carries
     * @param reader someone outside the configuration (may read, never act)
     */
    record StoredSession(String key, String personId, boolean reader, Instant expiresAt) {
        public StoredSession {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(personId, "personId");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /**
     * Uses a sign-in link and starts its session, together (all or nothing): false, and nothing written, when the link
     * was used already.
     *
     * @param linkFingerprint the fingerprint of the link's token
     * @param linkExpiresAt   when the link stops working anyway (its record may go then)
     */
    boolean start(String linkFingerprint, Instant linkExpiresAt, StoredSession session);

    /** Whether the link of this fingerprint was used (one strongly consistent read). */
    boolean linkUsed(String linkFingerprint);

    /** The session of this key, if it was started and not ended (one strongly consistent read; expiry is the caller's). */
    Optional<StoredSession> find(String key);

    /** Ends the session (signing out); ending one that is gone already does nothing. */
    void end(String key);
}
