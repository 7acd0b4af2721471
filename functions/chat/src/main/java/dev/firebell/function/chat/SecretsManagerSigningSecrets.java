package dev.firebell.function.chat;

import dev.firebell.aws.Json;
import dev.firebell.chat.slack.SigningSecrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * The Slack signing secret from AWS Secrets Manager (ADR 33), read on first use (never at init, so no secret is
 * fetched before a request needs it) and kept for {@link #CACHE}. The secret's value is the signing secret as plain
 * text, or a JSON object with a {@code signingSecret} field (what the console's key/value editor stores). A secret
 * that does not exist, is scheduled for deletion, or is empty gives an empty secret, which refuses every request.
 * If Secrets Manager fails while a secret is cached, the cached one keeps working until it answers again.
 */
final class SecretsManagerSigningSecrets implements SigningSecrets {

    static final Duration CACHE = Duration.ofMinutes(5);
    /** How often a signature mismatch may trigger a fresh read (rotations take effect this fast). */
    static final Duration MIN_RELOAD = Duration.ofMinutes(1);
    /** The field holding the secret when the value is a JSON object. */
    static final String JSON_FIELD = "signingSecret";

    private final SecretsManagerClient secretsManager;
    private final String secretName;
    private final InstantSource clock;
    private byte[] cached;
    private Instant readAt;

    SecretsManagerSigningSecrets(SecretsManagerClient secretsManager, String secretName, InstantSource clock) {
        this.secretsManager = secretsManager;
        this.secretName = secretName;
        this.clock = clock;
    }

    @Override
    public synchronized byte[] current() {
        if (cached == null || !clock.instant().isBefore(readAt.plus(CACHE))) {
            load();
        }
        return cached;
    }

    @Override
    public synchronized boolean reloadAfterMismatch() {
        if (readAt != null && clock.instant().isBefore(readAt.plus(MIN_RELOAD))) {
            return false;
        }
        byte[] before = cached;
        load();
        return !Arrays.equals(before, cached);
    }

    @Override
    public synchronized void forget() {
        cached = null;
        readAt = null;
    }

    private void load() {
        Instant now = clock.instant();
        try {
            cached = signingSecret(secretsManager.getSecretValue(r -> r.secretId(secretName)));
        } catch (ResourceNotFoundException | InvalidRequestException missingOrDeleted) {
            // No such secret, no current value, or scheduled for deletion: not configured, like an empty one.
            cached = new byte[0];
        } catch (SdkException e) {
            if (cached == null || cached.length == 0) {
                throw new SecretUnavailableException("cannot read secret " + secretName + " from Secrets Manager: "
                        + e.getMessage(), e);
            }
            // Keep the secret we have; try again after MIN_RELOAD rather than on every request.
            readAt = now.minus(CACHE).plus(MIN_RELOAD);
            return;
        }
        readAt = now;
    }

    private static byte[] signingSecret(GetSecretValueResponse response) {
        String value = response.secretString();
        if (value == null && response.secretBinary() != null) {
            value = response.secretBinary().asUtf8String();
        }
        // A secret pasted with a trailing newline would never verify; Slack's have no white space.
        value = value == null ? "" : value.strip();
        if (value.startsWith("{")) {
            // Slack's secrets are hex digits, so a value starting with '{' is the JSON form, never a secret itself.
            value = fromJson(value);
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code signingSecret} field, stripped; empty (not configured) when the JSON does not have one. */
    private static String fromJson(String value) {
        try {
            Map<String, Object> object = Json.readObject(value);
            return object.get(JSON_FIELD) instanceof String secret ? secret.strip() : "";
        } catch (IOException | RuntimeException notJson) {
            return "";
        }
    }
}
