package dev.firebell.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.answer.PageAction;
import dev.firebell.incident.Channel;
import dev.firebell.link.LinkTokens.Verification;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActionLinksTest {

    private static final String BASE = TestLinks.FUNCTION_URL;
    private static final Instant NOW = Instant.parse("2026-11-27T09:00:12.500Z");

    @Test
    void forPerson_shouldGiveOneSignedLinkPerAction_underTheBase_expiringAfterTheValidityOnTheMinute() {
        ActionLinks links = new ActionLinks(TestLinks.fixed(TestLinks.KEY), () -> Optional.of(BASE), Duration.ofHours(24),
                () -> NOW);

        ActionLinks.Links got = links.forPerson("7", "alice", Channel.EMAIL_LINK, EnumSet.allOf(PageAction.class))
                .orElseThrow();

        assertThat(got.expiresAt()).isEqualTo(Instant.parse("2026-11-28T09:01:00Z"));
        assertThat(got.urls()).containsOnlyKeys(PageAction.values());
        for (PageAction action : PageAction.values()) {
            String url = got.url(action);
            assertThat(url).startsWith(BASE + "l/");
            String token = ActionLinks.tokenOf(url.substring(BASE.length() - 1)).orElseThrow();
            assertThat(LinkTokens.verify(token, List.of(TestLinks.KEY), NOW)).isEqualTo(new Verification.Valid(
                    new LinkClaim("7", "alice", action, Channel.EMAIL_LINK, got.expiresAt())));
        }
    }

    @Test
    void forPerson_shouldBeEmpty_whenTheKeyCannotBeRead_orNoPublicAddressIsKnown() {
        LinkKeys broken = new LinkKeys() {
            @Override
            public LinkKey signingKey() {
                throw new LinkKeys.KeysUnavailableException("Secrets Manager is down", null);
            }

            @Override
            public List<LinkKey> verificationKeys() {
                return signingKey() == null ? List.of() : List.of();
            }

            @Override
            public boolean reloadAfterUnknownKey() {
                return false;
            }
        };
        EnumSet<PageAction> ack = EnumSet.of(PageAction.ACKNOWLEDGE);

        assertThat(new ActionLinks(broken, () -> Optional.of(BASE), Duration.ofHours(1), () -> NOW)
                .forPerson("7", "alice", Channel.SMS_LINK, ack)).isEmpty();
        assertThat(new ActionLinks(TestLinks.fixed(TestLinks.KEY), Optional::empty, Duration.ofHours(1), () -> NOW)
                .forPerson("7", "alice", Channel.SMS_LINK, ack)).isEmpty();
        assertThat(ActionLinks.none().forPerson("7", "alice", Channel.SMS_LINK, ack)).isEmpty();
    }

    @Test
    void aBaseWithoutATrailingSlash_orWithAPath_shouldStillGiveLinksTheWebFunctionRoutes() {
        ActionLinks links = new ActionLinks(TestLinks.fixed(TestLinks.KEY), () -> Optional.of("https://page.example.com"),
                Duration.ofMinutes(30), () -> NOW);
        String url = links.forPerson("7", "alice", Channel.SMS_LINK, EnumSet.of(PageAction.ACKNOWLEDGE)).orElseThrow()
                .url(PageAction.ACKNOWLEDGE);
        assertThat(url).startsWith("https://page.example.com/l/");
    }

    @Test
    void tokenOf_shouldTakeOnlyTheLinkPath() {
        assertThat(ActionLinks.tokenOf("/l/abc")).contains("abc");
        assertThat(ActionLinks.tokenOf("/l/")).isEmpty();
        assertThat(ActionLinks.tokenOf("/favicon.ico")).isEmpty();
        assertThat(ActionLinks.tokenOf(null)).isEmpty();
    }

    @Test
    void validity_shouldBeBetweenAMinuteAndAWeek() {
        assertThatThrownBy(() -> new ActionLinks(TestLinks.fixed(TestLinks.KEY), () -> Optional.of(BASE), Duration.ZERO,
                () -> NOW)).hasMessageContaining("between");
        assertThatThrownBy(() -> new ActionLinks(TestLinks.fixed(TestLinks.KEY), () -> Optional.of(BASE),
                Duration.ofDays(8), () -> NOW)).hasMessageContaining("7 days");
    }
}
