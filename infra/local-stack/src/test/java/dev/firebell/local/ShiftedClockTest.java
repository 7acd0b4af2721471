package dev.firebell.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShiftedClockTest {

    private static final Instant START = Instant.parse("2027-03-28T00:59:30Z");

    @Test
    void startingAt_readsTheInstantGiven_andRunsOnFromThere() throws InterruptedException {
        ShiftedClock clock = ShiftedClock.startingAt(START);

        Instant first = clock.instant();
        Thread.sleep(20);
        Instant later = clock.instant();

        assertThat(first).isBetween(START, START.plusSeconds(5));
        assertThat(later).isAfter(first);
    }

    @Test
    void advance_movesItAhead_andNeverBack() {
        ShiftedClock clock = ShiftedClock.startingAt(START);

        clock.advance(Duration.ofMinutes(5));

        assertThat(clock.instant()).isBetween(START.plusSeconds(300), START.plusSeconds(305));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not back");
    }

    @Test
    void advanceTo_movesItToALaterInstant_butLeavesItWhereItIsForAnEarlierOne() {
        ShiftedClock clock = ShiftedClock.startingAt(START);

        clock.advanceTo(START.plusSeconds(600));
        clock.advanceTo(START.plusSeconds(60));

        assertThat(clock.instant()).isBetween(START.plusSeconds(600), START.plusSeconds(605));
    }

    @Test
    void real_isTheRealClock() {
        Instant before = Instant.now();
        Instant read = ShiftedClock.real().instant();

        assertThat(read).isBetween(before, Instant.now());
    }
}
