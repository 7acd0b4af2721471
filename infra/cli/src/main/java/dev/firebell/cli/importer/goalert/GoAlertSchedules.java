package dev.firebell.cli.importer.goalert;

import dev.firebell.cli.importer.ConfigDraft;
import dev.firebell.cli.importer.ConfigDraft.LayerDraft;
import dev.firebell.cli.importer.ConfigDraft.OverrideDraft;
import dev.firebell.cli.importer.ConfigDraft.RotationDraft;
import dev.firebell.cli.importer.ConfigDraft.SourceShift;
import dev.firebell.cli.importer.Drafts;
import dev.firebell.cli.importer.ExportIndex;
import dev.firebell.cli.importer.ExportNode;
import dev.firebell.cli.importer.Names;
import dev.firebell.cli.importer.SourceRef;
import dev.firebell.cli.importer.WeekWindows;
import dev.firebell.schedule.ShiftLength;
import dev.firebell.schedule.WallClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * GoAlert rotations and schedules. A rotation's current turn is state in GoAlert (who is active, and the next
 * hand-offs): the Firebell rotation is anchored on the current turn so that the same person is on call and
 * hands off at the same time. A schedule's rules become layers with restrictions; GoAlert pages everyone its
 * rules make active, Firebell one person, so where two targets' rules overlap the first layer listed wins and
 * that is reported. Temporary schedules and "replace" overrides become overrides.
 */
final class GoAlertSchedules {

    /** A user a schedule names directly becomes a one-person rotation that has always started. */
    private static final LocalDate ALWAYS = LocalDate.of(2000, 1, 3);

    private final ExportIndex index;
    private final ConfigDraft draft;

    GoAlertSchedules(ExportIndex index, ConfigDraft draft) {
        this.index = index;
        this.draft = draft;
        for (ExportNode rotation : index.all(GoAlertImporter.ROTATIONS)) {
            draft.names().allocate(Names.ROTATION_OR_SCHEDULE, rotation.text("id"), rotation.optText("name"));
        }
        for (ExportNode schedule : index.all(GoAlertImporter.SCHEDULES)) {
            draft.names().allocate(Names.ROTATION_OR_SCHEDULE, schedule.text("id"), schedule.optText("name"));
        }
    }

    /** The shifts GoAlert computed for each schedule over the queried period, to compare. */
    void shifts() {
        for (ExportNode schedule : index.all(GoAlertImporter.SCHEDULES)) {
            shifts(schedule);
        }
    }

    void rotations() {
        Instant reference = draft.reference();
        for (ExportNode rotation : index.all(GoAlertImporter.ROTATIONS)) {
            rotation(rotation, reference);
        }
    }

