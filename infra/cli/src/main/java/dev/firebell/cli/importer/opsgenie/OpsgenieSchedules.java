package dev.firebell.cli.importer.opsgenie;

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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Opsgenie schedules: each rotation becomes a Firebell rotation (turns counted from its start date on the
 * schedule's clock) and a layer with its time restrictions. Opsgenie notifies the on-call people of every
 * rotation at once; Firebell pages one person per schedule, so where rotations overlap the most specific is
 * listed first and the overlap is reported. The final timeline, when exported, is kept to compare.
 */
final class OpsgenieSchedules {

    private final OpsgenieExport export;
    private final ConfigDraft draft;

    OpsgenieSchedules(OpsgenieExport export, ConfigDraft draft) {
        this.export = export;
        this.draft = draft;
        for (ExportNode schedule : export.index.all(OpsgenieExport.SCHEDULE)) {
            draft.names().allocate(Names.ROTATION_OR_SCHEDULE, schedule.text("id"), schedule.optText("name"));
        }
    }

    void timelines() {
        export.timelines.forEach((id, timeline) -> {
            String name = draft.names().of(Names.ROTATION_OR_SCHEDULE, id);
            if (name == null) {
                return;
            }
            List<SourceShift> shifts = new ArrayList<>();
            for (ExportNode rotation : timeline.get("finalTimeline").items("rotations")) {
                for (ExportNode period : rotation.items("periods")) {
                    List<ExportNode> recipients = period.has("recipient") ? List.of(period.get("recipient"))
                            : period.items("flattenedRecipients");
                    for (ExportNode r : recipients) {
                        if ("user".equals(r.optText("type"))) {
                            shifts.add(new SourceShift(draft.names().of(Names.PERSON, r.text("id")), "user "
                                    + r.optText("name"), period.instant("startDate"), period.instant("endDate")));
                        }
                    }
                }
            }
            SourceRef ref = new SourceRef("schedule", id, timeline.get("_parent").optText("name"));
            draft.add(new ConfigDraft.SourceShifts(name, ref, "final timeline", timeline.instant("startDate"),
                    timeline.instant("endDate"), true, shifts));
        });
    }

    private record Pending(String label, Drafts.PendingLayer layer) {
    }

    void schedules() {
        Instant reference = draft.reference();
        for (ExportNode schedule : export.index.all(OpsgenieExport.SCHEDULE)) {
            ConfigDraft.Entry e = draft.entry("schedules", "schedule", schedule.text("id"), schedule.optText("name"));
            ZoneId zone = Drafts.zone(draft, schedule.optText("timezone"), e.ref());
            if (zone == null) {
                continue;
            }
            if (!schedule.get("rotations").isArray()) {
                draft.notMapped(e.ref(), null, "exported without its rotations: export GET /v2/schedules?expand=rotation:"
                        + " not written");
                continue;
            }
            if (!schedule.bool("enabled", true)) {
                draft.approximated(e, "disabled in Opsgenie; Firebell pages through it wherever a policy"
                        + " names it");
            }
            String team = schedule.get("ownerTeam").isObject()
                    ? draft.names().of(Names.TEAM, schedule.get("ownerTeam").optText("id")) : null;
            List<Pending> pending = new ArrayList<>();
            List<ExportNode> rotations = schedule.items("rotations");
            for (int i = 0; i < rotations.size(); i++) {
                Drafts.PendingLayer layer = rotation(rotations.get(i), e.name(), team, zone, reference, e.anchor());
                if (layer != null) {
                    pending.add(new Pending(String.format(Locale.ROOT, "%03d", i), layer));
                }
            }
            // Opsgenie notifies every rotation's person; Firebell one: the most specific first, overlaps said.
            pending.sort(Comparator.comparingInt((Pending p) -> p.layer().windows().minutesCovered())
                    .thenComparing(Pending::label));
            for (int i = 0; i < pending.size(); i++) {
                for (int j = i + 1; j < pending.size(); j++) {
                    Drafts.PendingLayer a = pending.get(i).layer();
                    Drafts.PendingLayer b = pending.get(j).layer();
                    if (a.windows().overlaps(b.windows())) {
                        draft.approximated(b.source(), e.anchor(), "on call at the same time as rotation " + a.rotation().name()
                                + " in Opsgenie, which notifies both; Firebell pages one: " + a.rotation().name()
                                + ", listed first");
                    }
                }
            }
            List<LayerDraft> layers = Drafts.layers(draft, pending.stream().map(Pending::layer).toList(), e.anchor());
            if (layers.isEmpty()) {
                draft.notMapped(e.ref(), null, "no rotation of schedule '" + schedule.optText("name") + "' could be imported:"
                        + " not written");
                continue;
            }
            draft.add(new ConfigDraft.ScheduleDraft(e.name(), team, zone, layers, e.ref()));
            overrides(schedule, e.name());
        }
    }

    private Drafts.PendingLayer rotation(ExportNode rotation, String schedule, String team, ZoneId zone,
                                        Instant reference, String anchor) {
        SourceRef ref = new SourceRef("rotation", rotation.text("id"), rotation.optText("name"));
        Instant end = rotation.optInstant("endDate");
        if (end != null && reference != null && !end.isAfter(reference)) {
            draft.leftOut(ref, anchor, "ended at " + end + ", before " + reference);
            return null;
        }
        long length = rotation.optNumber("length") == null ? 1 : rotation.number("length");
        String type = rotation.text("type");
        ShiftLength shift = switch (type) {
            case "hourly" -> Drafts.shift(Duration.ofHours(length));
            case "daily" -> Drafts.shift(Duration.ofDays(length));
            case "weekly" -> Drafts.shift(Duration.ofDays(7 * length));
            default -> throw rotation.get("type").expected("hourly, daily or weekly");
        };
        if (shift == null) {
            draft.notMapped(ref, anchor, "turns of " + length + " " + type + " units: Firebell shifts are up to 90"
                    + " days: not written");
            return null;
        }
        List<String> participants = new ArrayList<>();
        for (ExportNode p : rotation.items("participants")) {
            String kind = p.text("type");
            String person = "user".equals(kind) ? draft.names().of(Names.PERSON, p.optText("id")) : null;
            if (person != null) {
                participants.add(person);
                continue;
            }
            String who = "none".equals(kind) ? "a turn of nobody" : "user".equals(kind)
                    ? "user " + p.optText("username") + ", who is not in the export," : kind + " "
                    + (p.optText("name") == null ? p.optText("id") : p.optText("name"));
            draft.approximated(ref, anchor, who + " takes a turn here: Firebell rotations are turns of people, so it"
                    + " is left out and the turns after it come earlier");
        }
        if (participants.isEmpty()) {
            draft.notMapped(ref, anchor, "nobody in the export takes turns in this rotation: not written");
            return null;
        }
        if (end != null) {
            draft.approximated(ref, anchor, "ends at " + end + "; Firebell rotations do not end: remove it then");
        }
        String name = draft.names().allocate(Names.ROTATION_OR_SCHEDULE, rotation.text("id"),
                schedule + "-" + Names.slug(rotation.optText("name")), schedule + "-rotation");
        RotationDraft r = Drafts.rotation(draft, name, team, participants, shift,
                Drafts.local(rotation.instant("startDate"), zone), zone, ref, anchor);
        return new Drafts.PendingLayer(r, restrictions(rotation.get("timeRestriction")), ref);
    }

    private static WeekWindows restrictions(ExportNode restriction) {
        WeekWindows windows = new WeekWindows();
        if (!restriction.isObject()) {
            return windows;
        }
        if ("time-of-day".equals(restriction.optText("type"))) {
            ExportNode r = restriction.get("restriction");
            int from = (int) (r.number("startHour") * 60 + minute(r, "startMin"));
            int to = (int) (r.number("endHour") * 60 + minute(r, "endMin"));
            windows.addDaily(from, to > from ? to - from : 24 * 60 - from + to);
            return windows;
        }
        for (ExportNode r : restriction.items("restrictions")) {
            DayOfWeek startDay = day(r.get("startDay"));
            DayOfWeek endDay = day(r.get("endDay"));
            int from = (startDay.getValue() - 1) * 24 * 60 + (int) (r.number("startHour") * 60 + minute(r, "startMin"));
            int to = (endDay.getValue() - 1) * 24 * 60 + (int) (r.number("endHour") * 60 + minute(r, "endMin"));
            int length = to > from ? to - from : 7 * 24 * 60 - from + to;
            windows.add(startDay, from % (24 * 60), length);
        }
        return windows;
    }

    private static long minute(ExportNode r, String key) {
        return r.optNumber(key) == null ? 0 : r.number(key);
    }

    private static DayOfWeek day(ExportNode node) {
        try {
            return DayOfWeek.valueOf(node.text().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw node.expected("a day such as monday");
        }
    }

    private void overrides(ExportNode schedule, String name) {
        for (ExportNode o : export.overrides(schedule.text("id"))) {
            SourceRef ref = new SourceRef("override", o.optText("alias") == null ? schedule.text("id") + " "
                    + o.text("startDate") : o.text("alias"), null);
            ExportNode user = o.get("user");
            String person = "user".equals(user.optText("type")) ? draft.names().of(Names.PERSON, user.optText("id")) : null;
            if (person == null) {
                draft.notMapped(ref, "overrides", "gives schedule " + name + " to " + user.optText("type") + " "
                        + (user.optText("username") == null ? "" : user.optText("username")) + ": a Firebell override"
                        + " names a person of the configuration");
                continue;
            }
            List<String> sources = new ArrayList<>();
            for (ExportNode r : o.items("rotations")) {
                String rotation = draft.names().of(Names.ROTATION_OR_SCHEDULE, r.optText("id"));
                if (rotation != null && draft.rotations().containsKey(rotation)) {
                    sources.add(rotation);
                } else {
                    draft.notMapped(ref, "overrides", "overrides rotation " + r.optText("name") + ", which was not"
                            + " imported");
                }
            }
            if (sources.isEmpty() && o.items("rotations").isEmpty()) {
                sources.add(name);
            }
            for (String source : sources) {
                draft.add(new OverrideDraft(source, person, o.instant("startDate"), o.instant("endDate"), null, ref));
            }
        }
    }
}
