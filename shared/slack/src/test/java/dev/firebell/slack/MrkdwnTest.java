package dev.firebell.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MrkdwnTest {

    @Test
    void escape_shouldNeutraliseSlacksControlCharacters() {
        assertThat(Mrkdwn.escape("<!channel> & <@U123|bob> > x")).isEqualTo("&lt;!channel&gt; &amp; &lt;@U123|bob&gt; &gt; x");
        assertThat(Mrkdwn.escape("&lt;")).isEqualTo("&amp;lt;");
        assertThat(Mrkdwn.escape(null)).isEmpty();
    }

    @Test
    void cap_shouldCutWholeCodePoints_withAnEllipsis() {
        assertThat(Mrkdwn.cap("abcdef", 4)).isEqualTo("abc…");
        assertThat(Mrkdwn.cap("🚒🚒🚒", 2)).isEqualTo("🚒…");
        assertThat(Mrkdwn.cap("abc", 3)).isEqualTo("abc");
        assertThat(Mrkdwn.text("<!here>" + "x".repeat(100), 8)).isEqualTo("&lt;!here&gt;…");
    }

    @Test
    void mention_shouldOnlyBuildMarkupFromUserIds() {
        assertThat(Mrkdwn.mention("U0123ABC", "alice")).isEqualTo("<@U0123ABC>");
        assertThat(Mrkdwn.mention("U0123ABC> <!channel", "x<y")).isEqualTo("x&lt;y");
        assertThat(Mrkdwn.mention(null, "bob")).isEqualTo("bob");
    }

    @Test
    void time_shouldLetSlackLocaliseIt_withAFallbackInTheGivenZone() {
        Instant at = Instant.parse("2026-07-03T07:30:00Z");
        assertThat(Mrkdwn.time(at, ZoneId.of("Europe/Berlin")))
                .isEqualTo("<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|Fri 3 Jul 09:30 CEST>");
    }

    @Test
    void duration_shouldBeShort() {
        assertThat(Mrkdwn.duration(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Mrkdwn.duration(Duration.ofMinutes(12))).isEqualTo("12m");
        assertThat(Mrkdwn.duration(Duration.ofMinutes(65))).isEqualTo("1h 5m");
        assertThat(Mrkdwn.duration(Duration.ofHours(51))).isEqualTo("2d 3h");
        assertThat(Mrkdwn.duration(Duration.ofSeconds(-5))).isEqualTo("0s");
    }
}
