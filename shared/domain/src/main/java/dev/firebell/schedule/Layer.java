package dev.firebell.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One layer of a schedule: a rotation, applying only inside its restrictions (always, when it has none).
 */
public record Layer(String rotation, List<Restriction> restrictions) {

    public Layer {
        Objects.requireNonNull(rotation, "rotation");
        restrictions = restrictions == null ? List.of() : List.copyOf(restrictions);
    }

    public boolean unrestricted() {
        return restrictions.isEmpty();
    }

    /** Whether the layer applies at {@code t}, its restrictions read on the schedule's wall clock. */
    public boolean appliesAt(Instant t, ZoneId zone) {
        if (restrictions.isEmpty()) {
            return true;
        }
        LocalDateTime local = LocalDateTime.ofInstant(t, zone);
        for (Restriction r : restrictions) {
            if (r.contains(local)) {
                return true;
            }
        }
        return false;
    }
}
