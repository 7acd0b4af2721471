package dev.firebell.chat.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack request signing ("Verifying requests from Slack"): {@code X-Slack-Signature} is {@code v0=} and the hex
 * HMAC-SHA256, keyed with the app's signing secret, of {@code v0:<X-Slack-Request-Timestamp>:<raw body>}.
 *
 * <p>Verification fails closed: no secret, a missing or malformed header, a timestamp more than five minutes away
 * from now in either direction (a replay, or a clock far off), or any difference in the signature. The comparison
 * takes the same time wherever the signatures differ ({@link MessageDigest#isEqual}).
 */
public final class SlackSignature {

    /** The request's headers that carry the signature, named as a Function URL delivers them (lower-case). */
    public static final String TIMESTAMP_HEADER = "x-slack-request-timestamp";
    public static final String SIGNATURE_HEADER = "x-slack-signature";

    /** Slack's documented window; the future side stops signatures made for later from being replayed then. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);

    public enum Verdict {
        VALID, NO_SECRET, MISSING_HEADERS, MALFORMED_TIMESTAMP, STALE, FUTURE, MISMATCH;

        public boolean valid() {
            return this == VALID;
        }
    }

    private SlackSignature() {
    }

    public static Verdict verify(byte[] secret, String timestamp, String signature, byte[] body, Instant now) {
        if (secret == null || secret.length == 0) {
            return Verdict.NO_SECRET;
        }
        if (timestamp == null || signature == null || timestamp.isEmpty() || signature.isEmpty()) {
            return Verdict.MISSING_HEADERS;
        }
        if (timestamp.length() > 12 || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Verdict.MALFORMED_TIMESTAMP;
        }
        long seconds = Long.parseLong(timestamp);
        long skew = now.getEpochSecond() - seconds;
        if (skew > MAX_SKEW.getSeconds()) {
            return Verdict.STALE;
        }
        if (-skew > MAX_SKEW.getSeconds()) {
            return Verdict.FUTURE;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given) ? Verdict.VALID : Verdict.MISMATCH;
    }

    /** {@code v0=<hex>} for a body sent at {@code timestamp} (seconds since the epoch, as Slack writes it). */
    public static String sign(byte[] secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * The headers of a form post signed as Slack signs it at {@code timestamp}, named as a Function URL delivers them:
     * for requests made like Slack's (the local server's clients, tests, benchmarks).
     */
    public static Map<String, String> signedFormHeaders(byte[] secret, String timestamp, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/x-www-form-urlencoded");
        headers.put(TIMESTAMP_HEADER, timestamp);
        headers.put(SIGNATURE_HEADER, sign(secret, timestamp, body));
        return headers;
    }
}
