package dev.firebell.console.oncall;

import dev.firebell.oncall.Roster;
import dev.firebell.oncall.ShiftOverride;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A stretch of a rotation's or schedule's time with one answer: who is on call (or nobody) and why, an override or the
 * rotation itself. The roster merges consecutive time of one person; the console splits it again where an override
 * begins or ends, so that "bob covers alice" is visible even when bob's own shift follows.
 *
 * @param person   the person's id, or null for a gap
 * @param override the override in force, or null when the rotation (or a schedule's layer) decides
 */
record MarkedShift(String person, Instant start, Instant end, ShiftOverride override) {

    MarkedShift {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    boolean isGap() {
        return person == null;
    }

    boolean isOverride() {
        return override != null;
    }

    /** The source's shifts from {@code from} to {@code to}, split wherever one of {@code overrides} starts or ends. */
    static List<MarkedShift> of(Roster roster, String source, Instant from, Instant to,
                                Collection<ShiftOverride> overrides) {
        TreeSet<Instant> edges = new TreeSet<>();
        for (ShiftOverride o : overrides) {
            edges.add(o.start());
            edges.add(o.end());
        }
        List<MarkedShift> out = new ArrayList<>();
        for (var shift : roster.shifts(source, from, to)) {
            Instant at = shift.start();
            while (at.isBefore(shift.end())) {
                Instant edge = edges.higher(at);
                Instant end = edge == null || edge.isAfter(shift.end()) ? shift.end() : edge;
                append(out, new MarkedShift(shift.person(), at, end, roster.overrideAt(source, at)));
                at = end;
            }
        }
        return out;
    }

    /** Adds the piece, or lengthens the last one when it is the same person for the same reason. */
    private static void append(List<MarkedShift> out, MarkedShift piece) {
        if (!out.isEmpty()) {
            MarkedShift last = out.get(out.size() - 1);
            if (last.end().equals(piece.start()) && Objects.equals(last.person(), piece.person())
                    && Objects.equals(id(last.override()), id(piece.override()))) {
                out.set(out.size() - 1, new MarkedShift(last.person(), last.start(), piece.end(), last.override()));
                return;
            }
        }
        out.add(piece);
    }

    private static String id(ShiftOverride o) {
        return o == null ? null : o.source() + "/" + o.id();
    }
}
