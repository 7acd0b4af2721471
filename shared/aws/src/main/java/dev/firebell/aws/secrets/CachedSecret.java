package dev.firebell.aws.secrets;

import dev.firebell.aws.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * One secret a function needs from AWS Secrets Manager (the Slack signing secret, the Slack bot token), read on first
 * use (never at init, so nothing is fetched before a request needs it) and kept for {@link #CACHE}. The value is the
 * secret as plain text, or a JSON object with the secret in {@code jsonField} (what the console's key/value editor
 * stores). A secret that does not exist, is scheduled for deletion, or is empty gives {@code ""}: not configured.
 * If Secrets Manager fails while a secret is cached, the cached one keeps working until it answers again.
 */
public final class CachedSecret {

    public static final Duration CACHE = Duration.ofMinutes(5);
    /** How often a refusal (a signature that does not verify, a token Slack rejects) may trigger a fresh read. */
    public static final Duration MIN_RELOAD = Duration.ofMinutes(1);

    private final SecretsManagerClient secretsManager;
    private final String secretName;
    private final String jsonField;
    private final InstantSource clock;
    private String cached;
    private Instant readAt;

    /**
     * @param jsonField the field holding the secret when the value is a JSON object
     * @param clock     the wall clock: how long a secret is kept has nothing to do with the time commands run at
     */
    public CachedSecret(SecretsManagerClient secretsManager, String secretName, String jsonField, InstantSource clock) {
        this.secretsManager = secretsManager;
        this.secretName = secretName;
        this.jsonField = jsonField;
        this.clock = clock;
    }

    public String name() {
        return secretName;
    }

    /**
     * The secret as last read, read again when the cache has expired; {@code ""} when it is not configured.
     *
     * @throws SecretUnavailableException Secrets Manager cannot be reached or refuses, and nothing is cached
     */
    public synchronized String current() {
        if (cached == null || !clock.instant().isBefore(readAt.plus(CACHE))) {
            load();
        }
        return cached;
    }

    /**
     * After the secret was refused (someone may have rotated it): reads it again if the cached copy is at least
     * {@link #MIN_RELOAD} old, so a rotation takes effect within about a minute, not at cache expiry. Returns whether
     * a different secret was found.
     */
    public synchronized boolean reloadAfterRefusal() {
        if (readAt != null && clock.instant().isBefore(readAt.plus(MIN_RELOAD))) {
            return false;
        }
        String before = cached;
        load();
        return !cached.equals(before);
    }

    /**
     * Drops the cached copy, so the next use reads the secret again: after a SnapStart restore, a copy taken before
     * the snapshot may be older than any rotation since (ADR 0053).
     */
    public synchronized void forget() {
        cached = null;
        readAt = null;
    }

    private void load() {
        Instant now = clock.instant();
        try {
            cached = value(secretsManager.getSecretValue(r -> r.secretId(secretName)));
        } catch (ResourceNotFoundException | InvalidRequestException missingOrDeleted) {
            // No such secret, no current value, or scheduled for deletion: not configured, like an empty one.
            cached = "";
        } catch (SdkException e) {
            if (cached == null || cached.isEmpty()) {
                throw new SecretUnavailableException("cannot read secret " + secretName + " from Secrets Manager: "
                        + e.getMessage(), e);
            }
            // Keep the secret we have; try again after MIN_RELOAD rather than on every request.
            readAt = now.minus(CACHE).plus(MIN_RELOAD);
            return;
        }
        readAt = now;
    }

    private String value(GetSecretValueResponse response) {
        String value = response.secretString();
        if (value == null && response.secretBinary() != null) {
            value = response.secretBinary().asUtf8String();
        }
        // A secret pasted with a trailing newline would never verify; Slack's secrets and tokens have no white space.
        value = value == null ? "" : value.strip();
        if (value.startsWith("{")) {
            // Slack's secrets (hex digits) and tokens (xox...) never start with '{': this is the JSON form.
            value = fromJson(value);
        }
        return value;
    }

    /** The {@code jsonField} field, stripped; empty (not configured) when the JSON does not have one. */
    private String fromJson(String value) {
        try {
            Map<String, Object> object = Json.readObject(value);
            return object.get(jsonField) instanceof String secret ? secret.strip() : "";
        } catch (IOException | RuntimeException notJson) {
            return "";
        }
    }

    /** The secret could not be read (not: it is not configured). */
    public static final class SecretUnavailableException extends RuntimeException {
        public SecretUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
