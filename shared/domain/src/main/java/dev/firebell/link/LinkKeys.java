package dev.firebell.link;

import java.util.List;

/**
 * Port: the keys links are signed and verified with (a Secrets Manager secret in production, cached). Rotating the
 * secret makes the new value the signing key while links signed with the one before keep verifying until the next
 * rotation.
 */
public interface LinkKeys {

    /**
     * The key new links are signed with (the secret's current version).
     *
     * @throws KeysUnavailableException the secret cannot be read, or holds no usable key
     */
    LinkKey signingKey();

    /**
     * The keys a link may have been signed with: the current one and, after a rotation, the one before it.
     *
     * @throws KeysUnavailableException the secret cannot be read, or holds no usable key
     */
    List<LinkKey> verificationKeys();

    /**
     * After a link named a key none of {@link #verificationKeys()} has: reads the secret again if the copy held is old
     * enough (it may have been rotated since), so a rotation reaches every function within about a minute. Returns
     * whether the keys changed.
     */
    boolean reloadAfterUnknownKey();

    /** No key can be had: nothing is signed or verified (links are left out of pages; link pages answer 503). */
    final class KeysUnavailableException extends RuntimeException {
        public KeysUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
