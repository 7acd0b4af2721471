package dev.firebell.cli.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.schedule.Restriction;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeekWindowsTest {

    private static List<String> written(WeekWindows w) {
        return w.restrictions().stream().map(Restriction::toString).toList();
    }

    @Test
    void restrictions_shouldGroupDaysWithTheSameHours_andKeepOvernightWindowsWhole() {
        WeekWindows w = new WeekWindows();
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY)) {
            w.add(d, 22 * 60, 8 * 60);
        }

        assertThat(written(w)).containsExactly("mon,tue,wed 22:00-06:00");
    }

    @Test
    void restrictions_shouldCutAWindowOfSeveralDaysAtMidnight_andAcrossTheEndOfTheWeek() {
        WeekWindows w = new WeekWindows().add(DayOfWeek.FRIDAY, 18 * 60, 63 * 60);

        assertThat(written(w)).containsExactly("mon 00:00-09:00", "fri 18:00-24:00", "sat,sun 00:00-24:00");
        // Every minute of the window is covered, and no other.
        List<Restriction> r = w.restrictions();
        LocalDateTime friday = LocalDateTime.of(2026, 3, 6, 17, 59);
        for (int minute = 0; minute < 70 * 60; minute++) {
            LocalDateTime t = friday.plusMinutes(minute);
            boolean inside = minute >= 1 && minute <= 63 * 60;
            assertThat(r.stream().anyMatch(x -> x.contains(t))).as("%s", t).isEqualTo(inside);
        }
    }

    @Test
    void restrictions_shouldMergeTouchingWindows_andCallAWholeWeekUnrestricted() {
        WeekWindows business = new WeekWindows().addDaily(9 * 60, 8 * 60).add(DayOfWeek.MONDAY, 17 * 60, 60);
        assertThat(written(business)).contains("mon 09:00-18:00", "tue,wed,thu,fri,sat,sun 09:00-17:00");

        WeekWindows always = new WeekWindows().addDaily(8 * 60, 12 * 60).addDaily(20 * 60, 12 * 60);
        assertThat(always.unrestricted()).isTrue();
        assertThat(always.restrictions()).isEmpty();
        assertThat(new WeekWindows().unrestricted()).isTrue();
    }

    @Test
    void overlaps_shouldSeeWindowsSharingAnyMinute_includingAcrossSunday() {
        WeekWindows sundayNight = new WeekWindows().add(DayOfWeek.SUNDAY, 22 * 60, 4 * 60);
        WeekWindows mondayMorning = new WeekWindows().add(DayOfWeek.MONDAY, 60, 60);
        WeekWindows mondayLater = new WeekWindows().add(DayOfWeek.MONDAY, 2 * 60, 60);

        assertThat(sundayNight.overlaps(mondayMorning)).isTrue();
        assertThat(sundayNight.overlaps(mondayLater)).isFalse();
        assertThat(new WeekWindows().overlaps(mondayLater)).isTrue();
        assertThat(sundayNight.minutesCovered()).isEqualTo(240);
    }
}
