package dev.firebell.bench;

import dev.firebell.local.ShiftedClock;
import java.time.Instant;

/**
 * The time in-process benchmarks run at: a weekday morning outside every maintenance window and quiet hour of
 * infra/config/firebell.example.yaml, so what they measure (a page sent, a command answered) is the same whatever the
 * wall clock says (ADR 0090). Harnesses that start the deployed code in fresh JVMs keep the wall clock and use a
 * configuration nothing holds a page in instead.
 */
public final class BenchClock {

    /** Friday 2026-11-27, 09:00 UTC. */
    public static final Instant START = Instant.parse("2026-11-27T09:00:00Z");

    private BenchClock() {
    }

    /** A clock that reads {@link #START} now and runs on from there. */
    public static ShiftedClock start() {
        return ShiftedClock.startingAt(START);
    }
}
