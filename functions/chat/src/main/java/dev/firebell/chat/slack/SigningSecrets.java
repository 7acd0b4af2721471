package dev.firebell.chat.slack;

/**
 * Where the signing secret comes from (AWS Secrets Manager in production, cached). An empty array means "not
 * configured", which fails every verification.
 */
public interface SigningSecrets {

    /**
     * The secret as last read, read again when the cache has expired.
     *
     * @throws SecretUnavailableException the store cannot be reached or refuses; nothing can be verified
     */
    byte[] current();

    /**
     * After a signature did not verify: reads the secret again if the cached copy is old enough (someone may have
     * rotated it in Slack and in the store), so a rotation takes effect within about a minute, not at cache expiry.
     * Returns whether a different secret was found.
     */
    boolean reloadAfterMismatch();

    /**
     * Drops the cached secret, so the next request reads it again (after a SnapStart restore: no secret read before
     * a snapshot is ever used from it, ADR 0053).
     */
    default void forget() {
    }

    /** The secret could not be read (not: it is not configured). */
    final class SecretUnavailableException extends RuntimeException {
        public SecretUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
