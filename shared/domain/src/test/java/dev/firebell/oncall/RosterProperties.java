package dev.firebell.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.schedule.Layer;
import dev.firebell.schedule.Restriction;
import dev.firebell.schedule.Rotation;
import dev.firebell.schedule.Schedule;
import dev.firebell.schedule.Shift;
import dev.firebell.schedule.ShiftLength;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Schedules and overrides: who wins, where the gaps are, and that shifts tile time. */
class RosterProperties {

    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> ZONES = List.of("Europe/Paris", "America/New_York", "Australia/Lord_Howe",
            "Asia/Kolkata", "America/St_Johns", "UTC");

    record Setup(Rotation top, Rotation bottom, Restriction restriction, ZoneId zone, List<ShiftOverride> overrides) {

        OnCallConfig config(boolean withBottom) {
            List<Layer> layers = new ArrayList<>();
            layers.add(new Layer("top", List.of(restriction)));
            if (withBottom) {
                layers.add(new Layer("bottom", List.of()));
            }
            return new OnCallConfig(Map.of(), Map.of(), Map.of("top", top, "bottom", bottom),
                    Map.of("sched", new Schedule("sched", zone, layers)));
        }
    }

    @Provide
    Arbitrary<Setup> setups() {
        Arbitrary<ZoneId> zone = Arbitraries.of(ZONES).map(ZoneId::of);
        Arbitrary<Restriction> restriction = Combinators.combine(
                Arbitraries.subsetOf(DayOfWeek.values()).ofMinSize(1),
                Arbitraries.integers().between(0, 95).map(q -> q * 15),
                Arbitraries.integers().between(1, 96).map(q -> q * 15))
                .filter((days, from, to) -> !from.equals(to))
                .as((days, from, to) -> new Restriction(EnumSet.copyOf(days), from, to));
        Arbitrary<List<ShiftOverride>> overrides = Combinators.combine(
                        Arbitraries.of("top", "bottom", "sched"),
                        Arbitraries.of("ovr1", "ovr2", "ovr3"),
                        Arbitraries.integers().between(0, 60 * 24 * 40),
                        Arbitraries.integers().between(30, 60 * 24 * 3),
                        Arbitraries.integers().between(0, 1000))
                .as((source, person, startMin, lengthMin, created) -> new ShiftOverride(
                        source + "-" + person + "-" + startMin + "-" + lengthMin + "-" + created, source, person, FROM.plusSeconds(startMin * 60L),
                        FROM.plusSeconds((startMin + lengthMin) * 60L), "test", FROM.minusSeconds(created), null))
                .list().ofMaxSize(8);
        return Combinators.combine(zone, restriction, overrides).as((z, r, o) -> new Setup(
                new Rotation("top", List.of("t1", "t2", "t3"), new ShiftLength(1, ShiftLength.Unit.DAYS),
                        LocalTime.of(9, 0), z, LocalDate.of(2026, 1, 1)),
                new Rotation("bottom", List.of("b1", "b2"), new ShiftLength(12, ShiftLength.Unit.HOURS),
                        LocalTime.of(8, 0), z, LocalDate.of(2025, 12, 1)),
                r, z, o));
    }

    private static Roster roster(Setup s, boolean withBottom) {
        Map<String, List<ShiftOverride>> byTarget = new java.util.HashMap<>();
        s.overrides().forEach(o -> byTarget.computeIfAbsent(o.source(), k -> new ArrayList<>()).add(o));
        return new Roster(s.config(withBottom), byTarget);
    }

    /** The override that wins at t for a source by the rule (last created, then id), computed by brute force. */
    private static ShiftOverride winner(List<ShiftOverride> all, String source, Instant t) {
        ShiftOverride best = null;
        for (ShiftOverride o : all) {
            if (o.source().equals(source) && o.covers(t) && (best == null || o.createdAt().isAfter(best.createdAt())
                    || (o.createdAt().equals(best.createdAt()) && o.id().compareTo(best.id()) > 0))) {
                best = o;
            }
        }
        return best;
    }

