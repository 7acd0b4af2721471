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
        if (token == null || token.isEmpty() || token.length() > maxLength || !BASE64URL.matcher(token).matches()) {
            return new Opened.Invalid("not a base64url token of at most " + maxLength + " characters");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return new Opened.Invalid("not base64url: " + e.getMessage());
        }
        if (bytes.length < 2 + MAC_BYTES) {
            return new Opened.Invalid("too short (" + bytes.length + " bytes)");
        }
        int signedLength = bytes.length - MAC_BYTES;
        byte[] received = Arrays.copyOfRange(bytes, signedLength, bytes.length);
        LinkKey matched = null;
        boolean known = false;
        for (LinkKey key : keys) {
            if (key.id() != bytes[0]) {
                continue;
            }
            known = true;
            // Every key of that id is tried, so the time taken does not say which one matched.
            if (MessageDigest.isEqual(mac(purpose, key, bytes, signedLength), received)) {
                matched = key;
            }
        }
        if (!known) {
            return new Opened.UnknownKey(bytes[0] & 0xff);
        }
        if (matched == null) {
            return new Opened.Invalid("signature does not match");
        }
        return new Opened.Valid(Arrays.copyOfRange(bytes, 1, signedLength), matched);
    }

    private static byte[] mac(String purpose, LinkKey key, byte[] bytes, int length) {
        return Arrays.copyOf(key.hmac(purpose, Arrays.copyOf(bytes, length)), MAC_BYTES);
    }
}
