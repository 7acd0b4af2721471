package dev.firebell.console.incident;

import dev.firebell.answer.Answer;
import dev.firebell.answer.PageAction;
import dev.firebell.answer.PageAnswers;
import dev.firebell.console.ConsoleRequest;
import dev.firebell.incident.Actor;
import dev.firebell.incident.Channel;
import dev.firebell.incident.ConcurrentChangeException;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentCommands;
import dev.firebell.incident.IncidentStateException;
import dev.firebell.incident.NoSuchIncidentException;
import dev.firebell.routing.Severity;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;

/**
 * What the incident page's forms do, through the domain services chat and page links use: acknowledging stops
 * escalation, escalating pages the next level, notes and severity changes are written with a timeline entry. Each as
 * the viewer acting from the console ({@link Channel#CONSOLE}), so the timeline says "acknowledged by alice from the
 * console". A form sent again does nothing the second time and says so; a wrong value is named and nothing is written.
 */
final class IncidentActions {

    /** The hidden field of the escalate form: the escalation's version when the page was read. */
    static final String ESCALATION_FIELD = "escalation";
    /** The longest note or resolution accepted, in characters. */
    static final int MAX_TEXT = 2000;
    /** How long an escalate form is remembered as used: longer than anyone keeps a page open and sends it again. */
    static final Duration ESCALATE_ONCE = Duration.ofDays(2);

    /** What a form did: the notice for the page after the redirect, or an error page's status and message. */
    record Result(int status, String done, String error) {

        static Result done(String key) {
            return new Result(303, key, null);
        }

        static Result refused(int status, String message) {
            return new Result(status, null, message);
        }
    }

    /** The notices a redirect may name ({@code ?done=}), each with its sentence: nothing else is ever shown. */
    static final Map<String, String> NOTICES = Map.of(
            "acknowledged", "You acknowledged it: escalation stops.",
            "already-acknowledged", "It was already acknowledged; nothing changed.",
            "escalated", "You escalated it: the next level is paged now.",
            "already-escalated", "It was already escalated with this form; nothing changed. Reload the page to"
                    + " escalate again.",
            "resolved", "You resolved it.",
            "already-resolved", "It was already resolved; nothing changed.",
            "noted", "Your note is on the timeline.",
            "severity", "Severity changed.",
            "same-severity", "It already had that severity; nothing changed.");

    private final IncidentCommands commands;
    private final PageAnswers answers;
    private final InstantSource clock;

    IncidentActions(IncidentCommands commands, PageAnswers answers, InstantSource clock) {
        this.commands = commands;
        this.answers = answers;
        this.clock = clock;
    }

    /** The form {@code action} posted for incident {@code incident} (as read just now). */
    Result act(Incident incident, String action, ConsoleRequest request) {
        Actor actor = Actor.via(request.viewer().personId(), Channel.CONSOLE, Map.of());
        Map<String, String> form = request.form();
        String id = incident.id();
        try {
            switch (action) {
                case "acknowledge":
                    requireOpen(incident, "acknowledge");
                    return Result.done(commands.acknowledge(id, actor).changed() ? "acknowledged"
                            : "already-acknowledged");
                case "escalate":
                    return escalate(incident, form.get(ESCALATION_FIELD), actor);
                case "resolve":
                    String resolution = text(form.get("resolution"));
                    if (resolution.length() > MAX_TEXT) {
                        return tooLong("The resolution");
                    }
                    return Result.done(commands.resolve(id, actor, resolution.isEmpty() ? null : resolution)
                            .changed() ? "resolved" : "already-resolved");
                case "note":
                    String note = text(form.get("note"));
                    if (note.isEmpty()) {
                        return Result.refused(400, "The note is empty: write what the timeline should say. Nothing"
                                + " was added.");
                    }
                    if (note.length() > MAX_TEXT) {
                        return tooLong("The note");
                    }
                    commands.addNote(id, note, actor);
                    return Result.done("noted");
                case "severity":
                    Severity severity = Severity.parse(form.get("severity"));
                    return Result.done(commands.changeSeverity(id, severity, actor).changed() ? "severity"
                            : "same-severity");
                default:
                    return Result.refused(404, "The console has no action '" + action + "' for incidents.");
            }
        } catch (IncidentStateException e) {
            return Result.refused(409, sentence(e.getMessage()) + " Nothing was changed.");
        } catch (NoSuchIncidentException e) {
            return Result.refused(404, "There is no incident #" + id + ".");
        } catch (ConcurrentChangeException e) {
            return Result.refused(503, "#" + id + " kept changing while Firebell tried (alarms are arriving for it);"
                    + " nothing was changed, try again.");
        } catch (IllegalArgumentException e) {
            return Result.refused(400, sentence(e.getMessage()) + " Nothing was changed.");
        }
    }

    /**
     * Through {@link PageAnswers}, as an escalate link does, once per form: the key is the escalation's version the
     * page showed, so the same form sent twice (a double click, a reload) pages the next level once.
     */
    private Result escalate(Incident incident, String version, Actor actor) {
        requireOpen(incident, "escalate");
        if (version == null || !version.matches("[0-9]{1,18}")) {
            return Result.refused(400, "The escalate form lacks the escalation it was shown with; reload the page"
                    + " and use its button. Nothing was changed.");
        }
        String onceKey = "console-escalate#" + incident.id() + "#" + version;
        Answer answer = answers.answer(incident.id(), PageAction.ESCALATE, actor, onceKey,
                clock.instant().plus(ESCALATE_ONCE));
        if (answer instanceof Answer.Done) {
            return Result.done("escalated");
        }
        if (answer instanceof Answer.AlreadyDone) {
            return Result.done("already-escalated");
        }
        if (answer instanceof Answer.Refused refused) {
            return Result.refused(status(refused.reason()), sentence(refused.message()) + " Nothing was changed.");
        }
        throw new IllegalStateException("answering an escalation gave " + answer);
    }

    private static int status(Answer.Reason reason) {
        switch (reason) {
            case UNKNOWN_PERSON:
            case NOT_PAGED:
                return 403;
            case NO_SUCH_INCIDENT:
                return 404;
            case RESOLVED:
            case NOT_POSSIBLE:
                return 409;
            case BUSY:
                return 503;
            default:
                throw new IllegalArgumentException("no status for " + reason);
        }
    }

    private static void requireOpen(Incident incident, String verb) {
        if (!incident.isOpen()) {
            throw new IncidentStateException("#" + incident.id() + " is resolved; reopen it (from chat) before you "
                    + verb + " it");
        }
    }

    private static Result tooLong(String what) {
        return Result.refused(400, what + " is longer than " + MAX_TEXT + " characters. Nothing was changed.");
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** A message as a sentence: capitalized, ending with a full stop. */
    private static String sentence(String s) {
        if (s == null || s.isBlank()) {
            return "That could not be done.";
        }
        String t = Character.toUpperCase(s.charAt(0)) + s.substring(1).strip();
        return t.endsWith(".") ? t : t + ".";
    }
}
