package dev.firebell.oncall;

import java.time.Instant;
import java.util.Objects;

/**
 * Someone takes a rotation's (or a schedule's) shift from {@code start} until {@code end}, end excluded:
 * "bob covers alice's Thursday". Overrides are dynamic data, written by chat or the command line, not
 * by configuration. Where overrides of one source overlap, the one created last wins.
 *
 * @param source    the rotation or schedule overridden
 * @param person    who is on call instead
 * @param createdBy who asked for it (a person's id, or {@code firebell})
 */
public record ShiftOverride(String id, String source, String person, Instant start, Instant end, String createdBy,
                            Instant createdAt, String reason) {

    public ShiftOverride {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("an override must end after it starts (" + start + " to " + end + ")");
        }
    }

    public boolean covers(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    /** Later creation wins; the id breaks ties so that the order is total. */
    boolean beats(ShiftOverride other) {
        int c = createdAt.compareTo(other.createdAt);
        return c != 0 ? c > 0 : id.compareTo(other.id) > 0;
    }
}
