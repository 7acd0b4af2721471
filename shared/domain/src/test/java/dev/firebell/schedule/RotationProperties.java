package dev.firebell.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Rotation math against the definition, in zones chosen for their clock changes: 30-minute (Lord Howe),
 * odd offsets (Kolkata +05:30, St John's -03:30, Kathmandu +05:45, Chatham +12:45), changes at midnight
 * (Santiago, Havana) and the common ones.
 */
class RotationProperties {

    static final List<String> ZONES = List.of("America/New_York", "Europe/London", "Europe/Paris",
            "Australia/Lord_Howe", "Asia/Kolkata", "America/St_Johns", "Asia/Kathmandu", "Pacific/Chatham",
            "Australia/Sydney", "America/Santiago", "America/Havana", "Asia/Tehran", "UTC");

    record Params(List<String> people, ShiftLength shift, LocalTime handoff, ZoneId zone, LocalDate start) {
        Rotation rotation() {
            return new Rotation("r", people, shift, handoff, zone, start);
        }
    }

    @Provide
    Arbitrary<Params> rotations() {
        Arbitrary<List<String>> people = Arbitraries.integers().between(1, 7)
                .map(n -> {
                    List<String> out = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        out.add("p" + i);
                    }
                    return out;
                });
        Arbitrary<ShiftLength> shift = Arbitraries.oneOf(
                Arbitraries.of(1, 2, 3, 4, 6, 8, 12, 5, 7, 36).map(h -> new ShiftLength(h, ShiftLength.Unit.HOURS)),
                Arbitraries.of(1, 2, 3, 7, 14).map(d -> new ShiftLength(d, ShiftLength.Unit.DAYS)));
        // Hand-off times bunched around the hours clocks change at, plus any time at all.
        Arbitrary<LocalTime> handoff = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 24 * 60 - 1).map(m -> LocalTime.of(m / 60, m % 60)),
                Arbitraries.integers().between(0, 4 * 4 - 1).map(q -> LocalTime.of(q / 4, (q % 4) * 15)));
        Arbitrary<ZoneId> zone = Arbitraries.of(ZONES).map(ZoneId::of);
        Arbitrary<LocalDate> start = Arbitraries.integers().between(0, 3 * 365)
                .map(d -> LocalDate.of(2024, 1, 1).plusDays(d));
        return Combinators.combine(people, shift, handoff, zone, start).as(Params::new);
    }

    /** Zones whose clocks change, and every change they make in 2025-2027. */
    static final List<String> CHANGING_ZONES = List.of("America/New_York", "Europe/London", "Australia/Lord_Howe",
            "America/St_Johns", "Pacific/Chatham", "Australia/Sydney", "America/Santiago", "America/Havana",
            "Europe/Paris");

    /** A rotation one of whose hand-offs ({@code k}) is named at, inside or near a clock change. */
    record AtChange(Params params, int k, ZoneOffsetTransition change) {
    }

    @Provide
    Arbitrary<AtChange> atClockChanges() {
        List<ZoneOffsetTransition> changes = new ArrayList<>();
        Map<ZoneOffsetTransition, ZoneId> zoneOf = new java.util.HashMap<>();
        for (String name : CHANGING_ZONES) {
            ZoneId zone = ZoneId.of(name);
            Instant t = Instant.parse("2025-01-01T00:00:00Z");
            for (ZoneOffsetTransition tr = zone.getRules().nextTransition(t);
                 tr != null && tr.getInstant().isBefore(Instant.parse("2028-01-01T00:00:00Z"));
                 tr = zone.getRules().nextTransition(tr.getInstant())) {
                changes.add(tr);
                zoneOf.put(tr, zone);
            }
        }
        Arbitrary<ZoneOffsetTransition> change = Arbitraries.of(changes);
        Arbitrary<Integer> nudgeMinutes = Arbitraries.integers().between(-6, 6).map(q -> q * 15);
        Arbitrary<ShiftLength> shift = Arbitraries.oneOf(
                Arbitraries.of(1, 2, 3, 8, 12).map(h -> new ShiftLength(h, ShiftLength.Unit.HOURS)),
                Arbitraries.of(1, 2, 7).map(d -> new ShiftLength(d, ShiftLength.Unit.DAYS)));
        Arbitrary<Integer> k = Arbitraries.integers().between(0, 40);
        Arbitrary<Integer> people = Arbitraries.integers().between(2, 5);
        return Combinators.combine(change, nudgeMinutes, shift, k, people).as((tr, nudge, len, j, n) -> {
            // The named local time of hand-off j: where the clock changes (in the old offset), nudged.
            LocalDateTime named = tr.getDateTimeBefore().plusMinutes(nudge);
            LocalDateTime base = len.after(named, -j);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                names.add("p" + i);
            }
            return new AtChange(new Params(names, len, base.toLocalTime(), zoneOf.get(tr), base.toLocalDate()), j, tr);
        });
    }

    @Property(tries = 1500)
    void handoffsAtClockChanges_happenAtTheFirstInstantTheLocalClockShowsTheNamedTime(
            @ForAll("atClockChanges") AtChange c) {
        Params p = c.params();
        Rotation r = p.rotation();
        LocalDateTime named = p.shift().after(p.start().atTime(p.handoff()), c.k());
        Instant h = r.handoff(c.k());
        assertThat(h).isEqualTo(WallClockReference.firstInstantShowing(named, p.zone()));
        List<ZoneOffset> offsets = p.zone().getRules().getValidOffsets(named);
        if (offsets.isEmpty()) {
            assertThat(h).isEqualTo(c.change().getInstant());
        } else if (offsets.size() == 2) {
            assertThat(p.zone().getRules().getOffset(h)).isEqualTo(offsets.get(0));
        }
    }

    @Property(tries = 1500)
    void aroundClockChanges_theRotationHasExactlyTheParticipantTheDefinitionGives(
            @ForAll("atClockChanges") AtChange c, @ForAll @IntRange(min = -240, max = 240) int minutes) {
        Params p = c.params();
        Rotation r = p.rotation();
        Instant t = c.change().getInstant().plus(minutes, ChronoUnit.MINUTES);
        LocalDateTime base = p.start().atTime(p.handoff());
        long k = Math.max(-1, c.k() - 30);
        while (k >= 0 && WallClockReference.firstInstantShowing(p.shift().after(base, k), p.zone()).isAfter(t)) {
            k--;
        }
        while (!WallClockReference.firstInstantShowing(p.shift().after(base, k + 1), p.zone()).isAfter(t)) {
            k++;
        }
        assertThat(r.onCallAt(t)).isEqualTo(k < 0 ? null : p.people().get((int) (k % p.people().size())));
    }

    /** Instants within ~ 60 shifts of the start (a long way for long shifts), some before it. */
    private static Instant instantNear(Params p, double fraction) {
        Instant first = p.start().atTime(p.handoff()).toInstant(ZoneOffset.UTC);
        long span = p.shift().nominal().multipliedBy(60).toSeconds();
        return first.plusSeconds((long) (span * fraction) - 2 * 86_400);
    }

    @Property(tries = 400)
    void atEveryInstant_theRotationHasExactlyTheParticipantTheDefinitionGives(
            @ForAll("rotations") Params p, @ForAll @IntRange(min = 0, max = 1_000_000) int where) {
        Rotation r = p.rotation();
        Instant t = instantNear(p, where / 1_000_000.0);

        // k = the number of hand-offs at or before t, minus one, by the slow definition.
        LocalDateTime base = p.start().atTime(p.handoff());
        long k = -1;
        while (!WallClockReference.firstInstantShowing(p.shift().after(base, k + 1), p.zone()).isAfter(t)) {
            k++;
        }
        String expected = k < 0 ? null : p.people().get((int) (k % p.people().size()));
        assertThat(r.onCallAt(t)).isEqualTo(expected);
        assertThat(r.shiftIndexAt(t)).isEqualTo(k);
    }

    @Property(tries = 600)
    void everyHandoff_happensAtTheFirstInstantTheLocalClockShowsTheNamedTime(
            @ForAll("rotations") Params p, @ForAll @IntRange(min = 0, max = 400) int k) {
        Rotation r = p.rotation();
        LocalDateTime named = p.shift().after(p.start().atTime(p.handoff()), k);
        Instant h = r.handoff(k);

        assertThat(h).isEqualTo(WallClockReference.firstInstantShowing(named, p.zone()));
        LocalDateTime shown = LocalDateTime.ofInstant(h, p.zone());
        List<ZoneOffset> offsets = p.zone().getRules().getValidOffsets(named);
        if (offsets.isEmpty()) {
            // Skipped by the clocks: the hand-off is the jump, the clock then shows a later time.
            assertThat(p.zone().getRules().getTransition(named).getInstant()).isEqualTo(h);
            assertThat(shown).isAfter(named);
        } else {
            assertThat(shown).isEqualTo(named);
            // Shown twice: the first time, at the earlier of the two offsets.
            assertThat(p.zone().getRules().getOffset(h)).isEqualTo(offsets.get(0));
        }
    }

    @Property(tries = 300)
    void handoffsNeverGoBackwards_andShiftsTileTime(@ForAll("rotations") Params p,
                                                   @ForAll @IntRange(min = 0, max = 300) int k) {
        Rotation r = p.rotation();
        Instant a = r.handoff(k);
        Instant b = r.handoff(k + 1);
        assertThat(b).isAfterOrEqualTo(a);
        if (b.isAfter(a)) {
            assertThat(r.onCallAt(a)).isEqualTo(r.participant(k));
            assertThat(r.onCallAt(b.minusMillis(1))).isEqualTo(r.participant(k));
            assertThat(r.shiftAt(a)).isEqualTo(new Shift(r.participant(k), a, b));
            assertThat(r.nextHandoffAfter(a)).isEqualTo(b);
        }
        long days = ChronoUnit.HOURS.between(a, b);
        long nominal = p.shift().nominal().toHours();
        assertThat(days).as("a shift is its nominal length, give or take a clock change")
                .isBetween(Math.max(0, nominal - 3), nominal + 3);
    }
}
