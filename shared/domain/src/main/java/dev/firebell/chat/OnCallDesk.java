package dev.firebell.chat;

import dev.firebell.incident.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Port: the on-call side of chat commands ({@code oncall}, {@code override}, {@code maintenance},
 * {@code escalate}), implemented by the on-call feature ({@link OnCallDeskService}).
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>{@code whoIsOnCall}, {@code takeShift} and {@code startMaintenance} are called inline, inside Slack's
 *       3-second budget (ADR 31): a few reads and one conditional write. {@code escalateNow} pages people, so chat
 *       calls it after answering (a deferred command), and may take as long as paging takes.</li>
 *   <li>Changes are recorded with {@link Actor#id()} as who made them: on the incident's timeline (with
 *       {@link Actor#details()}, the chat user id, in the entry's details), or in the override or maintenance window
 *       stored (who started it, and when).</li>
 *   <li>Bad input people can fix (no such rotation, service or team, a duration the policy does not allow) is an
 *       {@link IllegalArgumentException} whose message says what was wrong and what exists, written for the person
 *       who typed the command; nothing is changed. Incident problems use
 *       {@link dev.firebell.incident.NoSuchIncidentException} and {@link dev.firebell.incident.IncidentStateException}.</li>
 * </ul>
 */
public interface OnCallDesk {

    /**
     * Who is on call now and who is next, for each rotation that covers the team or service named (or for every
     * rotation when {@code teamOrService} is null).
     *
     * @throws IllegalArgumentException no team, service or rotation has that name (the message lists what exists)
     */
    List<OnCall> whoIsOnCall(String teamOrService, Instant now);

    /** The person takes the rotation's shifts from now for {@code duration} (an override). */
    ShiftTaken takeShift(String rotation, String personId, Duration duration, Actor actor);

    /**
     * The service is in maintenance from now for {@code duration}: its alarms still open incidents but page nobody,
     * and escalations already running for it are held until the window ends.
     */
    MaintenanceWindow startMaintenance(String service, Duration duration, String reason, Actor actor);

    /** Pages the incident's next escalation level now instead of waiting for its delay. */
    Escalation escalateNow(String incidentId, Actor actor);

    /**
     * A shift: who, from when, until when.
     *
     * @param start null when it began before anything looked at
     * @param end   null when nothing changes within the horizon looked at (a single-person rotation)
     */
    record Shift(String personId, Instant start, Instant end) {
        public Shift {
            Objects.requireNonNull(personId, "personId");
        }
    }

    /**
     * One rotation's answer.
     *
     * @param covers  the team or service the rotation is for, as people call it
     * @param current who has it now; null if nobody (a gap in the schedule)
     * @param next    who has it after the current shift ends; null if nobody is scheduled
     */
    record OnCall(String rotation, String covers, Shift current, Shift next) {
        public OnCall {
            Objects.requireNonNull(rotation, "rotation");
        }
    }

    /** @param replaced who would have been on call instead; null if nobody */
    record ShiftTaken(String rotation, String personId, Instant start, Instant end, String replaced) {
    }

    /**
     * @param name      how incident timelines will name it
     * @param reason    null when none was given
     * @param startedBy who started it (a person's id)
     */
    record MaintenanceWindow(String name, String service, Instant start, Instant end, String reason, String startedBy) {
    }

    /**
     * @param summary   what happened, in a sentence for people (e.g. "escalated to level 2 by alice: paging Bob")
     * @param pagesSent pages SNS accepted
     */
    record Escalation(String incidentId, String summary, int pagesSent) {
    }
}
