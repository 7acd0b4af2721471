package dev.firebell.link;

import dev.firebell.answer.PageAction;
import dev.firebell.incident.Channel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token of a link: a {@link LinkClaim} and its HMAC-SHA256, in as few characters as an SMS page can carry
 * (base64url, about 36 characters for incident 7 and person alice).
 *
 * <pre>
 * byte 0        format version (1)
 * byte 1        key id ({@link LinkKey#id()})
 * byte 2        action (high 4 bits) and channel (low 4 bits)
 * bytes 3-6     expiry: minutes since 1970-01-01T00:00Z, unsigned, big-endian (until the year 10136)
 * byte 7        n, then n bytes: the incident id (digits, 1 to 20)
 * next byte     m, then m bytes: the person id (UTF-8, 1 to 64 bytes)
 * last 12 bytes HMAC-SHA256(key, "firebell link v1" || every byte above), first 96 bits
 * </pre>
 *
 * <p>Verification never trusts a byte before the signature checks: the signature is computed over what was received
 * with each key of the named id, compared in constant time, and only then is the expiry looked at. Anything that does
 * not parse is {@link Verification.Invalid}, with the reason for logs (never for the person: a tampered link and a
 * mistyped one read the same).
 */
public final class LinkTokens {

    static final byte VERSION = 1;
    /** 96 bits: a forgery needs about 2^96 tries, each an HTTP request. */
    static final int MAC_BYTES = 12;
    /** Longer tokens are refused unread. */
    public static final int MAX_LENGTH = 200;
    static final int MAX_INCIDENT_ID = 20;
    static final int MAX_PERSON_ID = 64;

    private static final byte[] DOMAIN = "firebell link v1".getBytes(StandardCharsets.UTF_8);
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final int HEADER = 8;
    private static final long MAX_MINUTES = 0xFFFF_FFFFL;

    private static final Map<PageAction, Integer> ACTIONS = Map.of(PageAction.ACKNOWLEDGE, 1, PageAction.ESCALATE, 2,
            PageAction.RESOLVE, 3);
    /** Only the channels a link is sent through. */
    private static final Map<Channel, Integer> CHANNELS = Map.of(Channel.EMAIL_LINK, 1, Channel.SMS_LINK, 2,
            Channel.PAGE_LINK, 3);

    private LinkTokens() {
    }

    /** What verifying a token found. */
    public sealed interface Verification {

        /** The signature holds and the link has not expired. */
        record Valid(LinkClaim claim) implements Verification {
        }

        /** A genuine link, too old. */
        record Expired(LinkClaim claim) implements Verification {
        }

        /** Signed with a key id none of the keys given has (the keys may have been rotated since they were read). */
        record UnknownKey(int keyId) implements Verification {
        }

        /** Not a token, or not ours: tampered, truncated, mistyped. {@code reason} is for logs. */
        record Invalid(String reason) implements Verification {
        }
    }

    /**
     * The token of a claim, signed with {@code key}.
     *
     * @throws IllegalArgumentException the claim cannot be a link: an incident id that is not digits, ids too long, a
     *                                  channel links are not sent through, an expiry out of range
     */
    public static String sign(LinkClaim claim, LinkKey key) {
        if (!DIGITS.matcher(claim.incidentId()).matches() || claim.incidentId().length() > MAX_INCIDENT_ID) {
            throw new IllegalArgumentException("incident id '" + claim.incidentId() + "' is not 1 to " + MAX_INCIDENT_ID
                    + " digits");
        }
        byte[] incident = claim.incidentId().getBytes(StandardCharsets.US_ASCII);
        byte[] person = claim.personId().getBytes(StandardCharsets.UTF_8);
        if (person.length == 0 || person.length > MAX_PERSON_ID) {
            throw new IllegalArgumentException("person id '" + claim.personId() + "' is not 1 to " + MAX_PERSON_ID
                    + " bytes");
        }
        Integer channel = CHANNELS.get(claim.channel());
        if (channel == null) {
            throw new IllegalArgumentException("links are not sent through " + claim.channel());
        }
        long minutes = claim.expiresAt().getEpochSecond() / 60;
        if (claim.expiresAt().getEpochSecond() % 60 != 0 || claim.expiresAt().getNano() != 0 || minutes < 0
                || minutes > MAX_MINUTES) {
            throw new IllegalArgumentException("expiry " + claim.expiresAt() + " is not a whole minute after 1970");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER + incident.length + person.length + 1 + MAC_BYTES);
        out.write(VERSION);
        out.write(key.id());
        out.write(ACTIONS.get(claim.action()) << 4 | channel);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) minutes).array());
        out.write(incident.length);
        out.writeBytes(incident);
        out.write(person.length);
        out.writeBytes(person);
        byte[] body = out.toByteArray();
        out.writeBytes(mac(key, body, body.length));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** Checks a token against the keys given (the current one and, during a rotation, the one before) at {@code now}. */
    public static Verification verify(String token, List<LinkKey> keys, Instant now) {
        byte[] bytes;
        try {
            bytes = SealedTokens.decode(token, MAX_LENGTH);
        } catch (IllegalArgumentException e) {
            return new Verification.Invalid(e.getMessage());
        }
        if (bytes.length < HEADER + 1 + 1 + 1 + MAC_BYTES) {
            return new Verification.Invalid("too short (" + bytes.length + " bytes)");
        }
        if (bytes[0] != VERSION) {
            return new Verification.Invalid("unknown format version " + (bytes[0] & 0xff));
        }
        int bodyLength = bytes.length - MAC_BYTES;
        SealedTokens.Signer signer = SealedTokens.signer(bytes[1], keys, key -> mac(key, bytes, bodyLength),
                Arrays.copyOfRange(bytes, bodyLength, bytes.length));
        if (!signer.known()) {
            return new Verification.UnknownKey(bytes[1] & 0xff);
        }
        if (signer.key() == null) {
            return new Verification.Invalid("signature does not match");
        }
        LinkClaim claim;
        try {
            claim = claim(bytes, bodyLength);
        } catch (IllegalArgumentException e) {
            // Signed by us, yet unreadable: a bug on the signing side, not a person's mistake.
            return new Verification.Invalid("signed but malformed: " + e.getMessage());
        }
        return now.isBefore(claim.expiresAt()) ? new Verification.Valid(claim) : new Verification.Expired(claim);
    }

    private static LinkClaim claim(byte[] bytes, int bodyLength) {
        PageAction action = decode(ACTIONS, (bytes[2] >> 4) & 0x0f, "action");
        Channel channel = decode(CHANNELS, bytes[2] & 0x0f, "channel");
        long minutes = ByteBuffer.wrap(bytes, 3, 4).getInt() & MAX_MINUTES;
        int at = 7;
        int n = bytes[at++] & 0xff;
        if (n == 0 || n > MAX_INCIDENT_ID || at + n >= bodyLength) {
            throw new IllegalArgumentException("incident id length " + n);
        }
        String incident = new String(bytes, at, n, StandardCharsets.US_ASCII);
        at += n;
        int m = bytes[at++] & 0xff;
        if (m == 0 || m > MAX_PERSON_ID || at + m != bodyLength) {
            throw new IllegalArgumentException("person id length " + m);
        }
        String person = new String(bytes, at, m, StandardCharsets.UTF_8);
        if (!DIGITS.matcher(incident).matches()) {
            throw new IllegalArgumentException("incident id is not digits");
        }
        return new LinkClaim(incident, person, action, channel, Instant.ofEpochSecond(minutes * 60));
    }

    private static <T> T decode(Map<T, Integer> codes, int code, String what) {
        for (Map.Entry<T, Integer> e : codes.entrySet()) {
            if (e.getValue() == code) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("unknown " + what + " code " + code);
    }

    private static byte[] mac(LinkKey key, byte[] body, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
            mac.update(DOMAIN);
            mac.update(body, 0, length);
            return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
