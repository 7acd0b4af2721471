package dev.firebell.maintenance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;

/**
 * A standard five-field cron expression ({@code minute hour day-of-month month day-of-week}) read on a
 * local wall clock: {@code *}, numbers, ranges {@code 1-5}, lists {@code 1,3}, steps {@code * /15} and
 * {@code 8-18/2}, month names {@code jan..dec}, day names {@code sun..sat} (0 and 7 are Sunday). As in
 * Vixie cron, when both day fields are restricted a day matching either one matches.
 */
public final class CronSchedule {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    private static final Map<String, Integer> DAYS = Map.of("sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4,
            "fri", 5, "sat", 6);

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean domRestricted;
    private final boolean dowRestricted;

    private CronSchedule(String text, BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months,
                         BitSet daysOfWeek, boolean domRestricted, boolean dowRestricted) {
        this.text = text;
        this.minutes = minutes;
        this.hours = hours;
        this.daysOfMonth = daysOfMonth;
        this.months = months;
        this.daysOfWeek = daysOfWeek;
        this.domRestricted = domRestricted;
        this.dowRestricted = dowRestricted;
    }

    /** @throws IllegalArgumentException naming the field that is wrong */
    public static CronSchedule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("cron expression is empty; write five fields such as '0 2 * * sun'");
        }
        String[] f = text.trim().toLowerCase(Locale.ROOT).split("\\s+");
        if (f.length != 5) {
            throw new IllegalArgumentException("cron expression '" + text + "' has " + f.length
                    + " fields; write five: minute hour day-of-month month day-of-week (e.g. '0 2 * * sun')");
        }
        BitSet dow = field(f[4], "day-of-week", 0, 7, DAYS);
        if (dow.get(7)) {
            dow.set(0);
            dow.clear(7);
        }
        return new CronSchedule(text.trim(), field(f[0], "minute", 0, 59, Map.of()), field(f[1], "hour", 0, 23, Map.of()),
                field(f[2], "day-of-month", 1, 31, Map.of()), field(f[3], "month", 1, 12, MONTHS), dow,
                !f[2].equals("*"), !f[4].equals("*"));
    }

    private static BitSet field(String spec, String name, int min, int max, Map<String, Integer> names) {
        BitSet out = new BitSet(max + 1);
        for (String part : spec.split(",")) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = number(part.substring(slash + 1), name, 1, max, Map.of());
                range = part.substring(0, slash);
            }
            int lo;
            int hi;
            if (range.equals("*")) {
                lo = min;
                hi = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", 2);
                lo = number(ends[0], name, min, max, names);
                hi = number(ends[1], name, min, max, names);
                if (hi < lo) {
                    throw new IllegalArgumentException("cron " + name + " range '" + range + "' runs backwards");
                }
            } else {
                lo = number(range, name, min, max, names);
                hi = slash >= 0 ? max : lo;
            }
            for (int v = lo; v <= hi; v += step) {
                out.set(v);
            }
        }
        return out;
    }

    private static int number(String text, String name, int min, int max, Map<String, Integer> names) {
        Integer named = names.get(text);
        if (named != null) {
            return named;
        }
        try {
            int v = Integer.parseInt(text);
            if (v < min || v > max) {
                throw new IllegalArgumentException("cron " + name + " " + v + " is outside " + min + "-" + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cron " + name + " '" + text + "' is not a number"
                    + (names.isEmpty() ? "" : " or a name such as " + names.keySet().stream().sorted().findFirst().orElse("")));
        }
    }

    public boolean matchesDay(LocalDate day) {
        if (!months.get(day.getMonthValue())) {
            return false;
        }
        boolean dom = daysOfMonth.get(day.getDayOfMonth());
        boolean dow = daysOfWeek.get(day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : day.getDayOfWeek().getValue());
        if (domRestricted && dowRestricted) {
            return dom || dow;
        }
        return dom && dow;
    }

    public boolean matches(LocalDateTime t) {
        return minutes.get(t.getMinute()) && hours.get(t.getHour()) && matchesDay(t.toLocalDate());
    }

    /** The matching local times of a day, in order. */
    public java.util.List<LocalDateTime> timesOn(LocalDate day) {
        java.util.List<LocalDateTime> out = new java.util.ArrayList<>();
        if (!matchesDay(day)) {
            return out;
        }
        for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
            for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
                out.add(day.atTime(h, m));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return text;
    }
}
