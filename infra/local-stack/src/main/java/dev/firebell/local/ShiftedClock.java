package dev.firebell.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real clock, shifted: it reads a chosen instant when created and runs on from there at the real pace, and can be
 * moved ahead (never back), so that a local replay, a benchmark's "minutes later" or {@code ./firebell ... --at} see
 * the time they were given. Deployed functions never use it: their clock is {@code ClockModule}'s.
 */
public final class ShiftedClock implements InstantSource {

    private final Clock real;
    private final AtomicReference<Duration> offset;

    private ShiftedClock(Clock real, Duration offset) {
        this.real = real;
        this.offset = new AtomicReference<>(offset);
    }

    /** Reads {@code start} now, and runs on from there. */
    public static ShiftedClock startingAt(Instant start) {
        Clock real = Clock.systemUTC();
        return new ShiftedClock(real, Duration.between(real.instant(), start));
    }

    /** The real clock, until moved ahead. */
    public static ShiftedClock real() {
        return new ShiftedClock(Clock.systemUTC(), Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return real.instant().plus(offset.get());
    }

    /** Moves the clock ahead by {@code by} (a negative duration is refused: time does not run back). */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("a clock moves ahead, not back by " + by.negated());
        }
        offset.accumulateAndGet(by, Duration::plus);
    }

    /** Moves the clock ahead to {@code at} if it reads earlier; a later clock stays as it is. */
    public void advanceTo(Instant at) {
        offset.updateAndGet(current -> {
            Duration needed = Duration.between(real.instant(), at);
            return needed.compareTo(current) > 0 ? needed : current;
        });
    }
}
