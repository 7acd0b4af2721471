package dev.firebell.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.schedule.Layer;
import dev.firebell.schedule.Restriction;
import dev.firebell.schedule.Rotation;
import dev.firebell.schedule.Schedule;
import dev.firebell.schedule.Shift;
import dev.firebell.schedule.ShiftLength;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RosterTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    // Weekly, Mondays 09:00 Paris, from Monday 2026-01-05.
    private final Rotation primary = new Rotation("primary", List.of("alice", "bob", "carol"),
            ShiftLength.parse("weekly"), LocalTime.of(9, 0), PARIS, LocalDate.of(2026, 1, 5));
    // Daily business-hours helpers.
    private final Rotation daytime = new Rotation("daytime", List.of("dave", "erin"), ShiftLength.parse("daily"),
            LocalTime.of(0, 0), PARIS, LocalDate.of(2026, 1, 5));
    private final Schedule schedule = new Schedule("payments", PARIS, List.of(
            new Layer("daytime", List.of(new Restriction(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), 9 * 60, 17 * 60))),
            new Layer("primary", List.of())));

    private Roster roster(ShiftOverride... overrides) {
        Map<String, List<ShiftOverride>> byTarget = new java.util.HashMap<>();
        for (ShiftOverride o : overrides) {
            byTarget.computeIfAbsent(o.source(), k -> new java.util.ArrayList<>()).add(o);
        }
        return new Roster(new OnCallConfig(Map.of(), Map.of(), Map.of("primary", primary, "daytime", daytime),
                Map.of("payments", schedule)), byTarget);
    }

    private static ShiftOverride override(String id, String source, String person, String start, String end,
                                          String createdAt) {
        return new ShiftOverride(id, source, person, Instant.parse(start), Instant.parse(end), "test",
                Instant.parse(createdAt), null);
    }

    @Test
    void theFirstLayerThatAppliesAndHasSomeoneWins_andTheLayerBelowShowsThroughOutsideItsRestrictions() {
        Roster r = roster();
        // Tuesday 2026-01-06 10:00 Paris (09:00Z): business hours, the daytime layer wins: day 1 of daytime is erin.
        assertThat(r.onCallAt("payments", Instant.parse("2026-01-06T09:00:00Z"))).isEqualTo("erin");
        // Tuesday 18:00 Paris: outside the restriction, the primary layer shows through.
        assertThat(r.onCallAt("payments", Instant.parse("2026-01-06T17:00:00Z"))).isEqualTo("alice");
        // Saturday 10:00 Paris: weekend, primary.
        assertThat(r.onCallAt("payments", Instant.parse("2026-01-10T09:00:00Z"))).isEqualTo("alice");
    }

    @Test
    void anOverrideOfARotation_beatsTheRotation_andCountsInSchedulesUsingIt() {
        Roster r = roster(override("o1", "primary", "zoe", "2026-01-06T17:00:00Z", "2026-01-07T07:00:00Z",
                "2026-01-01T00:00:00Z"));
        assertThat(r.onCallAt("primary", Instant.parse("2026-01-06T20:00:00Z"))).isEqualTo("zoe");
        assertThat(r.onCallAt("payments", Instant.parse("2026-01-06T20:00:00Z"))).isEqualTo("zoe");
        assertThat(r.overrideAt("payments", Instant.parse("2026-01-06T20:00:00Z")).id()).isEqualTo("o1");
        assertThat(r.onCallAt("primary", Instant.parse("2026-01-07T07:00:00Z"))).as("end excluded").isEqualTo("alice");
    }

    @Test
    void anOverrideOfASchedule_beatsEveryLayer_andOfOverlappingOverridesTheLastCreatedWins() {
        Roster r = roster(
                override("early", "payments", "yan", "2026-01-06T08:00:00Z", "2026-01-06T20:00:00Z", "2026-01-02T00:00:00Z"),
                override("late", "payments", "xia", "2026-01-06T10:00:00Z", "2026-01-06T12:00:00Z", "2026-01-03T00:00:00Z"));
        assertThat(r.onCallAt("payments", Instant.parse("2026-01-06T09:00:00Z"))).isEqualTo("yan");
        assertThat(r.onCallAt("payments", Instant.parse("2026-01-06T11:00:00Z"))).isEqualTo("xia");
        assertThat(r.onCallAt("payments", Instant.parse("2026-01-06T12:00:00Z"))).isEqualTo("yan");
        assertThat(r.onCallAt("payments", Instant.parse("2026-01-06T20:00:00Z"))).as("21:00 Paris: the primary layer").isEqualTo("alice");
    }

    @Test
    void shiftAt_andNextShift_sayWhoFromWhenUntilWhen() {
        Roster r = roster();
        Shift now = r.shiftAt("payments", Instant.parse("2026-01-06T17:00:00Z"));
        assertThat(now).isEqualTo(new Shift("alice", Instant.parse("2026-01-06T16:00:00Z"),
                Instant.parse("2026-01-07T08:00:00Z")));
        assertThat(r.nextShift("payments", Instant.parse("2026-01-06T17:00:00Z")))
                .isEqualTo(new Shift("dave", Instant.parse("2026-01-07T08:00:00Z"), Instant.parse("2026-01-07T16:00:00Z")));
    }

    @Test
    void aScheduleOnlyOfRestrictedLayers_hasGaps() {
        Schedule businessHours = new Schedule("bh", PARIS, List.of(new Layer("daytime",
                List.of(new Restriction(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), 9 * 60, 17 * 60)))));
        Roster r = new Roster(new OnCallConfig(Map.of(), Map.of(), Map.of("daytime", daytime), Map.of("bh", businessHours)),
                Map.of());
        assertThat(r.onCallAt("bh", Instant.parse("2026-01-06T18:00:00Z"))).isNull();
        assertThat(r.shiftAt("bh", Instant.parse("2026-01-06T18:00:00Z")))
                .isEqualTo(new Shift(null, Instant.parse("2026-01-06T16:00:00Z"), Instant.parse("2026-01-07T08:00:00Z")));
    }

    @Test
    void onCallAt_shouldNameWhatExists_whenTheSourceIsUnknown() {
        assertThatThrownBy(() -> roster().onCallAt("nope", Instant.EPOCH)).hasMessageContaining("'nope'");
    }
}
