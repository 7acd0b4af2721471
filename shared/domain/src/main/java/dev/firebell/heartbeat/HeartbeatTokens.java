package dev.firebell.heartbeat;

import dev.firebell.link.SecretTokens;

/** Ping tokens: 256 random bits, URL-safe; stored and looked up by their SHA-256 (docs/adr/0116). */
public final class HeartbeatTokens {

    private HeartbeatTokens() {
    }

    public static String generate() {
        return SecretTokens.generate();
    }

    /** Lower-case hex SHA-256 of the token's UTF-8 bytes: the same work for any token of a given length. */
    public static String hash(String token) {
        return SecretTokens.hash(token);
    }
}