    /** Whether the window holds the local time, worked out from day-of-week and minute arithmetic alone. */
    private static boolean inWindow(Restriction r, LocalDateTime local) {
        int minuteOfWeek = (local.getDayOfWeek().getValue() - 1) * 1440 + local.getHour() * 60 + local.getMinute();
        for (int[] interval : r.weekIntervals()) {
            for (int shift : new int[] {0, -7 * 1440}) {
                if (minuteOfWeek >= interval[0] + shift && minuteOfWeek < interval[1] + shift) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rotationWithOverrides(Setup s, Rotation r, Instant t) {
        ShiftOverride o = winner(s.overrides(), r.name(), t);
        return o != null ? o.person() : r.onCallAt(t);
    }

    @Property(tries = 500)
    void atEveryInstant_overridesWin_thenTheFirstLayerThatAppliesAndHasSomeone(
            @ForAll("setups") Setup s, @ForAll @IntRange(min = 0, max = 60 * 24 * 45) int minute) {
        Instant t = FROM.plusSeconds(minute * 60L);
        Roster roster = roster(s, true);

        ShiftOverride own = winner(s.overrides(), "sched", t);
        String expected;
        if (own != null) {
            expected = own.person();
        } else {
            String top = inWindow(s.restriction(), LocalDateTime.ofInstant(t, s.zone()))
                    ? rotationWithOverrides(s, s.top(), t) : null;
            expected = top != null ? top : rotationWithOverrides(s, s.bottom(), t);
        }
        assertThat(roster.onCallAt("sched", t)).isEqualTo(expected);
        assertThat(roster.onCallAt("top", t)).isEqualTo(rotationWithOverrides(s, s.top(), t));
    }

    @Property(tries = 500)
    void aRestrictedLayerAlone_leavesExactlyTheGapsOutsideItsWindow(
            @ForAll("setups") Setup s, @ForAll @IntRange(min = 0, max = 60 * 24 * 45) int minute) {
        Setup plain = new Setup(s.top(), s.bottom(), s.restriction(), s.zone(), List.of());
        Instant t = FROM.plusSeconds(minute * 60L);
        boolean open = inWindow(s.restriction(), LocalDateTime.ofInstant(t, s.zone()));
        assertThat(roster(plain, false).onCallAt("sched", t)).isEqualTo(open ? s.top().onCallAt(t) : null);
    }

    @Property(tries = 150)
    void shiftsTileTheRange_withoutOverlapOrRepetition(@ForAll("setups") Setup s,
                                                      @ForAll @IntRange(min = 0, max = 60 * 24 * 20) int minute) {
        Roster roster = roster(s, true);
        Instant from = FROM.plusSeconds(minute * 60L);
        Instant to = from.plus(Duration.ofDays(10));
        List<Shift> shifts = roster.shifts("sched", from, to);

        assertThat(shifts.get(0).start()).isEqualTo(from);
        assertThat(shifts.get(shifts.size() - 1).end()).isEqualTo(to);
        for (int i = 0; i < shifts.size(); i++) {
            Shift shift = shifts.get(i);
            assertThat(shift.end()).isAfter(shift.start());
            assertThat(roster.onCallAt("sched", shift.start())).isEqualTo(shift.person());
            assertThat(roster.onCallAt("sched", shift.end().minusMillis(1))).isEqualTo(shift.person());
            Instant middle = shift.start().plus(Duration.between(shift.start(), shift.end()).dividedBy(2));
            assertThat(roster.onCallAt("sched", middle)).isEqualTo(shift.person());
            if (i > 0) {
                assertThat(shift.start()).isEqualTo(shifts.get(i - 1).end());
                assertThat(shift.person()).isNotEqualTo(shifts.get(i - 1).person());
            }
        }
    }

    @Property(tries = 200)
    void nextShift_isTheFirstChange_andShiftAtSpansTheCurrentOne(
            @ForAll("setups") Setup s, @ForAll @IntRange(min = 0, max = 60 * 24 * 30) int minute) {
        Roster roster = roster(s, true);
        Instant t = FROM.plusSeconds(minute * 60L);
        String now = roster.onCallAt("sched", t);
        Shift current = roster.shiftAt("sched", t);
        Shift next = roster.nextShift("sched", t);

        assertThat(current.person()).isEqualTo(now);
        assertThat(current.contains(t)).isTrue();
        assertThat(next.start()).isEqualTo(current.end());
        assertThat(next.person()).isNotEqualTo(now);
        assertThat(roster.onCallAt("sched", next.start())).isEqualTo(next.person());
        // Nothing changes in between: check every quarter hour (every edge is on a quarter hour).
        for (Instant at = current.start(); at.isBefore(current.end()); at = at.plusSeconds(900)) {
            assertThat(roster.onCallAt("sched", at)).as("at %s", at).isEqualTo(now);
        }
        assertThat(roster.onCallAt("sched", current.start().minusMillis(1))).isNotEqualTo(now);
    }
}
