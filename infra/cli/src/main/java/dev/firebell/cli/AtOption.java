package dev.firebell.cli;

import dev.firebell.local.ShiftedClock;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.ZoneOffset;
import picocli.CommandLine.Option;

/**
 * {@code --at}: the instant a command takes for "now", the same option wherever what a command shows depends on the
 * time (who is on call, maintenance windows, how long incidents have been open), so any moment can be asked about,
 * and tests and CI pin it.
 */
final class AtOption {

    @Option(names = "--at", paramLabel = "<instant>", description = "Take this instant for now, e.g."
            + " 2027-01-04T08:00:00Z (or a local date-time, read in --zone where the command has one). Default: the clock.")
    String at;

    boolean given() {
        return at != null;
    }

    /** --at, else the clock's now. */
    Instant instant() {
        return instant(ZoneOffset.UTC);
    }

    /** --at (a local date-time or date read in {@code zone}), else the clock's now. */
    Instant instant(ZoneId zone) {
        return at == null ? Instant.now() : OnCallCommand.instant(at, zone);
    }

    /** For a command that answers once: a clock that stays at --at (read in {@code zone}), else the real clock. */
    InstantSource clock(ZoneId zone) {
        return at == null ? InstantSource.system() : InstantSource.fixed(instant(zone));
    }

    /** For a command that keeps running (a server, a replay): reads --at now and runs on from there; else the real clock. */
    ShiftedClock runningClock() {
        return at == null ? ShiftedClock.real() : ShiftedClock.startingAt(instant());
    }
}
