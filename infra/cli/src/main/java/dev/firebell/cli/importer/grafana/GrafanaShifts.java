package dev.firebell.cli.importer.grafana;

import dev.firebell.cli.importer.ConfigDraft;
import dev.firebell.cli.importer.ConfigDraft.LayerDraft;
import dev.firebell.cli.importer.ConfigDraft.OverrideDraft;
import dev.firebell.cli.importer.ConfigDraft.RotationDraft;
import dev.firebell.cli.importer.ConfigDraft.SourceShift;
import dev.firebell.cli.importer.Drafts;
import dev.firebell.cli.importer.ExportNode;
import dev.firebell.cli.importer.Names;
import dev.firebell.cli.importer.SourceRef;
import dev.firebell.cli.importer.WeekWindows;
import dev.firebell.schedule.ShiftLength;
import dev.firebell.schedule.WallClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grafana OnCall schedules and their on-call shifts. A rolling-users shift whose turns are single people
 * becomes a rotation (a turn is {@code interval} days, weeks or hours; with {@code by_day}, a weekly turn
 * changes at the first of those days) and a layer whose restrictions are the shift's events in a week; a
 * recurring event of one person, a one-person rotation with those restrictions. Higher levels are listed
 * first. Overrides (and one-off events) become overrides. Times are wall-clock times of the shift's zone.
 */
final class GrafanaShifts {

    private static final Map<String, DayOfWeek> DAYS = Map.of("MO", DayOfWeek.MONDAY, "TU", DayOfWeek.TUESDAY,
            "WE", DayOfWeek.WEDNESDAY, "TH", DayOfWeek.THURSDAY, "FR", DayOfWeek.FRIDAY, "SA", DayOfWeek.SATURDAY,
            "SU", DayOfWeek.SUNDAY);
    private static final Duration WEEK = Duration.ofDays(7);

    private final GrafanaExport export;
    private final ConfigDraft draft;

    GrafanaShifts(GrafanaExport export, ConfigDraft draft) {
        this.export = export;
        this.draft = draft;
    }

    void read() {
        for (ExportNode schedule : export.index.all(GrafanaExport.SCHEDULE)) {
            draft.names().allocate(Names.ROTATION_OR_SCHEDULE, schedule.text("id"), schedule.optText("name"));
        }
        export.finalShifts.forEach((id, shifts) -> {
            List<SourceShift> out = new ArrayList<>();
            for (ExportNode s : shifts) {
                out.add(new SourceShift(draft.names().of(Names.PERSON, s.text("user_pk")), "user "
                        + s.optText("user_username"), s.instant("shift_start"), s.instant("shift_end")));
            }
            ExportNode schedule = export.index.get(GrafanaExport.SCHEDULE, id);
            draft.add(new ConfigDraft.SourceShifts(draft.names().of(Names.ROTATION_OR_SCHEDULE, id),
                    new SourceRef("schedule", id, schedule.optText("name")), "final shifts", null, null, false, out));
        });
        Instant reference = draft.reference();
        for (ExportNode schedule : export.index.all(GrafanaExport.SCHEDULE)) {
            schedule(schedule, reference);
        }
    }

    /** A layer to place, with the level that orders it. */
    private record Pending(long level, String id, Drafts.PendingLayer layer, ZoneId zone) {
    }

