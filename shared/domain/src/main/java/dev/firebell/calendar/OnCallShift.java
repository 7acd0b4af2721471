package dev.firebell.calendar;

import dev.firebell.oncall.ShiftOverride;
import java.time.Instant;
import java.util.Objects;

/**
 * One person's stretch on call for one rotation or schedule, as calendars and the person's page show it.
 *
 * @param source       the rotation or schedule
 * @param schedule     whether {@code source} is a schedule (else a rotation)
 * @param person       who is on call
 * @param start        when it starts; for a shift that began before anything looked (a rotation of one person), the
 *                     start of the window looked at, with {@code openStart} set
 * @param end          when it ends (excluded); for a shift that does not end within the window looked at, its end
 * @param openStart    whether {@code start} is the window's rather than the shift's own
 * @param override     the override that put the person there, or null when the rotation (or a layer) did
 * @param covers       whom the override replaces (who the rotation or layers would have had), or null
 * @param handoffFrom  who was on call just before (null: nobody, or unknown)
 * @param handoffTo    who is on call just after (null: nobody, or unknown)
 */
public record OnCallShift(String source, boolean schedule, String person, Instant start, Instant end,
                          boolean openStart, ShiftOverride override, String covers, String handoffFrom,
                          String handoffTo) {

    public OnCallShift {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public boolean isOverride() {
        return override != null;
    }
}
