package dev.firebell.cli.importer;

import dev.firebell.schedule.Restriction;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Weekly windows of local time (PagerDuty's daily and weekly restrictions, Opsgenie's time restrictions,
 * Grafana OnCall's recurring events, GoAlert's schedule rules), turned into Firebell restrictions: the union
 * of the windows, cut at midnight where a window lasts a day or more, and windows with the same hours
 * grouped into one restriction with several days. The result never has two overlapping restrictions
 * (the configuration refuses those). No window at all means "always": no restriction.
 */
public final class WeekWindows {

    static final int DAY = Restriction.DAY_MINUTES;
    static final int WEEK = 7 * DAY;

    /** Minute intervals of the week, [start, end) with 0 = Monday 00:00; end may pass the week's end. */
    private final List<int[]> windows = new ArrayList<>();

    /** A window opening on {@code day} at {@code fromMinute} for {@code lengthMinutes} (may span days). */
    public WeekWindows add(DayOfWeek day, int fromMinute, long lengthMinutes) {
        if (lengthMinutes <= 0) {
            return this;
        }
        int start = (day.getValue() - 1) * DAY + fromMinute;
        long length = Math.min(lengthMinutes, WEEK);
        windows.add(new int[] {start, (int) (start + length)});
        return this;
    }

    /** The same window on every day. */
    public WeekWindows addDaily(int fromMinute, long lengthMinutes) {
        for (DayOfWeek d : DayOfWeek.values()) {
            add(d, fromMinute, lengthMinutes);
        }
        return this;
    }

    /** No window added (the source said "always"), or windows covering the whole week. */
    public boolean unrestricted() {
        return windows.isEmpty() || coversWholeWeek();
    }

    /** The same windows moved by {@code minutes} (positive: later), e.g. to read them on another clock. */
    public WeekWindows shifted(int minutes) {
        WeekWindows out = new WeekWindows();
        for (int[] w : windows) {
            out.windows.add(new int[] {w[0] + minutes, w[1] + minutes});
        }
        return out;
    }

    /** Whether the windows cover the whole week (the layer is then unrestricted). */
    public boolean coversWholeWeek() {
        List<int[]> merged = merged();
        return merged.size() == 1 && merged.get(0)[1] - merged.get(0)[0] >= WEEK;
    }

    /** Whether any minute of the week lies in both. */
    public boolean overlaps(WeekWindows other) {
        if (unrestricted() || other.unrestricted()) {
            return true;
        }
        for (int[] a : merged()) {
            for (int[] b : other.merged()) {
                for (int shift = -WEEK; shift <= WEEK; shift += WEEK) {
                    if (a[0] < b[1] + shift && b[0] + shift < a[1]) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Minutes of the week covered, for ordering layers (the most specific first). */
    public int minutesCovered() {
        if (unrestricted()) {
            return WEEK;
        }
        return merged().stream().mapToInt(w -> Math.min(WEEK, w[1] - w[0])).sum();
    }

    /** Firebell restrictions equal to the union; empty when the windows cover the whole week. */
    public List<Restriction> restrictions() {
        if (unrestricted()) {
            return List.of();
        }
        // Cut every merged window into pieces Firebell can write: under a day as one (possibly overnight)
        // restriction, a day or more as whole days plus the partial first and last days.
        List<int[]> pieces = new ArrayList<>();
        for (int[] w : merged()) {
            int s = w[0];
            int e = w[1];
            if (e - s < DAY) {
                pieces.add(new int[] {s, e});
                continue;
            }
            int cut = s;
            while (cut < e) {
                int midnight = (Math.floorDiv(cut, DAY) + 1) * DAY;
                int end = Math.min(midnight, e);
                pieces.add(new int[] {cut, end});
                cut = end;
            }
        }
        Map<String, Set<DayOfWeek>> byHours = new LinkedHashMap<>();
        for (int[] p : pieces) {
            int startOfWeek = Math.floorMod(p[0], WEEK);
            DayOfWeek day = DayOfWeek.of(startOfWeek / DAY + 1);
            int from = startOfWeek % DAY;
            int to = (from + (p[1] - p[0])) % DAY;
            if (to == 0) {
                to = DAY;
            }
            byHours.computeIfAbsent(from + "-" + to, k -> EnumSet.noneOf(DayOfWeek.class)).add(day);
        }
        List<Restriction> out = new ArrayList<>();
        byHours.forEach((hours, days) -> {
            String[] ft = hours.split("-");
            out.add(new Restriction(days, Integer.parseInt(ft[0]), Integer.parseInt(ft[1])));
        });
        out.sort(Comparator.comparing((Restriction r) -> EnumSet.copyOf(r.days()).iterator().next())
                .thenComparingInt(Restriction::fromMinute));
        return out;
    }

    /** The windows folded onto one week and merged where they touch or overlap, sorted by start. */
    private List<int[]> merged() {
        List<int[]> folded = new ArrayList<>();
        for (int[] w : windows) {
            int s = Math.floorMod(w[0], WEEK);
            folded.add(new int[] {s, s + (w[1] - w[0])});
        }
        folded.sort(Comparator.comparingInt(w -> w[0]));
        List<int[]> out = new ArrayList<>();
        for (int[] w : folded) {
            if (!out.isEmpty() && w[0] <= out.get(out.size() - 1)[1]) {
                int[] last = out.get(out.size() - 1);
                last[1] = Math.max(last[1], w[1]);
            } else {
                out.add(new int[] {w[0], w[1]});
            }
        }
        // A window running past the week's end may reach into the first ones.
        while (out.size() > 1 && out.get(out.size() - 1)[1] - WEEK >= out.get(0)[0]) {
            int[] last = out.remove(out.size() - 1);
            int[] first = out.remove(0);
            out.add(new int[] {last[0], Math.max(last[1], first[1] + WEEK)});
            out.sort(Comparator.comparingInt(w -> w[0]));
        }
        if (out.size() == 1 && out.get(0)[1] - out.get(0)[0] > WEEK) {
            out.get(0)[1] = out.get(0)[0] + WEEK;
        }
        return out;
    }
}
