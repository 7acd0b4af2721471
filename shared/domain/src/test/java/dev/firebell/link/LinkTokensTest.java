package dev.firebell.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.answer.PageAction;
import dev.firebell.incident.Channel;
import dev.firebell.link.LinkTokens.Verification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkTokensTest {

    private static final LinkKey KEY = TestLinks.KEY;
    private static final LinkKey NEXT = TestLinks.NEXT;
    private static final Instant EXPIRES = Instant.parse("2026-11-28T09:01:00Z");
    private static final LinkClaim ALICE_ACKS_7 = new LinkClaim("7", "alice", PageAction.ACKNOWLEDGE,
            Channel.EMAIL_LINK, EXPIRES);

    @Test
    void sign_shouldGiveACompactUrlSafeToken_thatVerifiesToTheSameClaim() {
        String token = LinkTokens.sign(ALICE_ACKS_7, KEY);

        assertThat(token).matches("[A-Za-z0-9_-]+").hasSizeLessThanOrEqualTo(36);
        assertThat(LinkTokens.verify(token, List.of(KEY), EXPIRES.minusSeconds(1)))
                .isEqualTo(new Verification.Valid(ALICE_ACKS_7));
    }

    @Test
    void verify_shouldSayExpired_fromTheMinuteTheLinkExpires_andNotBefore() {
        String token = LinkTokens.sign(ALICE_ACKS_7, KEY);

        assertThat(LinkTokens.verify(token, List.of(KEY), EXPIRES.minusNanos(1))).isInstanceOf(Verification.Valid.class);
        assertThat(LinkTokens.verify(token, List.of(KEY), EXPIRES)).isEqualTo(new Verification.Expired(ALICE_ACKS_7));
        assertThat(LinkTokens.verify(token, List.of(KEY), EXPIRES.plusSeconds(86_400)))
                .isInstanceOf(Verification.Expired.class);
    }

    @Test
    void verify_shouldRefuseEveryOneCharacterChange_ofEveryPosition() {
        String token = LinkTokens.sign(new LinkClaim("42", "bob", PageAction.RESOLVE, Channel.PAGE_LINK, EXPIRES), KEY);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int tried = 0;
        for (int i = 0; i < token.length(); i++) {
            for (char c : alphabet.toCharArray()) {
                if (c == token.charAt(i)) {
                    continue;
                }
                // Even where a change decodes to the same bytes (the last character's spare bits): refused, since
                // only the canonical spelling is accepted.
                String changed = token.substring(0, i) + c + token.substring(i + 1);
                Verification v = LinkTokens.verify(changed, List.of(KEY), EXPIRES.minusSeconds(60));
                tried++;
                assertThat(v).as("token changed at %d to %s", i, c)
                        .isNotInstanceOf(Verification.Valid.class).isNotInstanceOf(Verification.Expired.class);
            }
        }
        assertThat(tried).isEqualTo(token.length() * (alphabet.length() - 1));
    }

    @Test
    void verify_shouldRefuseATokenForAnotherIncidentOrPerson_madeByReSigningNothing() {
        // Swapping the incident id bytes (7 -> 8) without the key leaves the old signature: refused.
        byte[] bytes = Base64.getUrlDecoder().decode(LinkTokens.sign(ALICE_ACKS_7, KEY));
        bytes[8] = '8';
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThat(LinkTokens.verify(forged, List.of(KEY), EXPIRES.minusSeconds(1)))
                .isEqualTo(new Verification.Invalid("signature does not match"));
    }

    @Test
    void verify_shouldAcceptThePreviousKeyDuringARotation_andTellAnUnknownKeyApart() {
        String old = LinkTokens.sign(ALICE_ACKS_7, KEY);
        String fresh = LinkTokens.sign(ALICE_ACKS_7, NEXT);
        Instant now = EXPIRES.minusSeconds(60);

        // After the rotation: NEXT is current, KEY previous; both verify.
        assertThat(LinkTokens.verify(old, List.of(NEXT, KEY), now)).isInstanceOf(Verification.Valid.class);
        assertThat(LinkTokens.verify(fresh, List.of(NEXT, KEY), now)).isInstanceOf(Verification.Valid.class);
        // A verifier that has not read the rotation yet does not know the new key's id.
        assertThat(LinkTokens.verify(fresh, List.of(KEY), now)).isEqualTo(new Verification.UnknownKey(NEXT.id() & 0xff));
        // After a second rotation the oldest key is gone.
        LinkKey third = LinkKey.of("k3y-three-0123456789abcdefghijklmnopqrstuvwxyzABCD");
        assertThat(LinkTokens.verify(old, List.of(third, NEXT), now)).isNotInstanceOf(Verification.Valid.class);
    }

    @Test
    void verify_shouldTryEveryKeyOfTheNamedId_whenTwoKeysShareIt() {
        LinkKey twin = twinOf(KEY);
        String token = LinkTokens.sign(ALICE_ACKS_7, twin);

        assertThat(LinkTokens.verify(token, List.of(KEY, twin), EXPIRES.minusSeconds(1)))
                .isInstanceOf(Verification.Valid.class);
        assertThat(LinkTokens.verify(token, List.of(KEY), EXPIRES.minusSeconds(1)))
                .isEqualTo(new Verification.Invalid("signature does not match"));
    }

    @Test
    void verify_shouldCallGarbageInvalid_withoutThrowing() {
        List<LinkKey> keys = List.of(KEY);
        Instant now = EXPIRES.minusSeconds(1);
        for (String junk : new String[] {null, "", "a", "====", "AQ", "%2e%2e", "a".repeat(201), "l/abc", "AAAA",
                "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "AgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "😀😀", "abc=",
                Base64.getUrlEncoder().encodeToString("not a token at all, sorry".getBytes(StandardCharsets.UTF_8))}) {
            assertThat(LinkTokens.verify(junk, keys, now)).as("%s", junk)
                    .isInstanceOfAny(Verification.Invalid.class, Verification.UnknownKey.class);
        }
    }

    @Test
    void sign_shouldRefuseClaimsNoLinkCanCarry() {
        assertThatThrownBy(() -> LinkTokens.sign(new LinkClaim("7", "alice", PageAction.ACKNOWLEDGE,
                Channel.SLACK_BUTTON, EXPIRES), KEY)).hasMessageContaining("SLACK_BUTTON");
        assertThatThrownBy(() -> LinkTokens.sign(new LinkClaim("7x", "alice", PageAction.ACKNOWLEDGE,
                Channel.SMS_LINK, EXPIRES), KEY)).hasMessageContaining("7x");
        assertThatThrownBy(() -> LinkTokens.sign(new LinkClaim("7", "a".repeat(65), PageAction.ACKNOWLEDGE,
                Channel.SMS_LINK, EXPIRES), KEY)).hasMessageContaining("person id");
        assertThatThrownBy(() -> LinkTokens.sign(new LinkClaim("7", "alice", PageAction.ACKNOWLEDGE,
                Channel.SMS_LINK, EXPIRES.plusSeconds(1)), KEY)).hasMessageContaining("whole minute");
        assertThatThrownBy(() -> LinkKey.of("short")).hasMessageContaining("32 bytes");
    }

    @Test
    void everyActionAndLinkChannel_shouldSurviveTheRoundTrip() {
        for (PageAction action : PageAction.values()) {
            for (Channel channel : List.of(Channel.EMAIL_LINK, Channel.SMS_LINK, Channel.PAGE_LINK)) {
                LinkClaim claim = new LinkClaim("123456789", "carol.o-brien_2", action, channel, EXPIRES);
                assertThat(LinkTokens.verify(LinkTokens.sign(claim, KEY), List.of(KEY), EXPIRES.minusSeconds(1)))
                        .isEqualTo(new Verification.Valid(claim));
            }
        }
    }

    @Test
    void linkKey_shouldNeverShowItsSecret() {
        assertThat(KEY.toString()).doesNotContain("k3y").contains("id=");
    }

    /** A different key with the same one-byte id. */
    private static LinkKey twinOf(LinkKey key) {
        for (int i = 0; ; i++) {
            LinkKey candidate = LinkKey.of("twin-" + i + "-0123456789abcdefghijklmnopqrstuvwxyz");
            if (candidate.id() == key.id() && !candidate.equals(key)) {
                return candidate;
            }
        }
    }
}
