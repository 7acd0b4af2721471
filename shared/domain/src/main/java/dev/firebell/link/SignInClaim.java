package dev.firebell.link;

import java.time.Instant;
import java.util.Objects;

/**
 * What a console sign-in link says: who it signs in, until when. {@code reader} marks someone outside the configuration
 * (a Slack user id that no person of it has), who may read but never act, whatever ids the configuration later holds.
 *
 * @param nonce random, so that two links for the same person in the same second are two links (each used once)
 */
public record SignInClaim(String personId, boolean reader, Instant expiresAt, long nonce) {

    public SignInClaim {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