    private void rotation(ExportNode rotation, Instant reference) {
        ConfigDraft.Entry e = draft.entry("rotations", "rotation", rotation.text("id"), rotation.optText("name"));
        ZoneId zone = Drafts.zone(draft, rotation.optText("timeZone"), e.ref());
        if (zone == null) {
            return;
        }
        long length = rotation.number("shiftLength");
        String type = rotation.text("type");
        ShiftLength shift = switch (type) {
            case "hourly" -> Drafts.shift(Duration.ofHours(length));
            case "daily" -> Drafts.shift(Duration.ofDays(length));
            case "weekly" -> Drafts.shift(Duration.ofDays(7 * length));
            default -> null;
        };
        if (shift == null) {
            draft.notMapped(e.ref(), null, (type.equals("monthly") ? "monthly turns" : "turns of " + length + " " + type
                    + " units") + ": Firebell shifts are whole hours or days, up to 90 days: not written");
            return;
        }
        List<ExportNode> users = rotation.items("userIDs");
        if (users.isEmpty()) {
            draft.notMapped(e.ref(), null, "has nobody taking turns: not written");
            return;
        }
        // The current turn's person goes first; the Firebell rotation starts with the current turn.
        int active = (int) Math.floorMod(rotation.number("activeUserIndex"), (long) users.size());
        List<String> participants = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            String userId = users.get((active + i) % users.size()).text();
            String person = draft.names().of(Names.PERSON, userId);
            if (person == null) {
                draft.notMapped(e, "user " + userId + " takes turns here but is not in the export: left out");
            } else {
                participants.add(person);
            }
        }
        if (participants.isEmpty()) {
            return;
        }
        LocalDateTime turnStart;
        List<ExportNode> next = rotation.items("nextHandoffTimes");
        if (!next.isEmpty()) {
            Instant end = Instant.parse(next.get(0).text());
            turnStart = shift.after(Drafts.local(end, zone), -1);
        } else {
            turnStart = Drafts.local(rotation.instant("start"), zone);
            draft.approximated(e, "exported without nextHandoffTimes: assumes " + participants.get(0)
                    + " was on call from the rotation's start; GoAlert keeps whose turn it is as state");
        }
        // Count back whole cycles (the same person's turn) to start before the period imported.
        while (reference != null && WallClock.instant(turnStart, zone).isAfter(reference)) {
            turnStart = shift.after(turnStart, -participants.size());
        }
        draft.add(Drafts.rotation(draft, e.name(), null, participants, shift, turnStart, zone, e.ref(), e.anchor()));
    }

    void schedules() {
        for (ExportNode schedule : index.all(GoAlertImporter.SCHEDULES)) {
            schedule(schedule);
        }
        for (ExportNode override : index.all(GoAlertImporter.OVERRIDES)) {
            override(override);
        }
    }

    private void shifts(ExportNode schedule) {
        if (!schedule.get("shifts").isArray()) {
            return;
        }
        List<SourceShift> shifts = new ArrayList<>();
        Instant queriedEnd = null;
        for (ExportNode s : schedule.items("shifts")) {
            String userId = s.text("userID");
            Instant end = Instant.parse(s.text("end"));
            shifts.add(new SourceShift(draft.names().of(Names.PERSON, userId), "user " + userId,
                    Instant.parse(s.text("start")), end));
            if (s.bool("truncated", false)) {
                // GoAlert cuts the shifts still running at the end of the queried period there.
                queriedEnd = end;
            }
        }
        draft.add(new ConfigDraft.SourceShifts(draft.names().of(Names.ROTATION_OR_SCHEDULE, schedule.text("id")),
                ref(schedule), "shifts", null, queriedEnd, false, shifts));
    }

    private static SourceRef ref(ExportNode schedule) {
        return new SourceRef("schedule", schedule.text("id"), schedule.optText("name"));
    }

    private record Target(String label, RotationDraft rotation, WeekWindows windows, SourceRef ref) {
    }

    private void schedule(ExportNode schedule) {
        ConfigDraft.Entry e = draft.entry("schedules", "schedule", schedule.text("id"), schedule.optText("name"));
        ZoneId zone = Drafts.zone(draft, schedule.optText("timeZone"), e.ref());
        if (zone == null) {
            return;
        }
        List<Target> targets = new ArrayList<>();
        for (ExportNode t : schedule.items("targets")) {
            Target target = target(t, e.name(), zone, e.anchor());
            if (target != null) {
                targets.add(target);
            }
        }
        // GoAlert pages everyone active; Firebell one: the most specific target first, and overlaps said.
        targets.sort(Comparator.comparingInt((Target t) -> t.windows().minutesCovered()).thenComparing(Target::label));
        for (int i = 0; i < targets.size(); i++) {
            for (int j = i + 1; j < targets.size(); j++) {
                if (targets.get(i).windows().overlaps(targets.get(j).windows())) {
                    draft.approximated(targets.get(j).ref(), e.anchor(), "on call at the same time as " + targets.get(i).label()
                            + " in GoAlert, which pages both; Firebell pages one: " + targets.get(i).label()
                            + ", listed first");
                }
            }
        }
        List<Drafts.PendingLayer> pending = targets.stream()
                .map(t -> new Drafts.PendingLayer(t.rotation(), t.windows(), t.ref())).toList();
        List<LayerDraft> layers = Drafts.layers(draft, pending, e.anchor());
        if (layers.isEmpty()) {
            draft.notMapped(e.ref(), null, "no rule of schedule '" + schedule.optText("name") + "' could be imported: not"
                    + " written");
            return;
        }
        if (!schedule.items("onCallNotificationRules").isEmpty()) {
            draft.notMapped(e, "announces who is on call (on-call notification rules): Firebell does not"
                    + " announce shifts");
        }
        draft.add(new ConfigDraft.ScheduleDraft(e.name(), null, zone, layers, e.ref()));
        temporarySchedules(schedule, e.name(), e.anchor());
    }

    private Target target(ExportNode t, String schedule, ZoneId zone, String anchor) {
        ExportNode target = t.get("target");
        String type = target.text("type");
        String id = target.text("id");
        SourceRef ref = new SourceRef("schedule target", id, target.optText("name"));
        RotationDraft rotation;
        if ("rotation".equals(type)) {
            rotation = draft.rotations().get(draft.names().of(Names.ROTATION_OR_SCHEDULE, id));
            if (rotation == null) {
                draft.notMapped(ref, anchor, "rules for rotation " + id + ", which was not imported");
                return null;
            }
        } else if ("user".equals(type) && draft.names().of(Names.PERSON, id) != null) {
            String person = draft.names().of(Names.PERSON, id);
            String name = draft.names().allocate(Names.ROTATION_OR_SCHEDULE, schedule + "/" + id, schedule + "-" + person);
            rotation = new RotationDraft(name, null, List.of(person), new ShiftLength(7, ShiftLength.Unit.DAYS),
                    LocalTime.MIDNIGHT, zone, ALWAYS, ref);
        } else {
            draft.notMapped(ref, anchor, "rules for " + type + " " + id + ", which was not imported");
            return null;
        }
        WeekWindows windows = new WeekWindows();
        boolean always = false;
        for (ExportNode rule : t.items("rules")) {
            int from = clock(rule.get("start"));
            int to = clock(rule.get("end"));
            List<ExportNode> days = rule.items("weekdayFilter");
            if (days.size() != 7) {
                throw rule.get("weekdayFilter").expected("7 booleans, Sunday first");
            }
            boolean every = true;
            for (int d = 0; d < 7; d++) {
                every &= days.get(d).bool();
            }
            if (every && from == to) {
                always = true;
            }
            for (int d = 0; d < 7; d++) {
                if (days.get(d).bool()) {
                    int length = to > from ? to - from : 24 * 60 - from + to;
                    windows.add(d == 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(d), from, length);
                }
            }
        }
        if (!always && windows.unrestricted() && t.items("rules").isEmpty()) {
            draft.leftOut(ref, anchor, "has no rule: never on call");
            return null;
        }
        return new Target(rotation.name(), rotation, always ? new WeekWindows() : windows, ref);
    }

    private static int clock(ExportNode node) {
        try {
            LocalTime t = LocalTime.parse(node.text());
            return t.getHour() * 60 + t.getMinute();
        } catch (DateTimeParseException e) {
            throw node.expected("a clock time such as 09:00");
        }
    }

    private void temporarySchedules(ExportNode schedule, String name, String anchor) {
        for (ExportNode temp : schedule.items("temporarySchedules")) {
            Instant start = Instant.parse(temp.text("start"));
            Instant end = Instant.parse(temp.text("end"));
            SourceRef ref = new SourceRef("temporary schedule", schedule.text("id") + " " + start, null);
            List<ExportNode> shifts = new ArrayList<>(temp.items("shifts"));
            shifts.sort(Comparator.comparing(s -> Instant.parse(s.text("start"))));
            Instant covered = start;
            for (ExportNode s : shifts) {
                Instant from = Instant.parse(s.text("start"));
                Instant to = Instant.parse(s.text("end"));
                if (from.isAfter(covered)) {
                    draft.notMapped(ref, "overrides", "nobody on call from " + covered + " to " + from + ": a Firebell"
                            + " override always names someone, so the schedule's own shifts apply then");
                } else if (from.isBefore(covered)) {
                    draft.approximated(ref, "overrides", "several people on call at once from " + from + " to " + covered
                            + ": Firebell's later override wins");
                }
                String person = draft.names().of(Names.PERSON, s.text("userID"));
                if (person == null) {
                    draft.notMapped(ref, "overrides", "gives a shift to user " + s.text("userID") + ", who is not in the"
                            + " export");
                } else {
                    draft.add(new OverrideDraft(name, person, from, to, null, ref));
                }
                covered = to.isAfter(covered) ? to : covered;
            }
            if (covered.isBefore(end)) {
                draft.notMapped(ref, "overrides", "nobody on call from " + covered + " to " + end + ": a Firebell"
                        + " override always names someone, so the schedule's own shifts apply then");
            }
        }
    }

    private void override(ExportNode override) {
        SourceRef ref = new SourceRef("user override", override.text("id"), null);
        ExportNode target = override.get("target");
        String source = "schedule".equals(target.optText("type"))
                ? draft.names().of(Names.ROTATION_OR_SCHEDULE, target.text("id")) : null;
        if (source == null || !draft.schedules().containsKey(source)) {
            draft.notMapped(ref, "overrides", "applies to " + target.optText("type") + " " + target.optText("id")
                    + ", which was not imported as a schedule");
            return;
        }
        String add = Drafts.blankToNull(override.optText("addUserID"));
        String remove = Drafts.blankToNull(override.optText("removeUserID"));
        Instant start = Instant.parse(override.text("start"));
        Instant end = Instant.parse(override.text("end"));
        if (add == null || remove == null) {
            draft.notMapped(ref, "overrides", (add == null ? "removes " + who(remove) + " from" : "adds " + who(add) + " to")
                    + " schedule " + source + " from " + start + " to " + end + ": Firebell has one person on call,"
                    + " an override replaces whoever it is (only replace overrides map)");
            return;
        }
        String person = draft.names().of(Names.PERSON, add);
        String replaced = draft.names().of(Names.PERSON, remove);
        if (person == null || replaced == null) {
            draft.notMapped(ref, "overrides", "names a user who is not in the export");
            return;
        }
        draft.add(new OverrideDraft(source, person, start, end, replaced, ref));
    }

    private String who(String userId) {
        String person = draft.names().of(Names.PERSON, userId);
        return person != null ? person : "user " + userId;
    }
}
