package dev.firebell.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RotationTest {

    private static Rotation rotation(String shift, String handoff, String zone, String start, String... people) {
        return new Rotation("r", List.of(people), ShiftLength.parse(shift), LocalTime.parse(handoff), ZoneId.of(zone),
                LocalDate.parse(start));
    }

    @Test
    void onCallAt_shouldTakeTurnsWeekly_atTheLocalHandoffTime() {
        Rotation r = rotation("weekly", "09:00", "Europe/Paris", "2026-01-05", "alice", "bob", "carol");

        assertThat(r.onCallAt(Instant.parse("2026-01-05T07:59:59Z"))).as("before the first hand-off").isNull();
        assertThat(r.onCallAt(Instant.parse("2026-01-05T08:00:00Z"))).isEqualTo("alice");
        assertThat(r.onCallAt(Instant.parse("2026-01-12T07:59:59Z"))).isEqualTo("alice");
        assertThat(r.onCallAt(Instant.parse("2026-01-12T08:00:00Z"))).isEqualTo("bob");
        assertThat(r.onCallAt(Instant.parse("2026-01-19T08:00:00Z"))).isEqualTo("carol");
        assertThat(r.onCallAt(Instant.parse("2026-01-26T08:00:00Z"))).as("wraps around").isEqualTo("alice");
        // Summer time: 09:00 in Paris is 07:00 UTC, and the turn is still taken at 09:00 local.
        assertThat(r.handoff(13)).isEqualTo(Instant.parse("2026-04-06T07:00:00Z"));
    }

    @ParameterizedTest(name = "{0} {1} hand-off {2} on {3} -> {4}")
    @CsvSource({
            // clocks jump 02:00 -> 03:00: a hand-off named 02:30 happens at the jump (03:00 EDT)
            "America/New_York, daily, 02:30, 2026-03-08, 2026-03-08T07:00:00Z",
            // clocks go back 02:00 -> 01:00: 01:30 happens twice, the hand-off at its first occurrence (EDT)
            "America/New_York, daily, 01:30, 2026-11-01, 2026-11-01T05:30:00Z",
            // Lord Howe moves its clocks by 30 minutes: 02:00 -> 02:30 in October ...
            "Australia/Lord_Howe, daily, 02:15, 2026-10-04, 2026-10-03T15:30:00Z",
            // ... and 02:00 -> 01:30 in April: 01:45 first at +11:00
            "Australia/Lord_Howe, daily, 01:45, 2026-04-05, 2026-04-04T14:45:00Z",
            // Newfoundland, -03:30 / -02:30, jumps at 02:00 local
            "America/St_Johns, daily, 02:00, 2026-03-08, 2026-03-08T05:30:00Z",
            "America/St_Johns, daily, 09:00, 2026-07-01, 2026-07-01T11:30:00Z",
            // India, +05:30, no daylight saving
            "Asia/Kolkata, daily, 09:00, 2026-03-29, 2026-03-29T03:30:00Z",
            // Chatham, +12:45 / +13:45, changes at 02:45 local
            "Pacific/Chatham, daily, 02:45, 2026-09-27, 2026-09-26T14:00:00Z",
            "Pacific/Chatham, daily, 03:00, 2026-04-05, 2026-04-04T13:15:00Z",
            // Europe changes at 01:00 UTC: London 01:30 is skipped on 29 March, repeated on 25 October
            "Europe/London, daily, 01:30, 2026-03-29, 2026-03-29T01:00:00Z",
            "Europe/London, daily, 01:30, 2026-10-25, 2026-10-25T00:30:00Z",
    })
    void handoff_shouldFollowTheWallClockRule_acrossClockChanges(String zone, String shift, String time, String day,
                                                                   String expected) {
        Rotation r = rotation(shift, time, zone, "2026-01-01", "a", "b");
        long k = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse("2026-01-01"), LocalDate.parse(day));
        assertThat(r.handoff(k)).isEqualTo(Instant.parse(expected));
        assertThat(r.onCallAt(Instant.parse(expected))).isEqualTo(k % 2 == 0 ? "a" : "b");
        assertThat(r.onCallAt(Instant.parse(expected).minusMillis(1))).isEqualTo(k % 2 == 0 ? "b" : "a");
    }

    @Test
    void anHourlyShiftInsideTheSkippedHour_lastsNoTime_andTheNextParticipantTakesOverAtTheJump() {
        // 01:00 a, 02:00 b (does not exist), 03:00 c: b is never on call that night.
        Rotation r = rotation("hourly", "00:00", "America/New_York", "2026-03-08", "z", "a", "b", "c");
        Instant jump = Instant.parse("2026-03-08T07:00:00Z");
        assertThat(r.handoff(2)).isEqualTo(jump);
        assertThat(r.handoff(3)).isEqualTo(jump);
        assertThat(r.onCallAt(jump.minusSeconds(1))).isEqualTo("a");
        assertThat(r.onCallAt(jump)).isEqualTo("c");
        assertThat(r.shiftAt(jump.minusSeconds(1)).end()).isEqualTo(jump);
    }

    @Test
    void anHourlyShiftAcrossTheRepeatedHour_lastsTwoHours() {
        Rotation r = rotation("hourly", "00:00", "America/New_York", "2026-11-01", "a", "b", "c");
        // 01:00 EDT (05:00Z) b takes over; 02:00 EST (07:00Z) c: b's shift covers both 01:00s.
        assertThat(r.shiftAt(Instant.parse("2026-11-01T06:30:00Z")))
                .isEqualTo(new Shift("b", Instant.parse("2026-11-01T05:00:00Z"), Instant.parse("2026-11-01T07:00:00Z")));
    }

    @Test
    void shiftAt_shouldGiveTheGapBeforeTheStart_andNextHandoffAfterIt() {
        Rotation r = rotation("12h", "08:00", "UTC", "2026-01-01", "a", "b");
        assertThat(r.shiftAt(Instant.parse("2025-12-31T00:00:00Z")))
                .isEqualTo(new Shift(null, null, Instant.parse("2026-01-01T08:00:00Z")));
        assertThat(r.nextHandoffAfter(Instant.parse("2026-01-01T08:00:00Z"))).isEqualTo(Instant.parse("2026-01-01T20:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource({"hourly, 1, HOURS", "daily, 1, DAYS", "weekly, 7, DAYS", "12h, 12, HOURS", "3d, 3, DAYS", "2w, 14, DAYS",
            "8 hours, 8, HOURS", "Weekly, 7, DAYS"})
    void shiftLength_shouldParseNamedAndCustomLengths(String text, int amount, ShiftLength.Unit unit) {
        assertThat(ShiftLength.parse(text)).isEqualTo(new ShiftLength(amount, unit));
    }

    @ParameterizedTest
    @CsvSource({"fortnightly", "0h", "-3d", "13w", "3 months", "''"})
    void shiftLength_shouldRefuseAnythingElse_sayingWhatIsAccepted(String text) {
        assertThatThrownBy(() -> ShiftLength.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching(".*(hourly, daily, weekly|between 1 and|at most).*");
    }
}
