package dev.firebell.cli.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class DraftYamlTest {

    @Test
    void days_shouldWriteRunsAsRanges_andQuoteLists() {
        assertThat(DraftYaml.days(EnumSet.allOf(DayOfWeek.class))).isEqualTo("everyday");
        assertThat(DraftYaml.days(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))).isEqualTo("mon-fri");
        assertThat(DraftYaml.days(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY)))
                .isEqualTo("fri-mon");
        assertThat(DraftYaml.days(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.FRIDAY))).isEqualTo("\"mon-wed,fri\"");
        assertThat(DraftYaml.days(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY))).isEqualTo("\"sat,sun\"");
        assertThat(DraftYaml.days(EnumSet.of(DayOfWeek.THURSDAY))).isEqualTo("thu");
    }

    @Test
    void scalar_shouldQuoteOnlyWhatYamlWouldReadAsSomethingElse() {
        assertThat(DraftYaml.scalar("Checkout API and its load balancer")).isEqualTo("Checkout API and its load balancer");
        assertThat(DraftYaml.scalar("yes")).isEqualTo("\"yes\"");
        assertThat(DraftYaml.scalar("12")).isEqualTo("\"12\"");
        assertThat(DraftYaml.scalar("ops: the team")).isEqualTo("\"ops: the team\"");
        assertThat(DraftYaml.scalar("#oncall")).isEqualTo("\"#oncall\"");
        assertThat(DraftYaml.scalar("Chloé \"the boss\" Dubois")).isEqualTo("Chloé \"the boss\" Dubois");
        assertThat(DraftYaml.quoted("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
    }

    @Test
    void duration_shouldWriteWhatTheConfigurationReadsBack() {
        assertThat(DraftYaml.duration(Duration.ofMinutes(45))).isEqualTo("45m");
        assertThat(DraftYaml.duration(Duration.ofHours(36).plusMinutes(30))).isEqualTo("1d12h30m");
        assertThat(DraftYaml.duration(Duration.ZERO)).isEqualTo("0s");
        assertThat(dev.firebell.config.ConfigNode.parseDuration(DraftYaml.duration(Duration.ofHours(36).plusMinutes(30))))
                .isEqualTo(Duration.ofHours(36).plusMinutes(30));
    }
}
