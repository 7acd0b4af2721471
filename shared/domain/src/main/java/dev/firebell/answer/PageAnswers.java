package dev.firebell.answer;

import dev.firebell.config.ConfigSource;
import dev.firebell.escalation.EscalationEngine;
import dev.firebell.incident.Actor;
import dev.firebell.incident.ConcurrentChangeException;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentCommands;
import dev.firebell.incident.IncidentStateException;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.IncidentStore;
import dev.firebell.incident.NoSuchIncidentException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * A paged person answering from where the page reached them (a link, an SMS reply): acknowledge, escalate or resolve
 * one incident, as that person, through the same domain paths as chat ({@link IncidentCommands#acknowledge},
 * {@link IncidentCommands#resolve}, {@link EscalationEngine#escalateNow}), so escalation stops exactly as chat's
 * {@code ack} stops it, and the timeline says who and from where.
 *
 * <p>Rules: the person must still be in the on-call configuration; a resolved incident is not acted on (an old link
 * replayed after the resolve is refused, and writes nothing); acknowledging an acknowledged incident says so and
 * writes nothing; an escalation asked for with a once-key (a link's signature, an SMS's message id) happens once.
 */
public final class PageAnswers {

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final IncidentStore store;
    private final ConfigSource config;
    private final IncidentCommands commands;
    private final EscalationEngine escalation;
    private final AnswerLedger ledger;

    public PageAnswers(IncidentStore store, ConfigSource config, IncidentCommands commands,
                       EscalationEngine escalation, AnswerLedger ledger) {
        this.store = store;
        this.config = config;
        this.commands = commands;
        this.escalation = escalation;
        this.ledger = ledger;
    }

    /** What acting would do, without doing it (a link's confirmation page): never writes. */
    public Answer preview(String incidentId, String personId, PageAction action) {
        Optional<Answer.Refused> refused = refusal(incidentId, personId);
        if (refused.isPresent()) {
            return refused.get();
        }
        Incident incident = store.incident(incidentId).orElseThrow();
        Optional<Answer> already = alreadyDone(incident, action);
        return already.orElseGet(() -> new Answer.Ready(incident, action, "#" + incident.id() + " is "
                + describeStatus(incident) + ". " + action.label() + " it as " + personId + "?"));
    }

    /**
     * Acts as {@code actor} (whose id is the person, whose details say how they acted).
     *
     * @param onceKey   for an escalation, the key that makes it happen once (null: no such guard)
     * @param keepUntil how long the once-key is kept (at least as long as it could be presented again)
     */
    public Answer answer(String incidentId, PageAction action, Actor actor, String onceKey, Instant keepUntil) {
        Optional<Answer.Refused> refused = refusal(incidentId, actor.id());
        if (refused.isPresent()) {
            return refused.get();
        }
        Incident incident = store.incident(incidentId).orElseThrow();
        try {
            return switch (action) {
                case ACKNOWLEDGE -> acknowledge(incident, actor);
                case RESOLVE -> resolve(incident, actor);
                case ESCALATE -> escalate(incident, actor, onceKey, keepUntil);
            };
        } catch (NoSuchIncidentException e) {
            return new Answer.Refused(Answer.Reason.NO_SUCH_INCIDENT, null, e.getMessage());
        } catch (IncidentStateException e) {
            Incident now = store.incident(incidentId).orElse(incident);
            return now.isOpen() ? new Answer.Refused(Answer.Reason.NOT_POSSIBLE, now, e.getMessage())
                    : resolved(now);
        } catch (ConcurrentChangeException e) {
            return new Answer.Refused(Answer.Reason.BUSY, incident, "#" + incidentId + " kept changing while Firebell"
                    + " tried (alarms are arriving for it); nothing was changed, try again");
        }
    }

    private Answer acknowledge(Incident incident, Actor actor) {
        IncidentCommands.Outcome o = commands.acknowledge(incident.id(), actor);
        return o.changed() ? new Answer.Done(o.incident(), PageAction.ACKNOWLEDGE, o.message())
                : alreadyDone(o.incident(), PageAction.ACKNOWLEDGE).orElseThrow();
    }

    private Answer resolve(Incident incident, Actor actor) {
        IncidentCommands.Outcome o = commands.resolve(incident.id(), actor, null);
        return o.changed() ? new Answer.Done(o.incident(), PageAction.RESOLVE, o.message()) : resolved(o.incident());
    }

    private Answer escalate(Incident incident, Actor actor, String onceKey, Instant keepUntil) {
        if (onceKey != null && !ledger.claim(onceKey, keepUntil)) {
            return new Answer.AlreadyDone(incident, PageAction.ESCALATE, "#" + incident.id() + " was escalated already"
                    + " with this; it is " + describeStatus(incident) + ".");
        }
        try {
            EscalationEngine.Outcome o = escalation.escalateNow(incident.id(), actor);
            return new Answer.Done(o.incident(), PageAction.ESCALATE, o.message());
        } catch (RuntimeException e) {
            if (onceKey != null) {
                ledger.release(onceKey);
            }
            throw e;
        }
    }

    /** Why nothing may be done, before looking at the action: who, which incident, whether it is resolved. */
    private Optional<Answer.Refused> refusal(String incidentId, String personId) {
        if (!config.current().onCall().people().containsKey(personId)) {
            return Optional.of(new Answer.Refused(Answer.Reason.UNKNOWN_PERSON, null, personId + " is not in"
                    + " Firebell's on-call configuration any more, so this cannot act for them"));
        }
        Optional<Incident> incident = store.incident(incidentId);
        if (incident.isEmpty()) {
            return Optional.of(new Answer.Refused(Answer.Reason.NO_SUCH_INCIDENT, null, "there is no incident #"
                    + incidentId));
        }
        if (!incident.get().isOpen()) {
            return Optional.of(resolved(incident.get()));
        }
        return Optional.empty();
    }

    /** The action already holds: acknowledged (by anyone) for an acknowledgement. */
    private static Optional<Answer> alreadyDone(Incident incident, PageAction action) {
        if (action == PageAction.ACKNOWLEDGE && incident.status() == IncidentStatus.ACKNOWLEDGED) {
            return Optional.of(new Answer.AlreadyDone(incident, action, "#" + incident.id() + " is already "
                    + describeStatus(incident) + "."));
        }
        return Optional.empty();
    }

    private static Answer.Refused resolved(Incident incident) {
        return new Answer.Refused(Answer.Reason.RESOLVED, incident, "#" + incident.id() + " is already "
                + describeStatus(incident) + "; links and replies no longer act on it.");
    }

    /** "acknowledged by alice at 2026-11-27 10:02 UTC", "resolved by firebell at ...", "triggered". */
    static String describeStatus(Incident incident) {
        return switch (incident.status()) {
            case ACKNOWLEDGED -> "acknowledged" + by(incident.acknowledgedBy(), incident.acknowledgedAt());
            case RESOLVED -> "resolved" + by(incident.resolvedBy(), incident.resolvedAt());
            default -> "triggered";
        };
    }

    private static String by(String who, Instant at) {
        return (who == null ? "" : " by " + who) + (at == null ? "" : " at " + UTC_TIME.format(at));
    }
}
