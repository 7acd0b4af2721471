package dev.firebell.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @Test
    void human_shouldReadLikeAPerson() {
        assertThat(Durations.human(Duration.ofMillis(400))).isEqualTo("under 1 s");
        assertThat(Durations.human(Duration.ZERO)).isEqualTo("0 s");
        assertThat(Durations.human(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(Durations.human(Duration.ofSeconds(250))).isEqualTo("4 min 10 s");
        assertThat(Durations.human(Duration.ofSeconds(240))).isEqualTo("4 min");
        assertThat(Durations.human(Duration.ofSeconds(899))).isEqualTo("14 min");
        assertThat(Durations.human(Duration.ofMinutes(72))).isEqualTo("1 h 12 min");
        assertThat(Durations.human(Duration.ofHours(50))).isEqualTo("2 d 2 h");
        assertThat(Durations.human(null)).isEqualTo("-");
    }

    @Test
    void parse_shouldAcceptTheUnitsPeopleType() {
        assertThat(Durations.parse("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(Durations.parse(" 12h ")).isEqualTo(Duration.ofHours(12));
        assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("2w")).isEqualTo(Duration.ofDays(14));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "30", "d", "0d", "-3d", "3 days", "1.5h", "30D"})
    void parse_shouldNameTheProblem(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not a duration: write a positive number and a unit, s, m, h, d or w"
                        + " (e.g. 30d, 12h, 5m)");
    }
}
