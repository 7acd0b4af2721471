package dev.firebell.link;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The token of a console sign-in link: a {@link SignInClaim} sealed with the link key ({@link SealedTokens}, purpose
 * {@value #PURPOSE}), about 60 characters.
 *
 * <pre>
 * byte 0       format version (1)
 * byte 1       flags: 1 = reader (outside the configuration)
 * bytes 2-9    expiry, seconds since 1970, big-endian
 * bytes 10-17  nonce
 * byte 18      n, then n bytes: the person id (UTF-8, 1 to 64 bytes)
 * </pre>
 */
public final class SignInTokens {

    static final String PURPOSE = "firebell console sign-in v1";
    public static final int MAX_LENGTH = 160;
    static final int MAX_PERSON_ID = 64;
    private static final byte VERSION = 1;

    private SignInTokens() {
    }

    /** What verifying a sign-in token found. */
    public sealed interface Verification {

        record Valid(SignInClaim claim) implements Verification {
        }

        record Expired(SignInClaim claim) implements Verification {
        }

        record UnknownKey(int keyId) implements Verification {
        }

        /** {@code reason} is for logs only. */
        record Invalid(String reason) implements Verification {
        }
    }

    /** @throws IllegalArgumentException a person id that is empty or longer than 64 bytes */
    public static String sign(SignInClaim claim, LinkKey key) {
        byte[] person = claim.personId().getBytes(StandardCharsets.UTF_8);
        if (person.length == 0 || person.length > MAX_PERSON_ID) {
            throw new IllegalArgumentException("person id '" + claim.personId() + "' is not 1 to " + MAX_PERSON_ID
                    + " bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(19 + person.length);
        out.write(VERSION);
        out.write(claim.reader() ? 1 : 0);
        out.writeBytes(ByteBuffer.allocate(16).putLong(claim.expiresAt().getEpochSecond()).putLong(claim.nonce())
                .array());
        out.write(person.length);
        out.writeBytes(person);
        return SealedTokens.seal(PURPOSE, key, out.toByteArray());
    }

    public static Verification verify(String token, List<LinkKey> keys, Instant now) {
        SealedTokens.Opened opened = SealedTokens.open(PURPOSE, token, keys, MAX_LENGTH);
        if (opened instanceof SealedTokens.Opened.UnknownKey u) {
            return new Verification.UnknownKey(u.keyId());
        }
        if (opened instanceof SealedTokens.Opened.Invalid i) {
            return new Verification.Invalid(i.reason());
        }
        byte[] body = ((SealedTokens.Opened.Valid) opened).body();
        if (body.length < 20 || body[0] != VERSION || (body[1] & ~1) != 0 || (body[18] & 0xff) != body.length - 19
                || body.length - 19 > MAX_PERSON_ID) {
            // Signed by us, yet unreadable: a bug on the signing side.
            return new Verification.Invalid("signed but malformed");
        }
        ByteBuffer b = ByteBuffer.wrap(body, 2, 16);
        SignInClaim claim = new SignInClaim(new String(body, 19, body.length - 19, StandardCharsets.UTF_8),
                body[1] == 1, Instant.ofEpochSecond(b.getLong()), b.getLong());
        return now.isBefore(claim.expiresAt()) ? new Verification.Valid(claim) : new Verification.Expired(claim);
    }
}
