package dev.firebell.link;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A few bytes sealed with a link key, as base64url: {@code key id || body || HMAC-SHA256(key, purpose, key id || body)}
 * cut to 128 bits. What console sign-in links and session cookies are made of. Opening never trusts a byte before the
 * signature checks: every key of the named id is tried and compared in constant time; only then is the body returned.
 */
public final class SealedTokens {

    static final int MAC_BYTES = 16;
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");

    private SealedTokens() {
    }

    /** What opening a token found. */
    public sealed interface Opened {

        /** Signed by {@code key} (one of the keys given); {@code body} is what was sealed. */
        record Valid(byte[] body, LinkKey key) implements Opened {
        }

        /** Sealed with a key id none of the keys has (rotated twice since, or never ours). */
        record UnknownKey(int keyId) implements Opened {
        }

        /** Not a token, or not ours; {@code reason} is for logs only. */
        record Invalid(String reason) implements Opened {
        }
    }

    public static String seal(String purpose, LinkKey key, byte[] body) {
        byte[] signed = new byte[1 + body.length + MAC_BYTES];
        signed[0] = key.id();
        System.arraycopy(body, 0, signed, 1, body.length);
        System.arraycopy(mac(purpose, key, signed, 1 + body.length), 0, signed, 1 + body.length, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
    }

    /** Opens a token of at most {@code maxLength} characters sealed for {@code purpose} with one of {@code keys}. */
    public static Opened open(String purpose, String token, List<LinkKey> keys, int maxLength) {
        byte[] bytes;
        try {
            bytes = decode(token, maxLength);
        } catch (IllegalArgumentException e) {
            return new Opened.Invalid(e.getMessage());
        }
        if (bytes.length < 2 + MAC_BYTES) {
            return new Opened.Invalid("too short (" + bytes.length + " bytes)");
        }
        int signedLength = bytes.length - MAC_BYTES;
        Signer signer = signer(bytes[0], keys, key -> mac(purpose, key, bytes, signedLength),
                Arrays.copyOfRange(bytes, signedLength, bytes.length));
        if (!signer.known()) {
            return new Opened.UnknownKey(bytes[0] & 0xff);
        }
        if (signer.key() == null) {
            return new Opened.Invalid("signature does not match");
        }
        return new Opened.Valid(Arrays.copyOfRange(bytes, 1, signedLength), signer.key());
    }

    /**
     * The bytes of a base64url token of at most {@code maxLength} characters.
     *
     * @throws IllegalArgumentException not such a token; the message says why (for logs)
     */
    static byte[] decode(String token, int maxLength) {
        if (token == null || token.isEmpty() || token.length() > maxLength || !BASE64URL.matcher(token).matches()) {
            throw new IllegalArgumentException("not a base64url token of at most " + maxLength + " characters");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64url: " + e.getMessage(), e);
        }
        // The last character may carry bits beyond the bytes (2 or 4): a token changed only there would decode to the
        // same bytes and pass. Only the one spelling Firebell writes is accepted, so every changed character fails.
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(token)) {
            throw new IllegalArgumentException("not the canonical base64url spelling of its bytes");
        }
        return bytes;
    }

    /**
     * Which key signed: {@code known} when some key has the token's key id, {@code key} the one whose tag matched
     * (null for none).
     */
    record Signer(boolean known, LinkKey key) {
    }

    /**
     * Tries every key with id {@code keyId}: each one's tag of the token is compared with {@code received} in constant
     * time, and all are tried, so the time taken does not say which one matched.
     */
    static Signer signer(byte keyId, List<LinkKey> keys, java.util.function.Function<LinkKey, byte[]> tag,
                         byte[] received) {
        LinkKey matched = null;
        boolean known = false;
        for (LinkKey key : keys) {
            if (key.id() != keyId) {
                continue;
            }
            known = true;
            if (MessageDigest.isEqual(tag.apply(key), received)) {
                matched = key;
            }
        }
        return new Signer(known, matched);
    }

    private static byte[] mac(String purpose, LinkKey key, byte[] bytes, int length) {
        return Arrays.copyOf(key.hmac(purpose, Arrays.copyOf(bytes, length)), MAC_BYTES);
    }
}
