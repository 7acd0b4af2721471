package dev.firebell.link;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets that are a URL's only credential (a heartbeat's ping URL, a calendar feed): 256 random bits, URL-safe, kept
 * and looked up by their SHA-256 so that no code compares the secret itself (docs/adr/0116, 0124).
 */
public final class SecretTokens {

    /** The length of a generated token: 32 bytes in unpadded base64url. */
    public static final int LENGTH = 43;

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretTokens() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lower-case hex SHA-256 of the token's UTF-8 bytes: the same work for any token of a given length. */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether {@code token} has the shape {@link #generate} gives (a cheap filter, never a reason to answer sooner). */
    public static boolean wellFormed(String token) {
        return token != null && token.length() == LENGTH && token.chars().allMatch(c -> c >= 'A' && c <= 'Z'
                || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_');
    }
}
