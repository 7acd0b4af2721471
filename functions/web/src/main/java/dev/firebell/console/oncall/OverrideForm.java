package dev.firebell.console.oncall;

import dev.firebell.config.ConfigNode;
import dev.firebell.oncall.OnCallService;
import dev.firebell.person.Person;
import dev.firebell.schedule.WallClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The override form of a calendar page, read and checked: who, from when (a local date-time of the viewer's zone, to
 * the minute), and for how long (a duration, or an end). Every problem is named, all at once; a form with any problem
 * changes nothing.
 *
 * @param person   the person id chosen
 * @param start    the start the form names (null when unreadable)
 * @param duration how long (null when unreadable)
 * @param problems what is wrong, in sentences for the person who filled the form; empty when it may be saved
 */
record OverrideForm(String person, Instant start, Duration duration, List<String> problems) {

    static final String PERSON = "person";
    static final String START = "start";
    static final String DURATION = "duration";
    static final String END = "end";
    /** The field of a Remove button: the id of the override it removes. */
    static final String REMOVE = "remove";

    OverrideForm {
        problems = List.copyOf(problems);
    }

    boolean valid() {
        return problems.isEmpty();
    }

    Instant end() {
        return start.plus(duration);
    }

    /**
     * Reads the posted fields. Local times are read in {@code zone} by the rule hand-offs follow ({@link WallClock}):
     * a time the clocks skip is the jump, a time they repeat is its first occurrence. The minute that is now counts as
     * now, so an override "from now" typed to the minute is not in the past.
     */
    static OverrideForm read(Map<String, String> form, Map<String, Person> people, ZoneId zone, Instant now) {
        List<String> problems = new ArrayList<>();
        String person = form.getOrDefault(PERSON, "").trim();
        if (person.isEmpty()) {
            problems.add("Choose who takes the shift.");
        } else if (!people.containsKey(person)) {
            problems.add("'" + person + "' is not a person of the configuration: choose one from the list.");
        }
        Instant start = localTime(form.get(START), "Start", zone, problems);
        if (start != null && start.isBefore(now.truncatedTo(ChronoUnit.MINUTES))) {
            problems.add("Start is in the past (" + Times.localInput(start, zone).replace('T', ' ') + " " + zone.getId()
                    + "): an override covers time to come.");
        } else if (start != null && start.isAfter(now.plus(OnCallService.MAX_LEAD))) {
            problems.add("Start is more than a year ahead: an override may be planned at most a year ahead.");
        }
        String durationText = form.getOrDefault(DURATION, "").trim();
        String endText = form.getOrDefault(END, "").trim();
        Duration duration = null;
        if (!durationText.isEmpty() && !endText.isEmpty()) {
            problems.add("Give a duration or an end, not both.");
        } else if (durationText.isEmpty() && endText.isEmpty()) {
            problems.add("Give a duration (such as 4h, 1d or 2h30m) or an end.");
        } else if (!durationText.isEmpty()) {
            duration = ConfigNode.parseDuration(durationText);
            if (duration == null) {
                problems.add("Duration '" + durationText + "' is not a duration: write it like 45m, 4h, 1d or 2h30m.");
            }
        } else {
            Instant end = localTime(endText, "End", zone, problems);
            if (end != null && start != null) {
                duration = Duration.between(start, end);
            }
        }
        if (duration != null) {
            if (duration.isNegative() || duration.isZero()) {
                problems.add(durationText.isEmpty() ? "End is not after start: the override would last no time."
                        : "Duration must be more than nothing.");
            } else if (duration.compareTo(OnCallService.MAX_OVERRIDE) > 0) {
                problems.add("An override lasts at most " + OnCallService.MAX_OVERRIDE.toDays() + " days; for longer,"
                        + " change the rotation in the configuration.");
            }
        }
        return new OverrideForm(person, start, duration, problems);
    }

    private static Instant localTime(String text, String field, ZoneId zone, List<String> problems) {
        if (text == null || text.isBlank()) {
            if (field.equals("Start")) {
                problems.add("Start is missing: give a date and time.");
            }
            return null;
        }
        try {
            return WallClock.instant(LocalDateTime.parse(text.trim()).truncatedTo(ChronoUnit.MINUTES), zone);
        } catch (DateTimeParseException e) {
            problems.add(field + " '" + text.trim() + "' is not a date and time: write it like 2026-12-07T09:00.");
            return null;
        }
    }
}
