package dev.firebell.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A secret in Secrets Manager (emulated) under the name and JSON field its user chose; the chat function's signing
 * secret tests (SecretsManagerSigningSecretsIntegrationTest) cover caching, rotation and outages through the same class.
 */
@LocalStackTest
class CachedSecretIntegrationTest {

    private static final String NAME = "firebell/test/bot_token";

    private final LocalStack local;
    private Instant now = Instant.parse("2026-12-10T09:00:00Z");
    private final InstantSource clock = () -> now;

    CachedSecretIntegrationTest(LocalStack local) {
        this.local = local;
    }

    @BeforeEach
    void noSecret() {
        local.deleteSecret(NAME);
    }

    @Test
    void current_shouldReadItsOwnJsonField_andNotAnother() {
        put("{\"botToken\": \" xoxb-1-2-abc \", \"signingSecret\": \"other\"}");
        assertThat(secret("botToken").current()).isEqualTo("xoxb-1-2-abc");

        put("{\"signingSecret\": \"other\"}");
        now = now.plus(CachedSecret.CACHE);
        assertThat(secret("botToken").current()).as("JSON without the field: not configured").isEmpty();
    }

    @Test
    void current_shouldGiveAPlainValueStripped_andNothingForAMissingSecret() {
        CachedSecret secret = secret("botToken");
        assertThat(secret.current()).isEmpty();

        put("xoxb-9-8-xyz\n");
        assertThat(secret.current()).as("cached: still not configured").isEmpty();
        now = now.plus(Duration.ofMinutes(1));
        assertThat(secret.reloadAfterRefusal()).isTrue();
        assertThat(secret.current()).isEqualTo("xoxb-9-8-xyz");
        assertThat(secret.name()).isEqualTo(NAME);
    }

    private CachedSecret secret(String field) {
        return new CachedSecret(local.secretsManager(), NAME, field, clock);
    }

    private void put(String value) {
        local.putSecret(NAME, value);
    }
}
