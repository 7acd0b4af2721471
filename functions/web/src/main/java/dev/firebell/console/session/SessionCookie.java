package dev.firebell.console.session;

import dev.firebell.link.LinkKey;
import dev.firebell.link.SealedTokens;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The console's session cookie (ADR 0121): {@value #NAME}, its value the session id, person and expiry sealed with the
 * link key ({@link SealedTokens}, purpose {@value #PURPOSE}). {@code __Host-} makes the browser insist on
 * {@code Secure}, {@code Path=/} and no {@code Domain}; {@code HttpOnly} keeps it from any script; {@code SameSite=Lax}
 * keeps it off every cross-site request but a top-level navigation (a link from Slack to an incident page).
 *
 * <pre>
 * byte 0       format version (1)
 * byte 1       flags: 1 = reader (outside the configuration)
 * bytes 2-9    expiry, seconds since 1970
 * bytes 10-25  session id (random)
 * byte 26      n, then n bytes: the person id (UTF-8)
 * </pre>
 */
public final class SessionCookie {

    public static final String NAME = "__Host-firebell";
    /** How long a session lasts: a working day or a night on call, then sign in again. */
    public static final Duration LIFETIME = Duration.ofHours(12);
    static final String PURPOSE = "firebell console session v1";
    static final String CSRF_PURPOSE = "firebell console csrf v1";
    static final int MAX_LENGTH = 200;
    private static final byte VERSION = 1;
    private static final int ID_BYTES = 16;

    private SessionCookie() {
    }

    /** What a valid cookie holds, and the key that sealed it (which also signs its CSRF token). */
    record Contents(byte[] sessionId, String personId, boolean reader, Instant expiresAt) {

        /** What the table stores the session under: the id's SHA-256, never the id. */
        String key() {
            return sha256Hex(sessionId);
        }
    }

    record Opened(Contents contents, LinkKey key) {
    }

    static byte[] newSessionId(java.security.SecureRandom random) {
        byte[] id = new byte[ID_BYTES];
        random.nextBytes(id);
        return id;
    }

    static String seal(Contents c, LinkKey key) {
        byte[] person = c.personId().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(27 + person.length);
        out.write(VERSION);
        out.write(c.reader() ? 1 : 0);
        out.writeBytes(ByteBuffer.allocate(8).putLong(c.expiresAt().getEpochSecond()).array());
        out.writeBytes(c.sessionId());
        out.write(person.length);
        out.writeBytes(person);
        return SealedTokens.seal(PURPOSE, key, out.toByteArray());
    }

    /** The cookie's value opened with one of {@code keys}; empty when it is not ours, malformed or sealed with a gone key. */
    static Optional<Opened> open(String value, List<LinkKey> keys) {
        if (!(SealedTokens.open(PURPOSE, value, keys, MAX_LENGTH) instanceof SealedTokens.Opened.Valid valid)) {
            return Optional.empty();
        }
        byte[] b = valid.body();
        if (b.length < 28 || b[0] != VERSION || (b[1] & ~1) != 0 || (b[26] & 0xff) != b.length - 27) {
            return Optional.empty();
        }
        return Optional.of(new Opened(new Contents(Arrays.copyOfRange(b, 10, 26),
                new String(b, 27, b.length - 27, StandardCharsets.UTF_8), b[1] == 1,
                Instant.ofEpochSecond(ByteBuffer.wrap(b, 2, 8).getLong())), valid.key()));
    }

    /** Whether the value opens as a cookie sealed with a key id none of {@code keys} has (keys rotated meanwhile). */
    static boolean unknownKey(String value, List<LinkKey> keys) {
        return SealedTokens.open(PURPOSE, value, keys, MAX_LENGTH) instanceof SealedTokens.Opened.UnknownKey;
    }

    /** The {@code Set-Cookie} value that holds {@code sealed} until {@code expiresAt}, counted from {@code now}. */
    static String set(String sealed, Instant now, Instant expiresAt) {
        long maxAge = Math.max(0, Duration.between(now, expiresAt).getSeconds());
        return NAME + "=" + sealed + "; Path=/; Max-Age=" + maxAge + "; Secure; HttpOnly; SameSite=Lax";
    }

    /** The {@code Set-Cookie} value that makes the browser drop the cookie. */
    static String cleared() {
        return NAME + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax";
    }

    /** This cookie's value in a request's {@code Cookie} header (the first, should a browser send two). */
    static Optional<String> valueIn(String cookieHeader) {
        if (cookieHeader == null) {
            return Optional.empty();
        }
        for (String pair : cookieHeader.split(";")) {
            String p = pair.strip();
            if (p.startsWith(NAME + "=")) {
                return Optional.of(p.substring(NAME.length() + 1)).filter(v -> !v.isEmpty());
            }
        }
        return Optional.empty();
    }

    /** The session's CSRF token: HMAC of its id under the key that sealed it, so it is valid for this session only. */
    static String csrfToken(byte[] sessionId, LinkKey key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(key.hmac(CSRF_PURPOSE, sessionId),
                24));
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
