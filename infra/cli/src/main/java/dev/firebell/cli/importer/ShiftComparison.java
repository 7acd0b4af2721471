package dev.firebell.cli.importer;

import dev.firebell.cli.importer.ConfigDraft.SourceShift;
import dev.firebell.cli.importer.ConfigDraft.SourceShifts;
import dev.firebell.oncall.Roster;
import dev.firebell.schedule.Shift;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares the shifts the source computed for a schedule with the ones Firebell computes for what was
 * imported (the roster {@code ./firebell oncall shifts} uses, with the imported overrides), instant by
 * instant over one period, and lists every stretch where they disagree. The source may have several people
 * on call at once (Opsgenie, GoAlert); Firebell always has one or nobody, so such a stretch is a difference.
 */
public final class ShiftComparison {

    /** From {@code start} to {@code end}, the source has {@code source} on call and Firebell {@code firebell}. */
    public record Difference(Instant start, Instant end, List<String> source, String firebell) {
    }

    /**
     * @param from null when there was nothing to compare (the source gave no shifts and no period was given)
     */
    public record Result(SourceShifts shifts, Instant from, Instant to, List<Difference> differences) {

        public boolean compared() {
            return from != null;
        }

        public boolean same() {
            return compared() && differences.isEmpty();
        }
    }

    private ShiftComparison() {
    }

    public static Result compare(SourceShifts shifts, Roster roster, ImportOptions options) {
        // Without a stated period, compare only where the source's list is surely complete.
        Instant from = first(options.from(), shifts.from(), shifts.shifts().stream()
                .map(shifts.clipped() ? SourceShift::start : SourceShift::end).min(Instant::compareTo).orElse(null));
        Instant to = first(options.to(), shifts.to(), shifts.shifts().stream()
                .map(shifts.clipped() ? SourceShift::end : SourceShift::start).max(Instant::compareTo).orElse(null));
        if (from == null || to == null || !to.isAfter(from)) {
            return new Result(shifts, null, null, List.of());
        }
        List<Shift> firebell = roster.shifts(shifts.source(), from, to);
        TreeSet<Instant> edges = new TreeSet<>();
        edges.add(from);
        edges.add(to);
        for (SourceShift s : shifts.shifts()) {
            addInside(edges, s.start(), from, to);
            addInside(edges, s.end(), from, to);
        }
        firebell.forEach(s -> addInside(edges, s.start(), from, to));

        List<Difference> out = new ArrayList<>();
        Instant start = null;
        for (Instant edge : edges) {
            if (start != null) {
                List<String> source = sourceAt(shifts, start);
                String person = firebellAt(firebell, start);
                boolean same = person == null ? source.isEmpty() : source.equals(List.of(person));
                if (!same) {
                    Difference last = out.isEmpty() ? null : out.get(out.size() - 1);
                    if (last != null && last.end().equals(start) && last.source().equals(source)
                            && Objects.equals(last.firebell(), person)) {
                        out.set(out.size() - 1, new Difference(last.start(), edge, source, person));
                    } else {
                        out.add(new Difference(start, edge, source, person));
                    }
                }
            }
            start = edge;
        }
        return new Result(shifts, from, to, out);
    }

    private static List<String> sourceAt(SourceShifts shifts, Instant t) {
        TreeSet<String> people = new TreeSet<>();
        for (SourceShift s : shifts.shifts()) {
            if (!t.isBefore(s.start()) && t.isBefore(s.end())) {
                people.add(s.person() != null ? s.person() : s.label());
            }
        }
        return List.copyOf(people);
    }

    private static String firebellAt(List<Shift> shifts, Instant t) {
        for (Shift s : shifts) {
            if (s.contains(t)) {
                return s.person();
            }
        }
        return null;
    }

    private static void addInside(TreeSet<Instant> edges, Instant t, Instant from, Instant to) {
        if (t != null && t.isAfter(from) && t.isBefore(to)) {
            edges.add(t);
        }
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
