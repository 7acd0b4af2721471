package dev.firebell.chat;

import dev.firebell.account.Origin;
import dev.firebell.chat.ChatCommand.ListScope;
import dev.firebell.incident.Incident;
import dev.firebell.routing.Severity;
import dev.firebell.timeline.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a chat command did, or why it did nothing, as data: the incident, who did it, the people it names (resolved
 * through the {@link PeopleDirectory}), times and durations. No markup and no wording beyond the domain's own messages
 * (an {@link Unchanged} reason, a {@link Refused} message, an escalation's summary): how it reads is the
 * {@link Renderer}'s business (Slack's mrkdwn in the chat function; others may render HTML).
 *
 * <p>A result that changed something names who did it ({@code by}): always a {@link Responder}, since only people the
 * directory knows may change anything. Their time zone is the one times are shown in.
 */
public sealed interface ChatResult {

    /** Hands this result to the renderer's method for its kind. */
    <R> R render(Renderer<R> renderer);

    /** Turns each kind of result into an answer; a new kind of result is a new method here, so no renderer misses it. */
    interface Renderer<R> {
        R declaring(Declaring result);

        R escalating(Escalating result);

        R declared(Declared result);

        R escalated(Escalated result);

        R acknowledged(Acknowledged result);

        R unacknowledged(Unacknowledged result);

        R resolved(Resolved result);

        R reopened(Reopened result);

        R severityChanged(SeverityChanged result);

        R roleAssigned(RoleAssigned result);

        R noted(Noted result);

        R unchanged(Unchanged result);

        R details(IncidentDetails result);

        R list(IncidentList result);

        R nothingIsYours(NothingIsYours result);

        R onCall(OnCallList result);

        R overrideSet(OverrideSet result);

        R maintenanceStarted(MaintenanceStarted result);

        R postmortem(PostmortemStarted result);

        R help(Help result);

        R consoleLink(ConsoleLink result);

        R refused(Refused result);
    }

    /** A deferred command passed every check that can be made now; its result follows later ({@link ChatAnswer.Later}). */
    sealed interface Accepted extends ChatResult {
    }

    // ------------------------------------------------------------------ deferred commands, accepted

    /**
     * {@code declare}: the incident is being opened.
     *
     * @param service null when none was named (the routing's default service gets it)
     */
    record Declaring(Severity severity, String title, String service) implements Accepted {
        public <R> R render(Renderer<R> renderer) {
            return renderer.declaring(this);
        }
    }

    /** {@code escalate}: the incident's next level is being paged. */
    record Escalating(Incident incident) implements Accepted {
        public <R> R render(Renderer<R> renderer) {
            return renderer.escalating(this);
        }
    }

    // ------------------------------------------------------------------ changes to incidents

    /** The person declared the incident and is its commander; its service's on-call is being paged. */
    record Declared(Responder by, Incident incident) implements ChatResult {
        public <R> R render(Renderer<R> renderer) {
            return renderer.declared(this);
        }
    }

    /**
     * The person paged the incident's next escalation level now.
     *
     * @param summary what the escalation did, in its own sentence
     */
    record Escalated(Responder by, Incident incident, String summary, int pagesSent) implements ChatResult {
        public <R> R render(Renderer<R> renderer) {
            return renderer.escalated(this);
        }
    }

    /**
     * The person has the incident: pages not sent yet are not sent.
     *
     * @param lastPaged the id was left out: this is the incident the person was last paged for
     */
    record Acknowledged(Responder by, Incident incident, boolean lastPaged) implements ChatResult {
        public <R> R render(Renderer<R> renderer) {
            return renderer.acknowledged(this);
        }
    }

    /** The acknowledgement was withdrawn: the incident is triggered again. */
    record Unacknowledged(Responder by, Incident incident, boolean lastPaged) implements ChatResult {
        public <R> R render(Renderer<R> renderer) {
            return renderer.unacknowledged(this);
        }
    }

