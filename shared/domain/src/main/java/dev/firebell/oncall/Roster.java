package dev.firebell.oncall;

import dev.firebell.schedule.Layer;
import dev.firebell.schedule.Restriction;
import dev.firebell.schedule.Rotation;
import dev.firebell.schedule.Schedule;
import dev.firebell.schedule.Shift;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Answers "who is on call for X at T" and "who is next, from when" for rotations and schedules, from
 * the configuration and the overrides loaded for them. Pure and in memory: a lookup is arithmetic on
 * the wall clock plus a binary search in the overrides, microseconds, no I/O.
 *
 * <p>Precedence at an instant: an override of the source itself; otherwise, for a rotation, its
 * participant; for a schedule, the first layer listed that applies and has someone (a layer's rotation
 * counts with its own overrides). Nobody is a valid answer (a gap).
 */
public final class Roster {

    /** How far "next" and "since" look before giving up (a rotation of one person never changes). */
    static final Duration HORIZON = Duration.ofDays(400);
    private static final int MAX_STEPS = 50_000;
    private static final Duration EPSILON = Duration.ofMillis(1);

    private final OnCallConfig config;
    private final Map<String, OverrideTimeline> overrides;

    public Roster(OnCallConfig config, Map<String, List<ShiftOverride>> overrides) {
        this.config = Objects.requireNonNull(config, "config");
        Map<String, OverrideTimeline> timelines = new HashMap<>();
        overrides.forEach((source, list) -> timelines.put(source, OverrideTimeline.of(list)));
        this.overrides = timelines;
    }

    public OnCallConfig config() {
        return config;
    }

    /** The person on call for the rotation or schedule at {@code t}, or null if nobody is. */
    public String onCallAt(String source, Instant t) {
        ShiftOverride override = timeline(source).at(t);
        if (override != null) {
            return override.person();
        }
        Rotation rotation = config.rotations().get(source);
        if (rotation != null) {
            return rotation.onCallAt(t);
        }
        Schedule schedule = schedule(source);
        for (Layer layer : schedule.layers()) {
            if (layer.appliesAt(t, schedule.zone())) {
                String person = onCallAt(layer.rotation(), t);
                if (person != null) {
                    return person;
                }
            }
        }
        return null;
    }

    /** Why that person is on call: the override in force, or null when it is the rotation or a layer. */
    public ShiftOverride overrideAt(String source, Instant t) {
        ShiftOverride own = timeline(source).at(t);
        if (own != null || config.rotations().containsKey(source)) {
            return own;
        }
        Schedule schedule = schedule(source);
        for (Layer layer : schedule.layers()) {
            if (layer.appliesAt(t, schedule.zone()) && onCallAt(layer.rotation(), t) != null) {
                return timeline(layer.rotation()).at(t);
            }
        }
        return null;
    }

    /** The stretch of time around {@code t} during which the same person (or nobody) is on call. */
    public Shift shiftAt(String source, Instant t) {
        String person = onCallAt(source, t);
        return new Shift(person, changeAtOrBefore(source, t, person), nextChangeAfter(source, t, person));
    }

    /** Who takes over after the shift in force at {@code t}, and from when; null if nothing changes within the horizon. */
    public Shift nextShift(String source, Instant t) {
        Instant end = nextChangeAfter(source, t, onCallAt(source, t));
        if (end == null) {
            return null;
        }
        String next = onCallAt(source, end);
        return new Shift(next, end, nextChangeAfter(source, end, next));
    }

    /** The shifts (gaps included) between {@code from} and {@code to}, the first and last clipped to them. */
    public List<Shift> shifts(String source, Instant from, Instant to) {
        List<Shift> out = new ArrayList<>();
        Instant at = from;
        while (at.isBefore(to) && out.size() < MAX_STEPS) {
            String person = onCallAt(source, at);
            Instant end = nextChangeAfter(source, at, person);
            Instant clipped = end == null || end.isAfter(to) ? to : end;
            out.add(new Shift(person, at, clipped));
            at = clipped;
        }
        return out;
    }

    private Instant nextChangeAfter(String source, Instant t, String person) {
        Instant limit = t.plus(HORIZON);
        Instant at = t;
        for (int step = 0; step < MAX_STEPS; step++) {
            Instant edge = nextEdgeAfter(source, at);
            if (edge == null || edge.isAfter(limit)) {
                return null;
            }
            if (!Objects.equals(onCallAt(source, edge), person)) {
                return edge;
            }
            at = edge;
        }
        return null;
    }

    private Instant changeAtOrBefore(String source, Instant t, String person) {
        Instant limit = t.minus(HORIZON);
        Instant at = t;
        for (int step = 0; step < MAX_STEPS; step++) {
            Instant edge = previousEdgeAtOrBefore(source, at);
            if (edge == null || edge.isBefore(limit)) {
                return null;
            }
            if (!Objects.equals(onCallAt(source, edge.minus(EPSILON)), person)) {
                return edge;
            }
            at = edge.minus(EPSILON);
        }
        return null;
    }

    /** The first instant after {@code t} at which the answer for the source may change. */
    Instant nextEdgeAfter(String source, Instant t) {
        Instant best = timeline(source).nextEdgeAfter(t);
        Rotation rotation = config.rotations().get(source);
        if (rotation != null) {
            return earlier(best, rotation.nextHandoffAfter(t));
        }
        Schedule schedule = schedule(source);
        for (Layer layer : schedule.layers()) {
            best = earlier(best, nextEdgeAfter(layer.rotation(), t));
            for (Restriction r : layer.restrictions()) {
                best = earlier(best, r.nextBoundaryAfter(t, schedule.zone()));
            }
        }
        return best;
    }

    /** The last instant at or before {@code t} at which the answer may have changed. */
    Instant previousEdgeAtOrBefore(String source, Instant t) {
        Instant best = timeline(source).previousEdgeAtOrBefore(t);
        Rotation rotation = config.rotations().get(source);
        if (rotation != null) {
            long k = rotation.shiftIndexAt(t);
            return later(best, k < 0 ? null : rotation.handoff(k));
        }
        Schedule schedule = schedule(source);
        for (Layer layer : schedule.layers()) {
            best = later(best, previousEdgeAtOrBefore(layer.rotation(), t));
            for (Restriction r : layer.restrictions()) {
                best = later(best, r.previousBoundaryAtOrBefore(t, schedule.zone()));
            }
        }
        return best;
    }

    private OverrideTimeline timeline(String source) {
        return overrides.getOrDefault(source, OverrideTimeline.EMPTY);
    }

    private Schedule schedule(String source) {
        Schedule schedule = config.schedules().get(source);
        if (schedule == null) {
            throw new IllegalArgumentException("no rotation or schedule is named '" + source + "'");
        }
        return schedule;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
