package dev.firebell.function.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.chat.slack.SigningSecrets.SecretUnavailableException;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** The signing secret from Secrets Manager (emulated): cached, re-read on rotation, failing closed. */
@LocalStackTest
class SecretsManagerSigningSecretsIntegrationTest {

    private static final String NAME = "firebell/test/signing_secret";

    private final LocalStack local;
    private Instant now = Instant.parse("2026-11-27T09:00:00Z");
    private final InstantSource clock = () -> now;

    SecretsManagerSigningSecretsIntegrationTest(LocalStack local) {
        this.local = local;
    }

    @BeforeEach
    void noSecret() {
        try {
            local.secretsManager().deleteSecret(r -> r.secretId(NAME).forceDeleteWithoutRecovery(true));
        } catch (ResourceNotFoundException none) {
            // fine
        }
    }

    @Test
    void current_shouldReadTheSecretOnce_andAgainAfterFiveMinutes() {
        put("first-secret");
        SecretsManagerSigningSecrets secrets = secrets();

        assertThat(text(secrets.current())).isEqualTo("first-secret");
        put("second-secret");
        now = now.plus(Duration.ofMinutes(4));
        assertThat(text(secrets.current())).as("cached").isEqualTo("first-secret");
        now = now.plus(Duration.ofMinutes(1));
        assertThat(text(secrets.current())).as("after 5 minutes").isEqualTo("second-secret");
    }

    @Test
    void reloadAfterMismatch_shouldPickUpARotatedSecret_atMostOncePerMinute() {
        put("old-secret");
        SecretsManagerSigningSecrets secrets = secrets();
        secrets.current();
        put("rotated-secret");

        now = now.plusSeconds(30);
        assertThat(secrets.reloadAfterMismatch()).as("within a minute of the last read").isFalse();
        assertThat(text(secrets.current())).isEqualTo("old-secret");
        now = now.plusSeconds(30);
        assertThat(secrets.reloadAfterMismatch()).isTrue();
        assertThat(text(secrets.current())).isEqualTo("rotated-secret");
        now = now.plusSeconds(90);
        assertThat(secrets.reloadAfterMismatch()).as("same secret read again").isFalse();
    }

    @Test
    void aMissingBlankOrDeletedSecret_shouldGiveAnEmptySecret() {
        assertThat(secrets().current()).as("missing").isEmpty();

        put(" \n");
        assertThat(secrets().current()).as("blank").isEmpty();
        put("secret-with-a-newline\n");
        assertThat(text(secrets().current())).isEqualTo("secret-with-a-newline");

        // Deleted with the default recovery window: scheduled for deletion, and refused by GetSecretValue.
        local.secretsManager().deleteSecret(r -> r.secretId(NAME));
        assertThat(secrets().current()).as("scheduled for deletion").isEmpty();
    }

    @Test
    void aJsonValue_shouldGiveItsSigningSecretField_andNothingWithoutOne() {
        put("{\"signingSecret\": \" from-the-console \"}");
        assertThat(text(secrets().current())).isEqualTo("from-the-console");

        put("{\"SLACK_SIGNING_SECRET\": \"wrong-key\"}");
        assertThat(secrets().current()).as("no signingSecret field: not configured").isEmpty();
        put("{not json");
        assertThat(secrets().current()).as("broken JSON: not configured").isEmpty();
    }

    @Test
    void aBinarySecret_shouldBeReadAsText() {
        local.secretsManager().createSecret(r -> r.name(NAME).secretBinary(SdkBytes.fromUtf8String("binary-secret\n")));

        assertThat(text(secrets().current())).isEqualTo("binary-secret");
    }

    @Test
    void anUnreachableSecretsManager_shouldRefuse_unlessASecretIsCached() {
        put("cached-secret");
        SecretsManagerClient unreachable = local.configure(SecretsManagerClient.builder())
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(2))
                        .retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        assertThatThrownBy(() -> new SecretsManagerSigningSecrets(unreachable, NAME, clock).current())
                .isInstanceOf(SecretUnavailableException.class).hasMessageContaining(NAME);

        Switchable client = new Switchable(local.secretsManager(), unreachable);
        SecretsManagerSigningSecrets secrets = new SecretsManagerSigningSecrets(client.client(), NAME, clock);
        assertThat(text(secrets.current())).isEqualTo("cached-secret");
        client.broken = true;
        now = now.plus(Duration.ofMinutes(6));
        assertThat(text(secrets.current())).as("Secrets Manager down: the cached secret keeps working")
                .isEqualTo("cached-secret");
        unreachable.close();
    }

    private SecretsManagerSigningSecrets secrets() {
        return new SecretsManagerSigningSecrets(local.secretsManager(), NAME, clock);
    }

    private void put(String value) {
        ChatFixture.putSecret(local, NAME, value);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A Secrets Manager client whose calls go to the emulator or, once broken, to a closed port. */
    private static final class Switchable {
        private final SecretsManagerClient working;
        private final SecretsManagerClient failing;
        volatile boolean broken;

        Switchable(SecretsManagerClient working, SecretsManagerClient failing) {
            this.working = working;
            this.failing = failing;
        }

        SecretsManagerClient client() {
            return (SecretsManagerClient) java.lang.reflect.Proxy.newProxyInstance(
                    SecretsManagerClient.class.getClassLoader(), new Class<?>[] {SecretsManagerClient.class},
                    (proxy, method, args) -> {
                        try {
                            return method.invoke(broken ? failing : working, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
