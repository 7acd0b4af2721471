package dev.firebell.oncall;

import dev.firebell.person.Person;
import dev.firebell.person.Team;
import dev.firebell.schedule.Layer;
import dev.firebell.schedule.Rotation;
import dev.firebell.schedule.Schedule;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who exists and how they take turns: people, teams, rotations and schedules, as configured. Rotation
 * and schedule names share one namespace (an override names either).
 */
public record OnCallConfig(Map<String, Person> people, Map<String, Team> teams, Map<String, Rotation> rotations,
                           Map<String, Schedule> schedules) {

    public OnCallConfig {
        people = Map.copyOf(people);
        teams = Map.copyOf(teams);
        rotations = Map.copyOf(rotations);
        schedules = Map.copyOf(schedules);
    }

    public static OnCallConfig empty() {
        return new OnCallConfig(Map.of(), Map.of(), Map.of(), Map.of());
    }

    public boolean isSource(String name) {
        return rotations.containsKey(name) || schedules.containsKey(name);
    }

    /** The rotation or schedule and, for a schedule, its layers' rotations: whose overrides matter. */
    public Set<String> sourcesBehind(String source) {
        Set<String> out = new LinkedHashSet<>();
        out.add(source);
        Schedule schedule = schedules.get(source);
        if (schedule != null) {
            for (Layer layer : schedule.layers()) {
                out.add(layer.rotation());
            }
        }
        return out;
    }
}
