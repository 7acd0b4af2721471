package dev.firebell.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.schedule.Rotation;
import dev.firebell.schedule.Shift;
import dev.firebell.schedule.ShiftLength;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A year of hand-offs, across every 2026 clock change of ten zones, against an expectation computed
 * independently (src/test/python/independent_handoffs.py: Python's zoneinfo and the operating system's
 * tz database, scanning minute by minute).
 */
class HandoffYearTest {

    private static final Instant YEAR_END = Instant.parse("2027-01-01T00:00:00Z");
    private static final Map<String, List<String[]>> EXPECTED = load();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ny-daily-0230, America/New_York, ana ben cho, 24, 2026-01-01T02:30",
            "ny-12h-0130, America/New_York, ana ben, 12, 2026-01-01T01:30",
            "london-weekly-sun-0130, Europe/London, dev eli fay gus, 168, 2026-01-04T01:30",
            "lordhowe-daily-0215, Australia/Lord_Howe, hal ivy, 24, 2026-01-01T02:15",
            "lordhowe-daily-0145, Australia/Lord_Howe, hal ivy jon, 24, 2026-01-01T01:45",
            "kolkata-daily-0900, Asia/Kolkata, kai lea max, 24, 2026-01-01T09:00",
            "stjohns-daily-0200, America/St_Johns, ned oli, 24, 2026-01-01T02:00",
            "chatham-8h-0245, Pacific/Chatham, pia quo ray, 8, 2026-01-01T02:45",
            "paris-weekly-mon-0900, Europe/Paris, sam tia uma, 168, 2026-01-05T09:00",
            "sydney-3d-0230, Australia/Sydney, vic wes, 72, 2026-01-02T02:30",
    })
    void aYearOfShifts_matchesTheIndependentlyComputedSchedule(String id, String zone, String people, int hours,
                                                              String first) {
        LocalDateTime start = LocalDateTime.parse(first);
        ShiftLength shift = hours % 24 == 0 ? new ShiftLength(hours / 24, ShiftLength.Unit.DAYS)
                : new ShiftLength(hours, ShiftLength.Unit.HOURS);
        Rotation rotation = new Rotation(id, List.of(people.split(" ")), shift, start.toLocalTime(), ZoneId.of(zone),
                start.toLocalDate());
        Roster roster = new Roster(new OnCallConfig(Map.of(), Map.of(), Map.of(id, rotation), Map.of()), Map.of());

        List<String> actual = new ArrayList<>();
        for (Shift s : roster.shifts(id, rotation.handoff(0), YEAR_END)) {
            actual.add(s.start() + " " + s.person());
        }
        List<String> expected = EXPECTED.get(id).stream().map(row -> row[0] + " " + row[1]).toList();

        assertThat(expected).as("the fixture covers the year").hasSizeGreaterThan(40);
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    private static Map<String, List<String[]>> load() {
        Map<String, List<String[]>> out = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                HandoffYearTest.class.getResourceAsStream("/oncall/handoffs-2026.csv")), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                out.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new String[] {f[1], f[2]});
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
