package dev.firebell.cli.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.cli.importer.ConfigDraft.SourceShift;
import dev.firebell.cli.importer.ConfigDraft.SourceShifts;
import dev.firebell.oncall.OnCallConfig;
import dev.firebell.oncall.Roster;
import dev.firebell.schedule.Rotation;
import dev.firebell.schedule.ShiftLength;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShiftComparisonTest {

    /** Daily turns at 09:00 UTC: ann from 2026-03-02, then bo, then ann... */
    private static final Roster ROSTER = new Roster(new OnCallConfig(Map.of(), Map.of(), Map.of("daily",
            new Rotation("daily", List.of("ann", "bo"), ShiftLength.parse("daily"), LocalTime.of(9, 0), ZoneOffset.UTC,
                    LocalDate.of(2026, 3, 2))), Map.of()), Map.of());
    private static final SourceRef REF = new SourceRef("schedule", "S1", null);

    private static Instant t(String time) {
        return Instant.parse("2026-03-" + time + ":00Z");
    }

    private static SourceShift shift(String person, String from, String to) {
        return new SourceShift(person, "user " + person, t(from), t(to));
    }

    @Test
    void compare_shouldFindNothing_whenTheSourceSplitsTheSameShiftsDifferently() {
        SourceShifts source = new SourceShifts("daily", REF, "shifts", null, null, true, List.of(
                shift("ann", "02T09:00", "02T20:00"), shift("ann", "02T20:00", "03T09:00"), shift("bo", "03T09:00", "04T09:00")));

        ShiftComparison.Result result = ShiftComparison.compare(source, ROSTER, ImportOptions.NONE);

        assertThat(result.from()).isEqualTo(t("02T09:00"));
        assertThat(result.to()).isEqualTo(t("04T09:00"));
        assertThat(result.same()).isTrue();
    }

    @Test
    void compare_shouldListGapsExtraPeopleAndStrangers_mergingWhatStaysTheSame() {
        SourceShifts source = new SourceShifts("daily", REF, "shifts", null, null, true, List.of(
                shift("ann", "02T09:00", "02T12:00"),
                // nobody from 12:00 to 14:00
                shift("ann", "02T14:00", "03T09:00"), shift("cy", "02T22:00", "03T02:00"),
                new SourceShift(null, "user PX1", t("03T09:00"), t("04T09:00"))));

        ShiftComparison.Result result = ShiftComparison.compare(source, ROSTER, ImportOptions.NONE);

        assertThat(result.differences()).containsExactly(
                new ShiftComparison.Difference(t("02T12:00"), t("02T14:00"), List.of(), "ann"),
                new ShiftComparison.Difference(t("02T22:00"), t("03T02:00"), List.of("ann", "cy"), "ann"),
                new ShiftComparison.Difference(t("03T09:00"), t("04T09:00"), List.of("user PX1"), "bo"));
    }

    @Test
    void compare_shouldTrustOnlyTheStretchSurelyComplete_whenTheSourceDoesNotClipItsShifts() {
        SourceShifts source = new SourceShifts("daily", REF, "shifts", null, null, false, List.of(
                shift("ann", "01T09:00", "03T09:00"), shift("bo", "03T09:00", "04T09:00"), shift("ann", "04T09:00", "06T09:00")));

        ShiftComparison.Result result = ShiftComparison.compare(source, ROSTER, ImportOptions.NONE);
        ShiftComparison.Result told = ShiftComparison.compare(source, ROSTER,
                new ImportOptions(t("01T09:00"), t("04T09:00")));

        assertThat(result.from()).isEqualTo(t("03T09:00"));
        assertThat(result.to()).isEqualTo(t("04T09:00"));
        assertThat(result.same()).isTrue();
        // Told to look from 03-01, where Firebell's rotation has not started: that is a difference, and reported.
        assertThat(told.differences()).containsExactly(new ShiftComparison.Difference(t("01T09:00"), t("02T09:00"),
                List.of("ann"), null));
    }
}
