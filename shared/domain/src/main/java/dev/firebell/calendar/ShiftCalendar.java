package dev.firebell.calendar;

import dev.firebell.link.SecretTokens;
import dev.firebell.oncall.OnCallConfig;
import dev.firebell.person.Person;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A feed's shifts as an RFC 5545 calendar (docs/adr/0123): one VEVENT per shift in UTC, published for subscription.
 * An event's UID comes from the feed's subject, the rotation or schedule and the shift's own start, so that every
 * fetch gives an unchanged shift the same UID and a changed one (a later end, another person by override) replaces
 * the event it was.
 */
public final class ShiftCalendar {

    static final String PRODID = "-//Firebell//On-call shifts//EN";
    static final String UID_DOMAIN = "@firebell";
    /**
     * A published event names its organizer (RFC 5546); Firebell has no mailbox, so an address under the reserved
     * {@code .invalid} domain that nothing can write to.
     */
    static final String ORGANIZER = "ORGANIZER;CN=Firebell";
    static final String ORGANIZER_ADDRESS = "mailto:no-reply@firebell.invalid";

    private ShiftCalendar() {
    }

    /**
     * @param config  people's names come from it
     * @param refresh how often calendar apps are asked to fetch again
     * @param now     the DTSTAMP of every event
     */
    public static String render(OnCallConfig config, FeedSubject subject, List<OnCallShift> shifts, Instant now,
                                Duration refresh) {
        ICalendarWriter ics = new ICalendarWriter()
                .begin("VCALENDAR")
                .property("VERSION", "2.0")
                .property("PRODID", PRODID)
                .property("CALSCALE", "GREGORIAN")
                .property("METHOD", "PUBLISH")
                .text("X-WR-CALNAME", calendarName(config, subject))
                .text("X-WR-CALDESC", "On-call shifts from Firebell, times in UTC; overrides included.")
                .property("REFRESH-INTERVAL;VALUE=DURATION", refresh.toString())
                .property("X-PUBLISHED-TTL", refresh.toString());
        for (OnCallShift shift : shifts) {
            ics.begin("VEVENT")
                    .property("UID", uid(subject, shift))
                    .utc("DTSTAMP", now)
                    .property(ORGANIZER, ORGANIZER_ADDRESS)
                    .utc("DTSTART", shift.start())
                    .utc("DTEND", shift.end())
                    .text("SUMMARY", summary(config, subject, shift))
                    .text("DESCRIPTION", description(config, shift))
                    .property("TRANSP", "TRANSPARENT")
                    .property("STATUS", "CONFIRMED")
                    .property("SEQUENCE", "0")
                    .end("VEVENT");
        }
        return ics.end("VCALENDAR").toString();
    }

    /** What calendar apps name the subscription. */
    public static String calendarName(OnCallConfig config, FeedSubject subject) {
        return switch (subject.kind()) {
            case PERSON -> "Firebell: " + name(config, subject.name()) + " on call";
            case ROTATION -> "Firebell: rotation " + subject.name();
            case SCHEDULE -> "Firebell: schedule " + subject.name();
        };
    }

    /** Stable per subject, source and shift start: the same shift read again is the same event. */
    static String uid(FeedSubject subject, OnCallShift shift) {
        String start = shift.openStart() ? "open" : shift.start().toString();
        String hash = SecretTokens.hash(subject.key() + "\n" + shift.source() + "\n" + start);
        return hash.substring(0, 32) + UID_DOMAIN;
    }

    static String summary(OnCallConfig config, FeedSubject subject, OnCallShift shift) {
        String override = shift.isOverride() ? " (override)" : "";
        return subject.kind() == FeedSubject.Kind.PERSON
                ? "On call: " + shift.source() + override
                : name(config, shift.person()) + " on call" + override;
    }

    static String description(OnCallConfig config, OnCallShift shift) {
        List<String> lines = new ArrayList<>();
        lines.add(name(config, shift.person()) + " on call for " + (shift.schedule() ? "schedule " : "rotation ")
                + shift.source() + ".");
        if (shift.isOverride()) {
            String reason = shift.override().reason();
            lines.add("Override" + (shift.covers() == null ? "" : ": covers " + name(config, shift.covers()))
                    + (reason == null || reason.isBlank() ? "" : " (" + reason + ")")
                    + (shift.override().createdBy() == null ? "" : ", set by " + name(config,
                    shift.override().createdBy())) + ".");
        }
        if (shift.handoffFrom() != null) {
            lines.add("Hand-off from " + name(config, shift.handoffFrom()) + ".");
        }
        if (shift.handoffTo() != null) {
            lines.add("Hand-off to " + name(config, shift.handoffTo()) + ".");
        }
        return String.join("\n", lines);
    }

    /** A person's name as configured, else the id. */
    public static String name(OnCallConfig config, String personId) {
        Person person = config.people().get(personId);
        return person == null ? personId : person.name();
    }
}
