package dev.firebell.schedule;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Layers of rotations. <b>Overlap rule: the first layer listed that applies and has someone on call
 * wins</b>; where it has nobody (outside its restrictions, or before its rotation starts) the next
 * layer shows through, and where no layer has anyone there is a gap. Overrides of the schedule beat
 * every layer; overrides of a layer's rotation count as that rotation's on-call person.
 *
 * @param zone the time zone the layers' restrictions are read in
 */
public record Schedule(String name, ZoneId zone, List<Layer> layers) {

    public Schedule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("schedule " + name + " has no layers");
        }
    }
}
