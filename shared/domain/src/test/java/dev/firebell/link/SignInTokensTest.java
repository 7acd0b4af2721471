package dev.firebell.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private static final SignInClaim ALICE = new SignInClaim("alice", false, NOW.plusSeconds(900), 42L);

    @Test
    void verify_shouldGiveBackTheClaim_ofATokenSignedWithTheCurrentOrThePreviousKey() {
        String token = SignInTokens.sign(ALICE, TestLinks.KEY);

        assertThat(SignInTokens.verify(token, List.of(TestLinks.KEY), NOW))
                .isEqualTo(new SignInTokens.Verification.Valid(ALICE));
        assertThat(SignInTokens.verify(token, List.of(TestLinks.NEXT, TestLinks.KEY), NOW))
                .as("after a rotation, the previous key still verifies").isEqualTo(new SignInTokens.Verification.Valid(ALICE));
        assertThat(SignInTokens.verify(token, List.of(TestLinks.NEXT), NOW))
                .isInstanceOf(SignInTokens.Verification.UnknownKey.class);
        assertThat(token).matches("[A-Za-z0-9_-]{40,80}");
    }

    @Test
    void verify_shouldSayExpired_fromTheExpiryOn() {
        String token = SignInTokens.sign(ALICE, TestLinks.KEY);

        assertThat(SignInTokens.verify(token, List.of(TestLinks.KEY), ALICE.expiresAt().minusSeconds(1)))
                .isInstanceOf(SignInTokens.Verification.Valid.class);
        assertThat(SignInTokens.verify(token, List.of(TestLinks.KEY), ALICE.expiresAt()))
                .isEqualTo(new SignInTokens.Verification.Expired(ALICE));
    }

    @Test
    void verify_shouldRefuseEveryChangedByte_andWhatIsNoToken() {
        String token = SignInTokens.sign(new SignInClaim("U0STRANGER", true, NOW.plusSeconds(900), 7L), TestLinks.KEY);
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        for (int i = 1; i < bytes.length; i++) {
            byte[] changed = bytes.clone();
            changed[i] ^= 0x01;
            assertThat(SignInTokens.verify(Base64.getUrlEncoder().withoutPadding().encodeToString(changed),
                    List.of(TestLinks.KEY), NOW)).as("byte %d changed", i)
                    .isInstanceOf(SignInTokens.Verification.Invalid.class);
        }
        for (String notAToken : new String[] {"", "abc", "a+b/c", "x".repeat(500), token.substring(0, 20)}) {
            assertThat(SignInTokens.verify(notAToken, List.of(TestLinks.KEY), NOW))
                    .isInstanceOf(SignInTokens.Verification.Invalid.class);
        }
    }

    @Test
    void aLinkTokenOrASessionSealedForAnotherPurpose_shouldNeverPassForASignInLink() {
        String other = SealedTokens.seal("firebell console session v1", TestLinks.KEY,
                Base64.getUrlDecoder().decode(SignInTokens.sign(ALICE, TestLinks.KEY)));

        assertThat(SignInTokens.verify(other, List.of(TestLinks.KEY), NOW))
                .isInstanceOf(SignInTokens.Verification.Invalid.class);
    }

    @Test
    void aReaderClaim_shouldSurviveTheRoundTrip_andPersonIdsShouldBeBounded() {
        SignInClaim reader = new SignInClaim("U0STRANGER", true, NOW.plusSeconds(900), -1L);

        assertThat(SignInTokens.verify(SignInTokens.sign(reader, TestLinks.KEY), List.of(TestLinks.KEY), NOW))
                .isEqualTo(new SignInTokens.Verification.Valid(reader));
        assertThatThrownBy(() -> SignInTokens.sign(new SignInClaim("", false, NOW, 1L), TestLinks.KEY))
                .hasMessageContaining("person id");
        assertThatThrownBy(() -> SignInTokens.sign(new SignInClaim("p".repeat(65), false, NOW, 1L), TestLinks.KEY))
                .hasMessageContaining("1 to 64 bytes");
    }

    @Test
    void signInLinks_shouldPointUnderThePublicBase_validFifteenMinutes_andDifferEachTime() {
        SignInLinks links = new SignInLinks(TestLinks.fixed(TestLinks.KEY), () -> Optional.of(TestLinks.FUNCTION_URL),
                () -> NOW.plusMillis(250));

        SignInLinks.Issued first = links.issue("alice", false);
        SignInLinks.Issued second = links.issue("alice", false);

        assertThat(first.url()).startsWith(TestLinks.FUNCTION_URL + "console/sign-in/");
        assertThat(first.claim().expiresAt()).isEqualTo(NOW.plusSeconds(900));
        assertThat(first.url()).isNotEqualTo(second.url());
        String token = first.url().substring(first.url().lastIndexOf('/') + 1);
        assertThat(SignInTokens.verify(token, List.of(TestLinks.KEY), NOW))
                .isEqualTo(new SignInTokens.Verification.Valid(first.claim()));
        assertThatThrownBy(() -> new SignInLinks(TestLinks.fixed(TestLinks.KEY), Optional::empty, () -> NOW)
                .issue("alice", false)).isInstanceOf(IllegalStateException.class).hasMessageContaining("not known yet");
    }
}
