package dev.firebell.link;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A key links are signed with: the secret's bytes and a one-byte id, the first byte of their SHA-256, which tokens
 * carry so that a verifier holding two keys during a rotation knows which one signed. The id is a hint, not a secret:
 * two keys may share it (1 in 256), and then both are tried.
 */
public final class LinkKey {

    private final byte id;
    private final byte[] secret;

    private LinkKey(byte id, byte[] secret) {
        this.id = id;
        this.secret = secret;
    }

    /**
     * @throws IllegalArgumentException a secret shorter than 32 bytes: an HMAC-SHA256 key should be at least as long
     *                                  as its output
     */
    public static LinkKey of(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalArgumentException("a link key must be at least 32 bytes long; this one has " + bytes.length);
        }
        try {
            return new LinkKey(MessageDigest.getInstance("SHA-256").digest(bytes)[0], bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public byte id() {
        return id;
    }

    byte[] secret() {
        return secret;
    }

    /**
     * HMAC-SHA256 of {@code data} under this key, for {@code purpose} (a fixed text naming what is signed, so a value
     * signed for one use can never pass for another): how console sessions and their CSRF tokens are signed.
     */
    public byte[] hmac(String purpose, byte[] data) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | java.security.InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinkKey k && MessageDigest.isEqual(secret, k.secret);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(secret);
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "LinkKey[id=" + (id & 0xff) + "]";
    }
}
