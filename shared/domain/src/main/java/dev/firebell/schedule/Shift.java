package dev.firebell.schedule;

import java.time.Instant;

/**
 * Someone (or nobody) on call from {@code start} until {@code end}, end excluded.
 *
 * @param person the person's id, or null for a gap where nobody is on call
 * @param start  null when it started before anything looked at (e.g. the gap before a rotation starts)
 * @param end    null when nothing changes within the horizon looked at
 */
public record Shift(String person, Instant start, Instant end) {

    public boolean isGap() {
        return person == null;
    }

    public boolean contains(Instant t) {
        return (start == null || !t.isBefore(start)) && (end == null || t.isBefore(end));
    }
}
