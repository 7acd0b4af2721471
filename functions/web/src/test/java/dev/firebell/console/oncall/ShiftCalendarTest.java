package dev.firebell.console.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.firebell.oncall.Roster;
import dev.firebell.oncall.ShiftOverride;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The calendar's layout, computed with no clock and no zone of the machine: every input given. */
class ShiftCalendarTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate WEDNESDAY = LocalDate.of(2027, 3, 24);

    private final OnCallScene scene = new OnCallScene();

    @Test
    void layout_shouldShowFourWeeksFromTheMondayOfTheWeekAsked_andMarkToday() {
        ShiftCalendar calendar = calendar("paris-daily", Map.of(), PARIS);

        assertThat(calendar.weeks()).hasSize(4);
        assertThat(calendar.weeks()).allSatisfy(w -> {
            assertThat(w.days()).hasSize(7);
            assertThat(w.monday().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        });
        assertThat(calendar.weeks().get(0).monday()).isEqualTo(LocalDate.of(2027, 3, 22));
        assertThat(calendar.weeks().get(3).days().get(6).date()).isEqualTo(LocalDate.of(2027, 4, 18));
        assertThat(calendar.weeks().stream().flatMap(w -> w.days().stream()).filter(ShiftCalendar.Day::today))
                .singleElement().satisfies(d -> assertThat(d.date()).isEqualTo(WEDNESDAY));
        assertThat(calendar.start()).isEqualTo(Instant.parse("2027-03-21T23:00:00Z"));
        assertThat(calendar.end()).as("four weeks later, in summer time").isEqualTo(Instant.parse("2027-04-18T22:00:00Z"));
    }

    @Test
    void layout_acrossTheSpringChange_shouldKeepTheHandOffAt0900InParis() {
        ShiftCalendar calendar = calendar("paris-daily", Map.of(), PARIS);

        for (ShiftCalendar.Day day : calendar.weeks().get(0).days().subList(1, 7)) {
            assertThat(day.entries()).extracting(CalendarView::when).as("%s", day.date())
                    .containsExactly("until 09:00", "from 09:00");
        }
        ShiftCalendar.Day sunday = calendar.weeks().get(0).days().get(6);
        assertThat(sunday.date()).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(sunday.entries()).extracting(e -> e.shift().person()).containsExactly("alice", "bob");
        assertThat(sunday.entries().get(1).shift().start()).as("09:00 in summer time")
                .isEqualTo(Instant.parse("2027-03-28T07:00:00Z"));
        assertThat(calendar.weeks().get(0).days().get(5).entries().get(1).shift().start()).as("09:00 in winter time")
                .isEqualTo(Instant.parse("2027-03-27T08:00:00Z"));
    }

    @Test
    void layout_inUtc_shouldShowTheSameHandOffsAnHourEarlierAfterTheChange() {
        ShiftCalendar calendar = calendar("paris-daily", Map.of(), ZoneOffset.UTC);

        List<ShiftCalendar.Day> week = calendar.weeks().get(0).days();
        assertThat(week.get(5).entries()).extracting(CalendarView::when).as("Saturday 27")
                .containsExactly("until 08:00", "from 08:00");
        assertThat(week.get(6).entries()).extracting(CalendarView::when).as("Sunday 28")
                .containsExactly("until 07:00", "from 07:00");
        assertThat(week.get(0).entries().get(0).from()).as("the calendar's first shift began before it").isNull();
    }

    @Test
    void layout_shouldSplitAShiftWhereAnOverrideCoversPartOfIt_andMarkThatPart() {
        ShiftOverride cover = new ShiftOverride("o1", "paris-daily", "alice", Instant.parse("2027-03-24T11:00:00Z"),
                Instant.parse("2027-03-24T13:00:00Z"), "bob", Instant.parse("2027-03-20T08:00:00Z"), "dentist");

        ShiftCalendar calendar = calendar("paris-daily", Map.of("paris-daily", List.of(cover)), PARIS);

        ShiftCalendar.Day wednesday = calendar.weeks().get(0).days().get(2);
        assertThat(wednesday.entries()).extracting(CalendarView::when)
                .containsExactly("until 09:00", "09:00–12:00", "12:00–14:00", "from 14:00");
        assertThat(wednesday.entries()).extracting(e -> e.shift().person())
                .containsExactly("alice", "bob", "alice", "bob");
        assertThat(wednesday.entries()).extracting(e -> e.shift().isOverride())
                .containsExactly(false, false, true, false);
        assertThat(wednesday.entries().get(2).shift().override().createdBy()).isEqualTo("bob");
    }

    @Test
    void layout_ofASchedule_shouldShowItsWeekendLayer_andTheOverrideOfALayersRotation() {
        ShiftOverride cover = new ShiftOverride("o2", "paris-daily", "mallory", Instant.parse("2027-03-25T08:00:00Z"),
                Instant.parse("2027-03-25T10:00:00Z"), "alice", Instant.parse("2027-03-20T08:00:00Z"), null);

        ShiftCalendar calendar = calendar("checkout-oncall", Map.of("paris-daily", List.of(cover)), PARIS);

        List<ShiftCalendar.Day> week = calendar.weeks().get(0).days();
        assertThat(week.get(5).entries()).extracting(e -> e.shift().person()).as("Saturday: the weekend layer")
                .containsExactly("mallory");
        assertThat(CalendarView.when(week.get(5).entries().get(0))).isEqualTo("from 00:00");
        assertThat(week.get(3).entries()).extracting(e -> e.shift().person(), e -> e.shift().isOverride())
                .as("Thursday: paris-daily with mallory's cover")
                .containsExactly(tuple("bob", false), tuple("mallory", true), tuple("alice", false));
        assertThat(week.get(3).entries()).extracting(CalendarView::when)
                .containsExactly("until 09:00", "09:00–11:00", "from 11:00");
    }

    private ShiftCalendar calendar(String source, Map<String, List<ShiftOverride>> overrides, ZoneId zone) {
        LocalDate monday = ShiftCalendar.weekOf(WEDNESDAY);
        Instant start = ShiftCalendar.startOf(monday, zone);
        Instant end = ShiftCalendar.startOf(monday.plusWeeks(4), zone);
        Roster roster = new Roster(scene.config.onCall(), overrides);
        List<ShiftOverride> all = overrides.values().stream().flatMap(List::stream).toList();
        return ShiftCalendar.layout(MarkedShift.of(roster, source, start, end, all), WEDNESDAY, 4, zone, WEDNESDAY);
    }
}