    private void schedule(ExportNode schedule, Instant reference) {
        ConfigDraft.Entry e = draft.entry("schedules", "schedule", schedule.text("id"), schedule.optText("name"));
        if ("ical".equals(schedule.optText("type"))) {
            draft.notMapped(e.ref(), null, "its shifts come from an iCal calendar (" + schedule.optText("ical_url_primary")
                    + "): rebuild it as rotations: not written");
            return;
        }
        if (schedule.optText("ical_url_overrides") != null) {
            draft.notMapped(e, "takes overrides from an iCal calendar (" + schedule.optText("ical_url_overrides")
                    + "): store them as Firebell overrides");
        }
        ZoneId zone = Drafts.zone(draft, schedule.optText("time_zone") == null ? "UTC" : schedule.optText("time_zone"), e.ref());
        if (zone == null) {
            return;
        }
        Set<String> ids = new LinkedHashSet<>();
        schedule.items("shifts").forEach(s -> ids.add(s.text()));
        for (ExportNode shift : export.index.all(GrafanaExport.SHIFT)) {
            if (schedule.text("id").equals(shift.optText("schedule"))) {
                ids.add(shift.text("id"));
            }
        }
        List<ExportNode> shifts = new ArrayList<>();
        for (String id : ids) {
            ExportNode shift = export.index.get(GrafanaExport.SHIFT, id);
            if (shift == null) {
                draft.notMapped(new SourceRef("on-call shift", id, null), e.anchor(), "listed by the schedule but not in the"
                        + " export: export GET /api/v1/on_call_shifts");
            } else {
                shifts.add(shift);
            }
        }
        List<Pending> pending = new ArrayList<>();
        List<ExportNode> oneOff = new ArrayList<>();
        for (ExportNode shift : shifts) {
            String type = shift.text("type");
            if (type.equals("override") || type.equals("single_event")) {
                oneOff.add(shift);
                continue;
            }
            Pending p = layer(shift, e.name(), zone, reference, e.anchor());
            if (p != null) {
                pending.add(p);
            }
        }
        pending.sort(Comparator.comparingLong((Pending p) -> -p.level()).thenComparing(Pending::id));
        ZoneId scheduleZone = pending.stream().filter(p -> !p.layer().windows().unrestricted()).map(Pending::zone)
                .findFirst().orElse(zone);
        List<Drafts.PendingLayer> layers = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            for (int j = 0; j < i; j++) {
                if (pending.get(j).level() == p.level() && pending.get(j).layer().windows().overlaps(p.layer().windows())) {
                    draft.approximated(p.layer().source(), e.anchor(), "on call at the same time as "
                            + pending.get(j).layer().rotation().name() + " at the same level in Grafana OnCall, which"
                            + " notifies both; Firebell pages one: " + pending.get(j).layer().rotation().name());
                }
            }
            layers.add(inZone(p, scheduleZone, reference, e.anchor()));
        }
        List<LayerDraft> placed = Drafts.layers(draft, layers, e.anchor());
        if (placed.isEmpty()) {
            draft.notMapped(e.ref(), null, "no shift of schedule '" + schedule.optText("name") + "' could be imported: not"
                    + " written");
            return;
        }
        draft.add(new ConfigDraft.ScheduleDraft(e.name(), draft.names().of(Names.TEAM, schedule.optText("team_id")),
                scheduleZone, placed, e.ref()));
        long top = pending.stream().mapToLong(Pending::level).max().orElse(0);
        for (ExportNode shift : oneOff) {
            override(shift, e.name(), zone, top);
        }
    }

    /** The layer's windows read on the schedule's clock (Firebell reads a schedule's restrictions on one clock). */
    private Drafts.PendingLayer inZone(Pending p, ZoneId scheduleZone, Instant reference, String anchor) {
        if (p.zone().equals(scheduleZone) || p.layer().windows().unrestricted()) {
            return p.layer();
        }
        Instant at = reference != null ? reference : Instant.EPOCH;
        int shift = (p.zone().getRules().getOffset(at).getTotalSeconds()
                - scheduleZone.getRules().getOffset(at).getTotalSeconds()) / 60;
        draft.approximated(p.layer().source(), anchor, "its times are in " + p.zone() + " and the schedule's other"
                + " restricted shifts in " + scheduleZone + "; Firebell reads all of a schedule's restrictions on one"
                + " clock, so they were moved by the offset at " + at + " and are off by an hour when only one of the"
                + " zones changes its clocks");
        return new Drafts.PendingLayer(p.layer().rotation(), p.layer().windows().shifted(-shift), p.layer().source());
    }

    private Pending layer(ExportNode shift, String schedule, ZoneId scheduleZone, Instant reference, String anchor) {
        SourceRef ref = new SourceRef("on-call shift", shift.text("id"), shift.optText("name"));
        ZoneId zone = shift.optText("time_zone") == null ? scheduleZone : Drafts.zone(draft, shift.text("time_zone"), ref);
        if (zone == null) {
            return null;
        }
        if (shift.has("until")) {
            Instant until = WallClock.instant(shift.localDateTime("until"), zone);
            if (reference != null && !until.isAfter(reference)) {
                draft.leftOut(ref, anchor, "ended at " + until + ", before " + reference);
                return null;
            }
            draft.approximated(ref, anchor, "ends at " + until + "; Firebell layers do not end: remove it then");
        }
        if (shift.has("by_month") || shift.has("by_monthday")) {
            draft.notMapped(ref, anchor, "recurs on given months or days of the month: Firebell restrictions are weekly:"
                    + " not written");
            return null;
        }
        String frequency = shift.optText("frequency");
        long interval = shift.optNumber("interval") == null ? 1 : shift.number("interval");
        Duration unit = frequency == null ? null : switch (frequency) {
            case "hourly" -> Duration.ofHours(1);
            case "daily" -> Duration.ofDays(1);
            case "weekly" -> WEEK;
            default -> null;
        };
        if (unit == null) {
            draft.notMapped(ref, anchor, (frequency == null ? "does not recur" : frequency + " turns")
                    + ": Firebell rotations turn every so many hours, days or weeks: not written");
            return null;
        }
        List<String> participants = participants(shift, ref, anchor);
        if (participants == null) {
            return null;
        }
        Duration turn = unit.multipliedBy(interval);
        Duration duration = Duration.ofSeconds(shift.number("duration"));
        Set<DayOfWeek> byDay = EnumSet.noneOf(DayOfWeek.class);
        for (ExportNode d : shift.items("by_day")) {
            DayOfWeek day = DAYS.get(d.text());
            if (day == null) {
                throw d.expected("a day such as MO");
            }
            byDay.add(day);
        }
        if (byDay.size() == 7 && !frequency.equals("weekly")) {
            byDay.clear();
        }
        DayOfWeek weekStart = DAYS.getOrDefault(shift.optText("week_start") == null ? "SU" : shift.text("week_start"),
                DayOfWeek.SUNDAY);
        LocalDateTime start = shift.localDateTime("start");
        LocalDateTime rotationStart = shift.has("rotation_start") ? shift.localDateTime("rotation_start") : start;
        boolean single = participants.size() == 1 && shift.text("type").equals("recurrent_event");

        LocalDateTime first;
        ShiftLength length;
        WeekWindows windows = new WeekWindows();
        if (byDay.isEmpty()) {
            if (duration.compareTo(turn) > 0) {
                draft.notMapped(ref, anchor, "its events last longer than a turn, so several people are on call at once:"
                        + " not written");
                return null;
            }
            first = start;
            while (first.isBefore(rotationStart)) {
                first = first.plus(turn);
            }
            if (duration.compareTo(turn) < 0) {
                if (WEEK.toSeconds() % turn.toSeconds() != 0) {
                    draft.notMapped(ref, anchor, "events of " + duration.toMinutes() + " min every " + turn.toHours()
                            + " h do not repeat each week: Firebell restrictions are weekly: not written");
                    return null;
                }
                for (LocalDateTime e = first; e.isBefore(first.plusWeeks(1)); e = e.plus(turn)) {
                    windows.add(e.getDayOfWeek(), e.getHour() * 60 + e.getMinute(), duration.toMinutes());
                }
            }
            length = single ? new ShiftLength(7, ShiftLength.Unit.DAYS) : Drafts.shift(turn);
        } else {
            if (!frequency.equals("weekly") && !single) {
                draft.notMapped(ref, anchor, "turns on " + frequency + " occurrences of chosen weekdays: Firebell"
                        + " rotations turn on the calendar: not written");
                return null;
            }
            if (frequency.equals("hourly")) {
                draft.notMapped(ref, anchor, "hourly events on chosen weekdays: not written");
                return null;
            }
            // The turn changes at the first chosen day of each week (weeks start on week_start).
            LocalDateTime event = start;
            while (!byDay.contains(event.getDayOfWeek()) || event.isBefore(rotationStart)) {
                event = event.plusDays(1);
            }
            LocalDateTime weekBegins = event.toLocalDate().with(TemporalAdjusters.previousOrSame(weekStart))
                    .atTime(start.toLocalTime());
            first = weekBegins;
            while (!byDay.contains(first.getDayOfWeek())) {
                first = first.plusDays(1);
            }
            for (DayOfWeek d : byDay) {
                windows.add(d, start.getHour() * 60 + start.getMinute(), duration.toMinutes());
            }
            length = single ? new ShiftLength(7, ShiftLength.Unit.DAYS) : Drafts.shift(WEEK.multipliedBy(interval));
        }
        if (length == null) {
            draft.notMapped(ref, anchor, "turns of " + turn.toHours() + " h: Firebell shifts are up to 90 days: not"
                    + " written");
            return null;
        }
        if (first.isAfter(start) && reference != null && WallClock.instant(start, zone).isAfter(reference)) {
            draft.approximated(ref, anchor, "starts at " + start + " " + zone + "; Firebell's rotation starts with a"
                    + " whole turn at " + first);
        }
        String name = draft.names().allocate(Names.ROTATION_OR_SCHEDULE, shift.text("id"),
                schedule + "-" + Names.slug(shift.optText("name")), schedule + "-shift");
        RotationDraft rotation = Drafts.rotation(draft, name, null, participants, length, first, zone, ref, anchor);
        long level = shift.optNumber("level") == null ? 0 : shift.number("level");
        return new Pending(level, shift.text("id"), new Drafts.PendingLayer(rotation, windows, ref), zone);
    }

    /** The people taking turns, one per turn; null (reported) when a turn has several people or none. */
    private List<String> participants(ExportNode shift, SourceRef ref, String anchor) {
        List<List<ExportNode>> groups = new ArrayList<>();
        if (shift.get("rolling_users").isArray()) {
            shift.items("rolling_users").forEach(g -> groups.add(g.items()));
            if (shift.optNumber("start_rotation_from_user_index") != null && !groups.isEmpty()) {
                int from = (int) (shift.number("start_rotation_from_user_index") % groups.size());
                List<List<ExportNode>> rotated = new ArrayList<>(groups.subList(from, groups.size()));
                rotated.addAll(groups.subList(0, from));
                groups.clear();
                groups.addAll(rotated);
            }
        } else {
            groups.add(shift.items("users"));
        }
        List<String> out = new ArrayList<>();
        for (List<ExportNode> group : groups) {
            if (group.size() != 1) {
                draft.notMapped(ref, anchor, (group.isEmpty() ? "a turn of nobody" : "a turn of " + group.size()
                        + " people at once") + ": Firebell has one person on call: not written");
                return null;
            }
            String person = draft.names().of(Names.PERSON, group.get(0).text());
            if (person == null) {
                draft.notMapped(ref, anchor, "user " + group.get(0).text() + " takes turns here but is not in the export:"
                        + " not written");
                return null;
            }
            out.add(person);
        }
        return out.isEmpty() ? null : out;
    }

    private void override(ExportNode shift, String schedule, ZoneId scheduleZone, long topLevel) {
        SourceRef ref = new SourceRef("on-call shift", shift.text("id"), shift.optText("name"));
        ZoneId zone = shift.optText("time_zone") == null ? scheduleZone : Drafts.zone(shift.text("time_zone"));
        List<ExportNode> users = new ArrayList<>(shift.items("users"));
        shift.items("rolling_users").forEach(g -> users.addAll(g.items()));
        Set<String> people = new LinkedHashSet<>();
        users.forEach(u -> people.add(u.text()));
        if (zone == null || people.size() != 1) {
            draft.notMapped(ref, "overrides", (zone == null ? "time zone '" + shift.optText("time_zone")
                    + "' is not an IANA name" : people.size() + " people at once") + ": a Firebell override names one"
                    + " person");
            return;
        }
        String userId = people.iterator().next();
        String person = draft.names().of(Names.PERSON, userId);
        if (person == null) {
            draft.notMapped(ref, "overrides", "gives the schedule to user " + userId + ", who is not in the export");
            return;
        }
        if (shift.text("type").equals("single_event")) {
            long level = shift.optNumber("level") == null ? 0 : shift.number("level");
            if (level < topLevel) {
                draft.approximated(ref, "overrides", "a one-off shift at level " + level + " becomes an override, which"
                        + " beats every layer (level " + topLevel + " shifts included)");
            }
        }
        LocalDateTime start = shift.localDateTime("start");
        draft.add(new OverrideDraft(schedule, person, WallClock.instant(start, zone),
                WallClock.instant(start.plusSeconds(shift.number("duration")), zone), null, ref));
    }
}
