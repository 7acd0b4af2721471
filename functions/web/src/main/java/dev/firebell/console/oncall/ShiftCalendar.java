package dev.firebell.console.oncall;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * A month-like layout of shifts: weeks of seven days, Monday first, each day of the viewer's time zone listing the
 * shifts that cover part of it, with the local times they start and end on that day. Days are read on the viewer's
 * wall clock, so a day may last 23 or 25 hours and a hand-off keeps the local time the rotation set.
 *
 * @param zone  whose days these are
 * @param weeks the weeks, in order
 */
record ShiftCalendar(ZoneId zone, List<Week> weeks) {

    /** How many weeks a calendar page shows. */
    static final int WEEKS = 4;

    /** Seven days from a Monday. */
    record Week(List<Day> days) {
        LocalDate monday() {
            return days.get(0).date();
        }
    }

    /** One local day and the shifts that cover part of it, in order. */
    record Day(LocalDate date, boolean today, List<Entry> entries) {
    }

    /**
     * A shift's part of one day.
     *
     * @param from  the local time it starts on this day, or null when it began on an earlier day
     * @param until the local time it ends on this day, or null when it goes on past midnight
     */
    record Entry(MarkedShift shift, LocalTime from, LocalTime until) {
    }

    /** The Monday of the week holding {@code day}. */
    static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** When {@code day} begins in {@code zone} (not always at midnight: some zones skip it). */
    static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    /**
     * Lays out {@code shifts} (sorted, as {@link MarkedShift#of} gives them) over {@code weeks} weeks from the week of
     * {@code from}, marking {@code today}.
     */
    static ShiftCalendar layout(List<MarkedShift> shifts, LocalDate from, int weeks, ZoneId zone, LocalDate today) {
        LocalDate monday = weekOf(from);
        Instant shown = startOf(monday, zone);
        List<Week> out = new ArrayList<>();
        int first = 0;
        for (int w = 0; w < weeks; w++) {
            List<Day> days = new ArrayList<>();
            for (int d = 0; d < 7; d++) {
                LocalDate date = monday.plusDays(7L * w + d);
                Instant start = startOf(date, zone);
                Instant end = startOf(date.plusDays(1), zone);
                while (first < shifts.size() && !shifts.get(first).end().isAfter(start)) {
                    first++;
                }
                List<Entry> entries = new ArrayList<>();
                for (int i = first; i < shifts.size() && shifts.get(i).start().isBefore(end); i++) {
                    MarkedShift s = shifts.get(i);
                    // A shift seen from the calendar's first instant may have begun before it: no start time is known.
                    boolean startsToday = !s.start().isBefore(start) && s.start().isAfter(shown);
                    entries.add(new Entry(s, startsToday ? localTime(s.start(), zone) : null,
                            s.end().isBefore(end) ? localTime(s.end(), zone) : null));
                }
                days.add(new Day(date, date.equals(today), List.copyOf(entries)));
            }
            out.add(new Week(List.copyOf(days)));
        }
        return new ShiftCalendar(zone, List.copyOf(out));
    }

    /** The first instant the calendar shows. */
    Instant start() {
        return startOf(weeks.get(0).monday(), zone);
    }

    /** The instant after the last day it shows. */
    Instant end() {
        return startOf(weeks.get(weeks.size() - 1).monday().plusDays(7), zone);
    }

    private static LocalTime localTime(Instant t, ZoneId zone) {
        return ZonedDateTime.ofInstant(t, zone).toLocalTime();
    }
}