    /**
     * @param lasted     from the first alarm (or the declaration) to the resolution
     * @param resolution what fixed it, as typed; null when nothing was said
     */
    record Resolved(Responder by, Incident incident, Duration lasted, String resolution, boolean lastPaged)
            implements ChatResult {
        public <R> R render(Renderer<R> renderer) {
            return renderer.resolved(this);
        }
    }

    /** Reopened; the person has it (acknowledged). */
    record Reopened(Responder by, Incident incident) implements ChatResult {
        public <R> R render(Renderer<R> renderer) {
            return renderer.reopened(this);
        }
    }

    record SeverityChanged(Responder by, Incident incident, Severity severity) implements ChatResult {
        public <R> R render(Renderer<R> renderer) {
            return renderer.severityChanged(this);
        }
    }

    /** {@code holder} now has {@code role} ({@code commander}, {@code scribe}, ...) in the incident. */
    record RoleAssigned(Responder by, Incident incident, String role, Responder holder) implements ChatResult {
        public <R> R render(Renderer<R> renderer) {
            return renderer.roleAssigned(this);
        }
    }

    /** A note on the incident's timeline, as typed. */
    record Noted(Responder by, Incident incident, String text) implements ChatResult {
        public <R> R render(Renderer<R> renderer) {
            return renderer.noted(this);
        }
    }

    /**
     * The change would have done nothing (e.g. already acknowledged).
     *
     * @param why the incident commands' reason, e.g. {@code #42 is already acknowledged}
     */
    record Unchanged(String incidentId, String why, boolean lastPaged) implements ChatResult {
        public <R> R render(Renderer<R> renderer) {
            return renderer.unchanged(this);
        }
    }

    // ------------------------------------------------------------------ reads

    /**
     * An incident as {@code status} shows it.
     *
     * @param acknowledgedBy null when nobody is recorded
     * @param resolvedBy     null when nobody is recorded
     * @param roles          role to holder, in the incident's order
     * @param timeline       the whole timeline, oldest first
     * @param asOf           when it was read (how long it is open)
     * @param zone           the reader's time zone (UTC for someone the directory does not know)
     * @param origin         where its alarm comes from when not Firebell's own account and region; null otherwise
     */
    record IncidentDetails(Incident incident, PersonOrTarget acknowledgedBy, PersonOrTarget resolvedBy,
                           Map<String, PersonOrTarget> roles, List<TimelineEntry> timeline, Instant asOf,
                           ZoneId zone, boolean lastPaged, Origin origin) implements ChatResult {
        public IncidentDetails {
            roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
            timeline = List.copyOf(timeline);
        }

        /** An incident of Firebell's own account and region, or declared by a person. */
        public IncidentDetails(Incident incident, PersonOrTarget acknowledgedBy, PersonOrTarget resolvedBy,
                               Map<String, PersonOrTarget> roles, List<TimelineEntry> timeline, Instant asOf,
                               ZoneId zone, boolean lastPaged) {
            this(incident, acknowledgedBy, resolvedBy, roles, timeline, asOf, zone, lastPaged, null);
        }

        public <R> R render(Renderer<R> renderer) {
            return renderer.details(this);
        }
    }

    /**
     * Open incidents, oldest first: all of them, the reader's, or one service's.
     *
     * @param service set when {@code scope} is {@link ListScope#SERVICE}
     */
    record IncidentList(ListScope scope, String service, List<Listed> incidents, Instant asOf) implements ChatResult {
        public IncidentList {
            incidents = List.copyOf(incidents);
        }

        public <R> R render(Renderer<R> renderer) {
            return renderer.list(this);
        }
    }

    /**
     * An open incident in a list.
     *
     * @param acknowledgedBy null when it is not acknowledged
     * @param origin         where its alarm comes from when not Firebell's own account and region; null otherwise
     */
    record Listed(Incident incident, PersonOrTarget acknowledgedBy, Origin origin) {
        public Listed(Incident incident, PersonOrTarget acknowledgedBy) {
            this(incident, acknowledgedBy, null);
        }
    }

