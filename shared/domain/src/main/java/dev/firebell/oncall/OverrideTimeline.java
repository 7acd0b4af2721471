package dev.firebell.oncall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The overrides of one rotation or schedule flattened into sorted, non-overlapping segments, each
 * naming the override that wins there (the one created last), so that "who overrides at t" is a binary
 * search: a year of overrides costs nanoseconds per lookup.
 */
final class OverrideTimeline {

    static final OverrideTimeline EMPTY = new OverrideTimeline(new long[0], new long[0], new ShiftOverride[0]);

    /** Segment bounds in epoch milliseconds: overrides are set to the minute, so nothing finer is needed. */
    private final long[] starts;
    private final long[] ends;
    private final ShiftOverride[] winners;

    private OverrideTimeline(long[] starts, long[] ends, ShiftOverride[] winners) {
        this.starts = starts;
        this.ends = ends;
        this.winners = winners;
    }

    static OverrideTimeline of(List<ShiftOverride> given) {
        if (given.isEmpty()) {
            return EMPTY;
        }
        // One override per id (a store may return a re-written one twice).
        Map<String, ShiftOverride> byId = new LinkedHashMap<>();
        given.forEach(o -> byId.put(o.id(), o));
        List<ShiftOverride> overrides = new ArrayList<>(byId.values());
        // Sweep over every start and end; between two consecutive edges the winner is the newest active override.
        record Edge(long at, boolean start, ShiftOverride override) {
        }
        List<Edge> edges = new ArrayList<>();
        for (ShiftOverride o : overrides) {
            edges.add(new Edge(millis(o.start()), true, o));
            edges.add(new Edge(millis(o.end()), false, o));
        }
        edges.sort(Comparator.comparingLong(Edge::at));
        TreeSet<ShiftOverride> active = new TreeSet<>((a, b) -> a == b ? 0 : a.beats(b) ? 1 : -1);
        List<long[]> bounds = new ArrayList<>();
        List<ShiftOverride> segmentWinners = new ArrayList<>();
        int i = 0;
        while (i < edges.size()) {
            long at = edges.get(i).at();
            for (; i < edges.size() && edges.get(i).at() == at; i++) {
                Edge e = edges.get(i);
                if (e.start()) {
                    active.add(e.override());
                } else {
                    active.remove(e.override());
                }
            }
            if (i < edges.size() && !active.isEmpty()) {
                long next = edges.get(i).at();
                ShiftOverride winner = active.last();
                int last = segmentWinners.size() - 1;
                if (last >= 0 && segmentWinners.get(last) == winner && bounds.get(last)[1] == at) {
                    bounds.get(last)[1] = next;
                } else {
                    bounds.add(new long[] {at, next});
                    segmentWinners.add(winner);
                }
            }
        }
        long[] s = new long[bounds.size()];
        long[] e = new long[bounds.size()];
        for (int k = 0; k < s.length; k++) {
            s[k] = bounds.get(k)[0];
            e[k] = bounds.get(k)[1];
        }
        return new OverrideTimeline(s, e, segmentWinners.toArray(new ShiftOverride[0]));
    }

    /** The override in force at {@code t}, or null. */
    ShiftOverride at(Instant t) {
        if (starts.length == 0) {
            return null;
        }
        long ms = millis(t);
        int k = Arrays.binarySearch(starts, ms);
        if (k < 0) {
            k = -k - 2;
        }
        return k >= 0 && ms < ends[k] ? winners[k] : null;
    }

    /** The first segment edge strictly after {@code t}, or null. */
    Instant nextEdgeAfter(Instant t) {
        long ms = millis(t);
        Long best = null;
        int k = Arrays.binarySearch(starts, ms + 1);
        k = k < 0 ? -k - 1 : k;
        if (k < starts.length) {
            best = starts[k];
        }
        int j = Arrays.binarySearch(ends, ms + 1);
        j = j < 0 ? -j - 1 : j;
        if (j < ends.length && (best == null || ends[j] < best)) {
            best = ends[j];
        }
        return best == null ? null : Instant.ofEpochMilli(best);
    }

    /** The last segment edge at or before {@code t}, or null. */
    Instant previousEdgeAtOrBefore(Instant t) {
        long ms = millis(t);
        Long best = null;
        int k = Arrays.binarySearch(starts, ms);
        k = k < 0 ? -k - 2 : k;
        if (k >= 0) {
            best = starts[k];
        }
        int j = Arrays.binarySearch(ends, ms);
        j = j < 0 ? -j - 2 : j;
        if (j >= 0 && (best == null || ends[j] > best)) {
            best = ends[j];
        }
        return best == null ? null : Instant.ofEpochMilli(best);
    }

    int segments() {
        return starts.length;
    }

    /** Epoch milliseconds, saturated far outside any schedule (so Instant.MIN and MAX compare safely). */
    private static long millis(Instant t) {
        long seconds = t.getEpochSecond();
        if (seconds <= -LIMIT_SECONDS) {
            return -LIMIT_SECONDS * 1000;
        }
        if (seconds >= LIMIT_SECONDS) {
            return LIMIT_SECONDS * 1000;
        }
        return seconds * 1000 + t.getNano() / 1_000_000;
    }

    private static final long LIMIT_SECONDS = 1L << 40;
}
