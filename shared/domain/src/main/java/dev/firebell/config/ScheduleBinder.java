package dev.firebell.config;

import static dev.firebell.config.ConfigNames.bindEach;
import static dev.firebell.config.ConfigNames.checkPerson;
import static dev.firebell.config.ConfigNames.require;
import static dev.firebell.config.ConfigValues.date;
import static dev.firebell.config.ConfigValues.days;
import static dev.firebell.config.ConfigValues.minuteOfDay;
import static dev.firebell.config.ConfigValues.time;
import static dev.firebell.config.ConfigValues.zone;

import dev.firebell.person.Person;
import dev.firebell.person.Team;
import dev.firebell.schedule.Layer;
import dev.firebell.schedule.Restriction;
import dev.firebell.schedule.Rotation;
import dev.firebell.schedule.Schedule;
import dev.firebell.schedule.ShiftLength;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds the rotations (people taking turns) and schedules (layers of rotations, each with optional restrictions)
 * sections, checking each layer's rotation and naming a layer that can never be on call.
 */
final class ScheduleBinder {

    private ScheduleBinder() {
    }

    static Map<String, Rotation> rotations(ConfigNode section, Map<String, Person> people, Map<String, Team> teams) {
        return bindEach(section, "rotation", Set.of("team", "description", "participants", "shift", "handoff",
                "timeZone", "start"), (name, r) -> rotation(name, r, people, teams));
    }

    private static Rotation rotation(String name, ConfigNode r, Map<String, Person> people, Map<String, Team> teams) {
        String team = r.get("team").string(null);
        if (team != null) {
            require(r.get("team"), team, teams.keySet(), "team", "teams");
        }
        List<String> participants = new ArrayList<>();
        ConfigNode list = r.get("participants");
        if (list.isMissing() || (list.raw() instanceof List<?> l && l.isEmpty())) {
            list.problem("is required: list the people who take turns, in order");
        }
        for (ConfigNode p : list.items()) {
            String person = p.requiredString();
            if (person != null && checkPerson(p, person, people)) {
                participants.add(person);
            }
        }
        ShiftLength shift = r.get("shift").isMissing() ? null : r.get("shift").parse(ShiftLength::parse, null);
        if (r.get("shift").isMissing()) {
            r.get("shift").problem("is required: hourly, daily, weekly, or a length such as 12h, 3d, 2w");
        }
        LocalTime handoff = time(r.get("handoff"), LocalTime.of(9, 0));
        ZoneId zone = zone(r.get("timeZone"), true);
        LocalDate start = date(r.get("start"));
        if (participants.isEmpty() || shift == null || handoff == null || zone == null || start == null) {
            return null;
        }
        return new Rotation(name, participants, shift, handoff, zone, start);
    }

    static Map<String, Schedule> schedules(ConfigNode section, Map<String, Rotation> rotations) {
        return bindEach(section, "schedule", Set.of("team", "description", "timeZone", "layers"),
                (name, s) -> schedule(name, s, rotations));
    }

    private static Schedule schedule(String name, ConfigNode s, Map<String, Rotation> rotations) {
        if (rotations.containsKey(name)) {
            s.problem("'" + name + "' is also a rotation; rotations and schedules share names (an override"
                    + " names either), so give the schedule another name");
        }
        ZoneId zone = zone(s.get("timeZone"), true);
        List<Layer> layers = new ArrayList<>();
        List<ConfigNode> layerNodes = s.get("layers").items();
        if (layerNodes.isEmpty()) {
            s.get("layers").problem("is required: list at least one layer ('- rotation: <name>')");
        }
        for (ConfigNode l : layerNodes) {
            layers.add(layer(l, rotations));
        }
        checkShadowedLayers(layerNodes, layers, rotations);
        return zone == null || layers.isEmpty() ? null : new Schedule(name, zone, layers);
    }

    private static Layer layer(ConfigNode l, Map<String, Rotation> rotations) {
        l.allowOnly(Set.of("rotation", "restrictions"));
        String rotation = l.get("rotation").requiredString();
        if (rotation != null) {
            require(l.get("rotation"), rotation, rotations.keySet(), "rotation", "rotations");
        }
        List<Restriction> restrictions = new ArrayList<>();
        for (ConfigNode rn : l.get("restrictions").items()) {
            Restriction r = restriction(rn);
            if (r == null) {
                continue;
            }
            for (int j = 0; j < restrictions.size(); j++) {
                if (restrictions.get(j).overlaps(r)) {
                    rn.problem("overlaps restriction " + (j + 1) + " of this layer (" + restrictions.get(j)
                            + " and " + r + "); merge them into one");
                }
            }
            restrictions.add(r);
        }
        return new Layer(rotation == null ? "" : rotation, restrictions);
    }

    /** A layer below an unrestricted one that started no later can never be on call: a mistake worth naming. */
    private static void checkShadowedLayers(List<ConfigNode> nodes, List<Layer> layers, Map<String, Rotation> rotations) {
        for (int i = 0; i < layers.size(); i++) {
            Rotation lower = rotations.get(layers.get(i).rotation());
            for (int j = 0; j < i; j++) {
                Rotation upper = rotations.get(layers.get(j).rotation());
                if (lower == null || upper == null || !layers.get(j).unrestricted()) {
                    continue;
                }
                if (!upper.handoff(0).isAfter(lower.handoff(0))) {
                    nodes.get(i).problem("layer " + (i + 1) + " (" + lower.name() + ") is never on call: layer " + (j + 1)
                            + " (" + upper.name() + ") above it has no restrictions and started no later, and the"
                            + " first layer listed that has someone wins; give layer " + (j + 1)
                            + " restrictions or remove layer " + (i + 1));
                    break;
                }
            }
        }
    }

    private static Restriction restriction(ConfigNode r) {
        r.allowOnly(Set.of("days", "from", "to"));
        Set<DayOfWeek> days = days(r.get("days"));
        Integer from = minuteOfDay(r.get("from"), false);
        Integer to = minuteOfDay(r.get("to"), true);
        if (days == null || from == null || to == null) {
            return null;
        }
        try {
            return new Restriction(days, from, to);
        } catch (IllegalArgumentException e) {
            r.problem(e.getMessage());
            return null;
        }
    }
}
