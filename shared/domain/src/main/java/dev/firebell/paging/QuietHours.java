package dev.firebell.paging;

import dev.firebell.person.Daytime;
import dev.firebell.person.Person;
import dev.firebell.routing.Severity;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * Low-severity incidents wait for the paged person's daytime instead of waking them: a page to a
 * person outside their daytime (their own, or this default, on their own clock) is held until daytime
 * starts. Severities not listed page at once. Raw SNS targets have no clock and are never held.
 */
public record QuietHours(Set<Severity> severities, Daytime daytime) {

    public static final QuietHours NONE = new QuietHours(Set.of(), new Daytime(LocalTime.of(8, 0), LocalTime.of(20, 0)));

    public QuietHours {
        severities = severities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(severities));
    }

    /** When a page about an incident of this severity may reach the person: {@code now}, or later. */
    public Instant deliverAt(Severity severity, Person person, Instant now) {
        if (!severities.contains(severity)) {
            return now;
        }
        Daytime theirs = person.daytime() != null ? person.daytime() : daytime;
        return theirs.nextDaytime(now, person.timeZone());
    }
}
