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
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** The signing secret from SSM (SecureString, emulated): cached, re-read on rotation, failing closed. */
@LocalStackTest
class SsmSigningSecretsIntegrationTest {

    private static final String NAME = "/firebell/test/signing-secret";

    private final LocalStack local;
    private Instant now = Instant.parse("2026-11-27T09:00:00Z");
    private final InstantSource clock = () -> now;

    SsmSigningSecretsIntegrationTest(LocalStack local) {
        this.local = local;
    }

    @BeforeEach
    void noParameter() {
        try {
            local.ssm().deleteParameter(r -> r.name(NAME));
        } catch (ParameterNotFoundException none) {
            // fine
        }
    }

    @Test
    void current_shouldReadTheDecryptedSecretOnce_andAgainAfterFiveMinutes() {
        put("first-secret");
        SsmSigningSecrets secrets = new SsmSigningSecrets(local.ssm(), NAME, clock);

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
        SsmSigningSecrets secrets = new SsmSigningSecrets(local.ssm(), NAME, clock);
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
    void aMissingOrBlankParameter_shouldGiveAnEmptySecret() {
        SsmSigningSecrets missing = new SsmSigningSecrets(local.ssm(), NAME, clock);
        assertThat(missing.current()).isEmpty();

        put(" \n");
        assertThat(new SsmSigningSecrets(local.ssm(), NAME, clock).current()).isEmpty();
        put("secret-with-a-newline\n");
        assertThat(text(new SsmSigningSecrets(local.ssm(), NAME, clock).current())).isEqualTo("secret-with-a-newline");
    }

    @Test
    void anUnreachableSsm_shouldRefuse_unlessASecretIsCached() {
        put("cached-secret");
        SsmClient unreachable = local.configure(SsmClient.builder()).endpointOverride(URI.create("http://127.0.0.1:9"))
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(2)).retryStrategy(software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry()))
                .build();
        assertThatThrownBy(() -> new SsmSigningSecrets(unreachable, NAME, clock).current())
                .isInstanceOf(SecretUnavailableException.class).hasMessageContaining(NAME);

        SwitchableSsm ssm = new SwitchableSsm(local.ssm(), unreachable);
        SsmSigningSecrets secrets = new SsmSigningSecrets(ssm.client(), NAME, clock);
        assertThat(text(secrets.current())).isEqualTo("cached-secret");
        ssm.broken = true;
        now = now.plus(Duration.ofMinutes(6));
        assertThat(text(secrets.current())).as("SSM down: the cached secret keeps working").isEqualTo("cached-secret");
        unreachable.close();
    }

    private void put(String value) {
        local.ssm().putParameter(r -> r.name(NAME).type(ParameterType.SECURE_STRING).value(value).overwrite(true));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** An SSM client whose calls go to the emulator or, once broken, to a closed port. */
    private static final class SwitchableSsm {
        private final SsmClient working;
        private final SsmClient failing;
        volatile boolean broken;

        SwitchableSsm(SsmClient working, SsmClient failing) {
            this.working = working;
            this.failing = failing;
        }

        SsmClient client() {
            return (SsmClient) java.lang.reflect.Proxy.newProxyInstance(SsmClient.class.getClassLoader(),
                    new Class<?>[] {SsmClient.class}, (proxy, method, args) -> {
                        try {
                            return method.invoke(broken ? failing : working, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
