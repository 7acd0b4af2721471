package dev.firebell.config;

import dev.firebell.person.Daytime;
import dev.firebell.schedule.Restriction;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values the on-call sections share, read in one place so each is written and refused the same way everywhere:
 * time zones, times of day, daytimes, dates, local date-times and days of the week. A value that is not one is
 * reported at its path, with the form to write, and read as null. (Durations are {@link ConfigNode#duration}.)
 */
final class ConfigValues {

    private static final Pattern CLOCK = Pattern.compile("([01]?\\d|2[0-4]):([0-5]\\d)");
    private static final Map<String, DayOfWeek> DAY_NAMES = dayNames();

    private ConfigValues() {
    }

    /** A time zone by its IANA name; abbreviations such as EST or CET are ambiguous and refused. */
    static ZoneId zone(ConfigNode node, boolean required) {
        if (node.isMissing()) {
            if (required) {
                node.problem("is required: an IANA time zone such as Europe/Paris, America/New_York or UTC");
            }
            return null;
        }
        String text = node.string("").trim();
        if (!text.contains("/") && !text.equals("UTC")) {
            node.problem("'" + text + "' is not an IANA time zone name; write a region such as Europe/Paris,"
                    + " America/New_York, Asia/Kolkata, or UTC");
            return null;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            node.problem("'" + text + "' is not a time zone; write an IANA name such as Europe/Paris or America/New_York");
            return null;
        }
    }

    /** A time of day (HH:MM), or {@code fallback} when there is none. */
    static LocalTime time(ConfigNode node, LocalTime fallback) {
        if (node.isMissing()) {
            return fallback;
        }
        Integer minute = minuteOfDay(node, false);
        return minute == null ? null : LocalTime.of(minute / 60, minute % 60);
    }

    /** HH:MM on a 24-hour clock; 24:00 only where {@code endOfDay} allows it. */
    static Integer minuteOfDay(ConfigNode node, boolean endOfDay) {
        if (node.isMissing()) {
            node.problem("is required: a time such as 09:00");
            return null;
        }
        String text = node.string("").trim();
        Matcher m = CLOCK.matcher(text);
        if (!m.matches()) {
            node.problem("'" + text + "' is not a time; write HH:MM on a 24-hour clock, e.g. \"09:00\"");
            return null;
        }
        int minute = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        if (minute > Restriction.DAY_MINUTES || (minute == Restriction.DAY_MINUTES && !endOfDay)) {
            node.problem("'" + text + "' is not a time of day" + (endOfDay ? " (24:00 is the latest)" : " (00:00 to 23:59)"));
            return null;
        }
        return minute;
    }

    /** A person's daytime, from-to within one day ("08:00-20:00"); null when there is none. */
    static Daytime daytime(ConfigNode node) {
        if (node.isMissing()) {
            return null;
        }
        String text = node.string("").trim();
        String[] parts = text.split("\\s*-\\s*");
        Matcher a = parts.length == 2 ? CLOCK.matcher(parts[0]) : null;
        Matcher b = parts.length == 2 ? CLOCK.matcher(parts[1]) : null;
        if (a == null || !a.matches() || !b.matches() || a.group(1).equals("24") || b.group(1).equals("24")) {
            node.problem("'" + text + "' is not a daytime; write from-to on a 24-hour clock, e.g. \"08:00-20:00\"");
            return null;
        }
        LocalTime from = LocalTime.of(Integer.parseInt(a.group(1)), Integer.parseInt(a.group(2)));
        LocalTime to = LocalTime.of(Integer.parseInt(b.group(1)), Integer.parseInt(b.group(2)));
        if (!from.isBefore(to)) {
            node.problem("daytime must start before it ends within one day, found " + text);
            return null;
        }
        return new Daytime(from, to);
    }

    /** A required date, YYYY-MM-DD. */
    static LocalDate date(ConfigNode node) {
        String text = node.requiredString();
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            node.problem("'" + text + "' is not a date; write YYYY-MM-DD, e.g. 2026-01-05");
            return null;
        }
    }

    /** A required local date and time, YYYY-MM-DDTHH:MM (a space for the T is accepted). */
    static LocalDateTime dateTime(ConfigNode node) {
        String text = node.requiredString();
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim().replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            node.problem("'" + text + "' is not a local date and time; write YYYY-MM-DDTHH:MM, e.g. 2026-12-03T22:00"
                    + " (the window's timeZone applies)");
            return null;
        }
    }

    /**
     * Days of the week, as a list or comma-separated: mon, monday, mon-fri, weekdays, weekends; every day when there
     * are none.
     */
    static Set<DayOfWeek> days(ConfigNode node) {
        if (node.isMissing()) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        List<String> tokens = new ArrayList<>();
        if (node.raw() instanceof List<?>) {
            for (ConfigNode item : node.items()) {
                String s = item.string(null);
                if (s != null) {
                    tokens.add(s);
                }
            }
        } else {
            String s = node.string("");
            for (String part : s.split(",")) {
                tokens.add(part);
            }
        }
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String raw : tokens) {
            String t = raw.trim().toLowerCase(Locale.ROOT);
            switch (t) {
                case "weekdays" -> out.addAll(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
                case "weekends" -> out.addAll(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
                case "everyday", "every day", "daily" -> out.addAll(EnumSet.allOf(DayOfWeek.class));
                default -> {
                    String[] ends = t.split("-", 2);
                    DayOfWeek a = DAY_NAMES.get(ends[0].trim());
                    DayOfWeek b = ends.length == 2 ? DAY_NAMES.get(ends[1].trim()) : a;
                    if (a == null || b == null) {
                        node.problem("'" + raw.trim() + "' is not a day; write mon, tue, wed, thu, fri, sat, sun, a range"
                                + " such as mon-fri, weekdays or weekends");
                        return null;
                    }
                    for (DayOfWeek d = a; ; d = d.plus(1)) {
                        out.add(d);
                        if (d == b) {
                            break;
                        }
                    }
                }
            }
        }
        if (out.isEmpty()) {
            node.problem("names no day");
            return null;
        }
        return out;
    }

    private static Map<String, DayOfWeek> dayNames() {
        Map<String, DayOfWeek> out = new LinkedHashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.name().toLowerCase(Locale.ROOT);
            out.put(full, d);
            out.put(full.substring(0, 3), d);
        }
        return Map.copyOf(out);
    }
}
