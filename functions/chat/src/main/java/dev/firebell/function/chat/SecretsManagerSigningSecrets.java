package dev.firebell.function.chat;

import dev.firebell.aws.secrets.CachedSecret;
import dev.firebell.chat.slack.SigningSecrets;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The Slack signing secret from AWS Secrets Manager (ADR 33), through {@link CachedSecret}: plain text, or JSON with a
 * {@code signingSecret} field; read on first use, kept five minutes, read again at most once a minute after a
 * signature that does not verify. A secret that does not exist, is scheduled for deletion, or is empty gives an empty
 * secret, which refuses every request.
 */
final class SecretsManagerSigningSecrets implements SigningSecrets {

    /** The field holding the secret when the value is a JSON object. */
    static final String JSON_FIELD = "signingSecret";

    private final CachedSecret secret;

    SecretsManagerSigningSecrets(SecretsManagerClient secretsManager, String secretName, InstantSource clock) {
        this.secret = new CachedSecret(secretsManager, secretName, JSON_FIELD, clock);
    }

    @Override
    public byte[] current() {
        try {
            return secret.current().getBytes(StandardCharsets.UTF_8);
        } catch (CachedSecret.SecretUnavailableException e) {
            throw new SecretUnavailableException(e.getMessage(), e);
        }
    }

    @Override
    public boolean reloadAfterMismatch() {
        try {
            return secret.reloadAfterRefusal();
        } catch (CachedSecret.SecretUnavailableException e) {
            throw new SecretUnavailableException(e.getMessage(), e);
        }
    }

    @Override
    public void forget() {
        secret.forget();
    }
}
