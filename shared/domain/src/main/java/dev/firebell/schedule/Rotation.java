package dev.firebell.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Objects;

/**
 * Ordered participants taking turns: the first shift starts on {@code start} at the {@code handoff}
 * time in {@code zone}, and every shift length later on the local wall clock the next participant
 * takes over, wrapping around. Hand-offs follow {@link WallClock}: the named local time, at its first
 * occurrence when clocks go back, at the jump when clocks skip it. An hourly shift that falls wholly
 * inside a skipped hour lasts no time at all, and the participant after it takes over at the jump.
 * Nobody is on call before the first hand-off.
 */
public final class Rotation {

    private final String name;
    private final List<String> participants;
    private final ShiftLength shift;
    private final LocalTime handoff;
    private final ZoneId zone;
    private final LocalDate start;

    private final ZoneRules rules;
    private final LocalDateTime base;
    private final long baseLocalSeconds;
    private final long shiftSeconds;

    public Rotation(String name, List<String> participants, ShiftLength shift, LocalTime handoff, ZoneId zone,
                    LocalDate start) {
        this.name = Objects.requireNonNull(name, "name");
        this.participants = List.copyOf(participants);
        this.shift = Objects.requireNonNull(shift, "shift");
        this.handoff = Objects.requireNonNull(handoff, "handoff");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.start = Objects.requireNonNull(start, "start");
        if (this.participants.isEmpty()) {
            throw new IllegalArgumentException("rotation " + name + " has no participants");
        }
        this.rules = zone.getRules();
        this.base = start.atTime(handoff);
        this.baseLocalSeconds = base.toEpochSecond(ZoneOffset.UTC);
        this.shiftSeconds = shift.nominal().toSeconds();
    }

    public String name() {
        return name;
    }

    public List<String> participants() {
        return participants;
    }

    public ShiftLength shift() {
        return shift;
    }

    public LocalTime handoff() {
        return handoff;
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate start() {
        return start;
    }

    /** The instant of hand-off {@code k}: shift {@code k} starts then (shift 0 at the start date). */
    public Instant handoff(long k) {
        return WallClock.instant(shift.after(base, k), rules);
    }

    /** The shift in force at {@code t}, or -1 before the first hand-off. */
    public long shiftIndexAt(Instant t) {
        // Estimate on the local clock (exact away from clock changes), then settle against the real hand-offs.
        long localSeconds = t.getEpochSecond() + rules.getOffset(t).getTotalSeconds();
        long k = Math.floorDiv(localSeconds - baseLocalSeconds, shiftSeconds);
        if (k < 0) {
            k = 0;
        }
        while (!handoff(k + 1).isAfter(t)) {
            k++;
        }
        while (k >= 0 && handoff(k).isAfter(t)) {
            k--;
        }
        return k;
    }

    /** Whose shift index {@code k} is. */
    public String participant(long k) {
        return participants.get((int) Math.floorMod(k, (long) participants.size()));
    }

    /** Who is on call at {@code t}, or null before the rotation starts. */
    public String onCallAt(Instant t) {
        long k = shiftIndexAt(t);
        return k < 0 ? null : participant(k);
    }

    /** The shift in force at {@code t}; before the start, the gap that ends at the first hand-off. */
    public Shift shiftAt(Instant t) {
        long k = shiftIndexAt(t);
        if (k < 0) {
            return new Shift(null, null, handoff(0));
        }
        return new Shift(participant(k), handoff(k), handoff(k + 1));
    }

    /** The first hand-off strictly after {@code t}. */
    public Instant nextHandoffAfter(Instant t) {
        long k = shiftIndexAt(t);
        Instant next = handoff(k + 1);
        while (!next.isAfter(t)) {
            next = handoff(++k + 1);
        }
        return next;
    }

    @Override
    public String toString() {
        return "rotation " + name + " (" + shift + ", hand-off " + handoff + " " + zone + " from " + start + ")";
    }
}
