package dev.firebell.cli.importer.pagerduty;

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
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * PagerDuty schedules: each layer becomes a rotation (its users in order, its turn length, its first turn at
 * {@code rotation_virtual_start} on the schedule's wall clock) and a layer of the schedule with its
 * restrictions. PagerDuty returns layers highest first, which is Firebell's order (first listed wins).
 * The final schedule, when exported with since/until, is kept to compare; overrides become overrides.
 */
final class PagerDutySchedules {

    private final PagerDutyExport export;
    private final ConfigDraft draft;

    PagerDutySchedules(PagerDutyExport export, ConfigDraft draft) {
        this.export = export;
        this.draft = draft;
    }

    void read() {
        for (ExportNode schedule : export.index.all(PagerDutyExport.SCHEDULE)) {
            draft.names().allocate(Names.ROTATION_OR_SCHEDULE, schedule.text("id"), schedule.optText("name"));
        }
        for (ExportNode schedule : export.index.all(PagerDutyExport.SCHEDULE)) {
            finalSchedule(schedule);
        }
        Instant reference = draft.reference();
        for (ExportNode schedule : export.index.all(PagerDutyExport.SCHEDULE)) {
            schedule(schedule, reference);
            overrides(schedule);
        }
    }

    private void finalSchedule(ExportNode schedule) {
        ExportNode entries = schedule.get("final_schedule").get("rendered_schedule_entries");
        if (!entries.isArray()) {
            return;
        }
        String name = draft.names().of(Names.ROTATION_OR_SCHEDULE, schedule.text("id"));
        List<SourceShift> shifts = new ArrayList<>();
        for (ExportNode e : entries.items()) {
            String userId = e.get("user").text("id");
            String person = draft.names().of(Names.PERSON, userId);
            shifts.add(new SourceShift(person, "user " + userId, e.instant("start"), e.instant("end")));
        }
        draft.add(new ConfigDraft.SourceShifts(name, ref(schedule), "final schedule", null, null, true, shifts));
    }

    private static SourceRef ref(ExportNode schedule) {
        return new SourceRef("schedule", schedule.text("id"), schedule.optText("name"));
    }

    private void schedule(ExportNode schedule, Instant reference) {
        ConfigDraft.Entry e = draft.entry("schedules", "schedule", schedule.text("id"), schedule.optText("name"));
        ZoneId zone = Drafts.zone(draft, schedule.optText("time_zone"), e.ref());
        if (zone == null) {
            return;
        }
        if (!schedule.get("schedule_layers").isArray()) {
            draft.notMapped(e.ref(), null, "exported without its layers: export GET /schedules/{id} (or the list with"
                    + " include[]=schedule_layers): not written");
            return;
        }
        String team = schedule.items("teams").isEmpty() ? null
                : draft.names().of(Names.TEAM, schedule.items("teams").get(0).text("id"));
        List<Drafts.PendingLayer> pending = new ArrayList<>();
        for (ExportNode layer : schedule.items("schedule_layers")) {
            Drafts.PendingLayer p = layer(layer, e.name(), team, zone, reference, e.anchor());
            if (p != null) {
                pending.add(p);
            }
        }
        List<LayerDraft> layers = Drafts.layers(draft, pending, e.anchor());
        if (layers.isEmpty()) {
            draft.notMapped(e.ref(), null, "no layer of schedule '" + schedule.optText("name") + "' could be imported: not"
                    + " written");
            return;
        }
        draft.add(new ConfigDraft.ScheduleDraft(e.name(), team, zone, layers, e.ref()));
    }

    private Drafts.PendingLayer layer(ExportNode layer, String schedule, String team, ZoneId zone, Instant reference,
                                      String anchor) {
        String layerId = layer.optText("id") == null ? schedule + "/" + layer.optText("name") : layer.text("id");
        SourceRef ref = new SourceRef("schedule layer", layerId, layer.optText("name"));
        Instant end = layer.optInstant("end");
        if (end != null && reference != null && !end.isAfter(reference)) {
            draft.leftOut(ref, anchor, "ended at " + end + ", before " + reference);
            return null;
        }
        long seconds = layer.number("rotation_turn_length_seconds");
        ShiftLength shift = Drafts.shift(Duration.ofSeconds(seconds));
        if (shift == null) {
            draft.notMapped(ref, anchor, "turns of " + seconds + " s: Firebell shifts are whole hours or whole days, up"
                    + " to 90 days: layer not written");
            return null;
        }
        List<String> participants = new ArrayList<>();
        for (ExportNode u : layer.items("users")) {
            String userId = u.get("user").text("id");
            String person = draft.names().of(Names.PERSON, userId);
            if (person == null) {
                draft.notMapped(ref, anchor, "user " + userId + " takes turns here but is not in the export (GET /users):"
                        + " left out of the rotation, so the turns of the others come earlier");
            } else {
                participants.add(person);
            }
        }
        if (participants.isEmpty()) {
            draft.notMapped(ref, anchor, "nobody in the export takes turns in this layer: not written");
            return null;
        }
        Instant virtualStart = layer.instant("rotation_virtual_start");
        Instant start = layer.instant("start");
        if (start.isAfter(virtualStart) && (reference == null || start.isAfter(reference))) {
            draft.approximated(ref, anchor, "starts at " + start + " but counts its turns from " + virtualStart
                    + "; Firebell's rotation has someone on call from " + virtualStart);
        }
        if (end != null) {
            draft.approximated(ref, anchor, "ends at " + end + "; Firebell layers do not end: remove it then");
        }
        String name = draft.names().allocate(Names.ROTATION_OR_SCHEDULE, layerId,
                schedule + "-" + Names.slug(layer.optText("name")), schedule + "-layer");
        RotationDraft rotation = Drafts.rotation(draft, name, team, participants, shift,
                Drafts.local(virtualStart, zone), zone, ref, anchor);
        return new Drafts.PendingLayer(rotation, restrictions(layer, ref, anchor), ref);
    }

    private WeekWindows restrictions(ExportNode layer, SourceRef ref, String anchor) {
        WeekWindows windows = new WeekWindows();
        for (ExportNode r : layer.items("restrictions")) {
            LocalTime from;
            try {
                from = LocalTime.parse(r.text("start_time_of_day"));
            } catch (DateTimeParseException e) {
                throw r.get("start_time_of_day").expected("a time of day such as 08:00:00");
            }
            long seconds = r.number("duration_seconds");
            if (from.getSecond() != 0 || seconds % 60 != 0) {
                draft.approximated(ref, anchor, "restriction from " + from + " for " + seconds + " s: Firebell"
                        + " restrictions start and end on the minute");
            }
            int minute = from.getHour() * 60 + from.getMinute();
            switch (r.text("type")) {
                case "daily_restriction" -> windows.addDaily(minute, seconds / 60);
                case "weekly_restriction" -> windows.add(DayOfWeek.of((int) r.number("start_day_of_week")), minute,
                        seconds / 60);
                default -> throw r.get("type").expected("daily_restriction or weekly_restriction");
            }
        }
        return windows;
    }

    private void overrides(ExportNode schedule) {
        String name = draft.names().of(Names.ROTATION_OR_SCHEDULE, schedule.text("id"));
        if (!draft.schedules().containsKey(name)) {
            return;
        }
        List<ExportNode> overrides = export.owned("overrides", schedule.text("id"));
        boolean fromSubschedule = overrides.isEmpty();
        if (fromSubschedule) {
            overrides = schedule.get("overrides_subschedule").items("rendered_schedule_entries");
        }
        for (ExportNode o : overrides) {
            String id = fromSubschedule ? schedule.text("id") + " override " + o.text("start") : o.text("id");
            SourceRef ref = new SourceRef("override", id, null);
            String userId = o.get("user").text("id");
            String person = draft.names().of(Names.PERSON, userId);
            if (person == null) {
                draft.notMapped(ref, "overrides", "gives schedule " + name + " to user " + userId + ", who is not in"
                        + " the export");
                continue;
            }
            draft.add(new OverrideDraft(name, person, o.instant("start"), o.instant("end"), null, ref));
        }
    }
}