    /** {@code list mine} from someone the directory does not know: nothing can be theirs. */
    record NothingIsYours() implements ChatResult {
        public <R> R render(Renderer<R> renderer) {
            return renderer.nothingIsYours(this);
        }
    }

    /**
     * Who is on call now and next.
     *
     * @param scope     the team, service or rotation asked about; null for all
     * @param rotations empty when no rotation covers the scope
     * @param zone      the reader's time zone
     */
    record OnCallList(String scope, List<OnCallRow> rotations, ZoneId zone) implements ChatResult {
        public OnCallList {
            rotations = List.copyOf(rotations);
        }

        public <R> R render(Renderer<R> renderer) {
            return renderer.onCall(this);
        }
    }

    /**
     * One rotation's answer.
     *
     * @param covers  the team or service it is for, as people call it (may be null or the rotation itself)
     * @param current null when nobody has it now
     * @param next    null when nobody is scheduled after
     */
    record OnCallRow(String rotation, String covers, OnDuty current, OnDuty next) {
        public OnCallRow {
            Objects.requireNonNull(rotation, "rotation");
        }
    }

    /** A shift: who, from when (null: before anything looked at), until when (null: no change in sight). */
    record OnDuty(PersonOrTarget who, Instant start, Instant end) {
    }

    /** {@code taker} has the rotation's shifts from {@code start} to {@code end}, instead of {@code replaced} (or null). */
    record OverrideSet(Responder by, Responder taker, String rotation, Instant start, Instant end,
                       PersonOrTarget replaced) implements ChatResult {
        public <R> R render(Renderer<R> renderer) {
            return renderer.overrideSet(this);
        }
    }

    /** A maintenance window from now: the service's alarms still open incidents, but page nobody until it ends. */
    record MaintenanceStarted(Responder by, OnCallDesk.MaintenanceWindow window) implements ChatResult {
        public <R> R render(Renderer<R> renderer) {
            return renderer.maintenanceStarted(this);
        }
    }

    /** Where the incident's postmortem draft is; {@code draft.created()} says whether this request started it. */
    record PostmortemStarted(Responder by, Incident incident, Postmortems.Draft draft) implements ChatResult {
        public <R> R render(Renderer<R> renderer) {
            return renderer.postmortem(this);
        }
    }

    /**
     * A one-time sign-in link to the web console, for the caller's eyes only.
     *
     * @param reader the caller is not in the configuration: the console lets them read, not act
     */
    record ConsoleLink(String url, String personId, boolean reader, Instant expiresAt) implements ChatResult {
        public <R> R render(Renderer<R> renderer) {
            return renderer.consoleLink(this);
        }
    }

    /** Every subcommand, in the order to list them. */
    record Help(List<Subcommand> subcommands) implements ChatResult {
        public Help {
            subcommands = List.copyOf(subcommands);
        }

        public <R> R render(Renderer<R> renderer) {
            return renderer.help(this);
        }
    }

    // ------------------------------------------------------------------ nothing done

    /**
     * Nothing was changed, because of something the person can fix or retry.
     *
     * @param message what was wrong, in words for them (lower-case start, no final stop)
     * @param usage   the subcommand whose syntax to show; null when there is none (an unknown command, or the
     *                problem is not how it was written)
     */
    record Refused(Reason reason, String message, Subcommand usage) implements ChatResult {
        public <R> R render(Renderer<R> renderer) {
            return renderer.refused(this);
        }
    }

    enum Reason {
        /** Not how the command is written, or not a command ({@link UsageException}). */
        USAGE,
        /** The person is not in the on-call configuration and the command changes something. */
        NOT_ALLOWED,
        NO_SUCH_INCIDENT,
        /** The incident's state does not allow it (e.g. acknowledging a resolved incident). */
        WRONG_STATE,
        /** A port refused what was asked (no such rotation or service, a duration its policy does not allow). */
        INVALID,
        /** The incident kept changing under the command; trying again may work. */
        CONCURRENT_CHANGE
    }
}
