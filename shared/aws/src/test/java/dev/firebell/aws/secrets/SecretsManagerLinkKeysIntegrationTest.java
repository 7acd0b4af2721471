package dev.firebell.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.firebell.answer.PageAction;
import dev.firebell.incident.Channel;
import dev.firebell.link.LinkClaim;
import dev.firebell.link.LinkKey;
import dev.firebell.link.LinkKeys;
import dev.firebell.link.LinkTokens;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The link key as template.yaml creates it (a generated secret), read and rotated the way docs/paging.md says to
 * rotate it, against the emulator's Secrets Manager.
 */
@LocalStackTest
class SecretsManagerLinkKeysIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");

    private final LocalStack local;
    private final String secret;
    private Instant now = T0;
    private final InstantSource clock = () -> now;

    SecretsManagerLinkKeysIntegrationTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.secret = resources.secretArn("LinkKeySecret");
    }

    @BeforeEach
    void freshValue() {
        local.secretsManager().putSecretValue(r -> r.secretId(secret).secretString("a".repeat(64)));
    }

    @Test
    void theGeneratedSecret_shouldBeAUsableKey_readOnFirstUse_andCached() {
        SecretsManagerLinkKeys keys = new SecretsManagerLinkKeys(local.secretsManager(), secret, clock);

        LinkKey first = keys.signingKey();
        local.secretsManager().putSecretValue(r -> r.secretId(secret).secretString("b".repeat(64)));

        assertThat(keys.signingKey()).as("cached").isEqualTo(first);
        now = T0.plus(SecretsManagerLinkKeys.CACHE);
        assertThat(keys.signingKey()).as("read again after the cache").isEqualTo(LinkKey.of("b".repeat(64)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void signing_shouldReadTheCurrentVersionOnly_andVerifyingThePreviousOnceMore() {
        // GIVEN a rotated secret, read through a client that counts its requests
        local.secretsManager().putSecretValue(r -> r.secretId(secret).secretString("e".repeat(64)));
        SecretsManagerClient counted = mock(SecretsManagerClient.class, delegatesTo(local.secretsManager()));
        SecretsManagerLinkKeys keys = new SecretsManagerLinkKeys(counted, secret, clock);

        // WHEN a page is signed (the paging path), then links are verified (the web function's path)
        keys.signingKey();
        verify(counted, times(1)).getSecretValue(any(Consumer.class));
        List<LinkKey> verifying = keys.verificationKeys();

        // THEN signing cost one request, verifying one more (the previous version), and both keys verify
        verify(counted, times(2)).getSecretValue(any(Consumer.class));
        assertThat(verifying).containsExactly(LinkKey.of("e".repeat(64)), LinkKey.of("a".repeat(64)));
        keys.verificationKeys();
        keys.signingKey();
        verify(counted, times(2)).getSecretValue(any(Consumer.class));
    }

    @Test
    void aRotation_shouldSignWithTheNewKey_andStillVerifyLinksSignedWithTheOldOne() {
        SecretsManagerLinkKeys verifier = new SecretsManagerLinkKeys(local.secretsManager(), secret, clock);
        LinkClaim claim = new LinkClaim("7", "alice", PageAction.ACKNOWLEDGE, Channel.EMAIL_LINK,
                T0.plus(Duration.ofHours(24)));
        String before = LinkTokens.sign(claim, new SecretsManagerLinkKeys(local.secretsManager(), secret, clock)
                .signingKey());
        assertThat(LinkTokens.verify(before, verifier.verificationKeys(), now)).isInstanceOf(
                LinkTokens.Verification.Valid.class);

        // WHEN the key is rotated as docs/paging.md says (put-secret-value: the old value becomes AWSPREVIOUS), and a
        // function that reads it afresh signs a link with the new one
        local.secretsManager().putSecretValue(r -> r.secretId(secret).secretString("c".repeat(64)));
        now = T0.plus(SecretsManagerLinkKeys.MIN_RELOAD);
        String after = LinkTokens.sign(claim, new SecretsManagerLinkKeys(local.secretsManager(), secret, clock)
                .signingKey());

        // THEN a verifier still holding the old key finds the new key's id unknown, reads again, and accepts both
        assertThat(LinkTokens.verify(after, verifier.verificationKeys(), now))
                .isInstanceOf(LinkTokens.Verification.UnknownKey.class);
        assertThat(verifier.reloadAfterUnknownKey()).isTrue();
        assertThat(verifier.verificationKeys()).containsExactly(LinkKey.of("c".repeat(64)), LinkKey.of("a".repeat(64)));
        assertThat(LinkTokens.verify(after, verifier.verificationKeys(), now))
                .isInstanceOf(LinkTokens.Verification.Valid.class);
        assertThat(LinkTokens.verify(before, verifier.verificationKeys(), now))
                .isInstanceOf(LinkTokens.Verification.Valid.class);
    }

    @Test
    void readingAgainAfterAnUnknownKey_shouldHappenAtMostOnceAMinute() {
        SecretsManagerLinkKeys keys = new SecretsManagerLinkKeys(local.secretsManager(), secret, clock);
        keys.verificationKeys();
        local.secretsManager().putSecretValue(r -> r.secretId(secret).secretString("d".repeat(64)));

        assertThat(keys.reloadAfterUnknownKey()).as("within the minute").isFalse();
        now = T0.plus(SecretsManagerLinkKeys.MIN_RELOAD);
        assertThat(keys.reloadAfterUnknownKey()).isTrue();
    }

    @Test
    void noSecret_orAValueTooShortForAKey_shouldMeanNoKeys_andSaySo() {
        SecretsManagerLinkKeys missing = new SecretsManagerLinkKeys(local.secretsManager(),
                "firebell/no-such-stack/link-key", clock);
        assertThatThrownBy(missing::signingKey).isInstanceOf(LinkKeys.KeysUnavailableException.class)
                .hasMessageContaining("firebell/no-such-stack/link-key");

        local.secretsManager().putSecretValue(r -> r.secretId(secret).secretString("short"));
        assertThatThrownBy(() -> new SecretsManagerLinkKeys(local.secretsManager(), secret, clock).verificationKeys())
                .isInstanceOf(LinkKeys.KeysUnavailableException.class).hasMessageContaining("32 bytes");
    }
}
