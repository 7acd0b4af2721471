package dev.firebell.aws.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreshJitterTest {

    private final FreshJitter backoff = new FreshJitter(Duration.ofMillis(100), Duration.ofSeconds(20));

    @Test
    void ceiling_shouldDoubleFromTheBaseEachAttempt_andStopAtTheMaximum() {
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.ceiling(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.ceiling(9)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.ceiling(1_000)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void computeDelay_shouldDrawBetweenZeroAndTheCeiling_spreadOut() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            Duration delay = backoff.computeDelay(3);
            assertThat(delay).isBetween(Duration.ZERO, Duration.ofMillis(400));
            seen.add(delay.toMillis());
        }
        // Full jitter: a couple of thousand draws from 401 values hit most of them.
        assertThat(seen.size()).isGreaterThan(300);
    }

    @Test
    void constructor_shouldRefuseABaseThatIsNotPositiveOrAboveTheMaximum() {
        assertThatThrownBy(() -> new FreshJitter(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 < base <= max");
        assertThatThrownBy(() -> new FreshJitter(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
