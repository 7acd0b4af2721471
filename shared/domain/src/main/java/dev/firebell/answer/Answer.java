package dev.firebell.answer;

import dev.firebell.incident.Incident;
import java.util.Objects;

/**
 * What answering a page did, or would do: every outcome carries a sentence for the person (the web page shows it,
 * the SMS confirmation is it), and the front end turns the kind into its own terms (an HTTP status, a reply).
 */
public sealed interface Answer {

    String message();

    /** Nothing done yet: the action would apply (what a link's confirmation page offers). */
    record Ready(Incident incident, PageAction action, String message) implements Answer {
    }

    /** Done now. */
    record Done(Incident incident, PageAction action, String message) implements Answer {
    }

    /** Nothing to do: it already holds (acknowledged already; this escalate link was used already). */
    record AlreadyDone(Incident incident, PageAction action, String message) implements Answer {
    }

    /** Refused; nothing was written. {@code incident} is null when there is none to show. */
    record Refused(Reason reason, Incident incident, String message) implements Answer {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why an answer was refused. */
    enum Reason {
        /** The person is no longer in the on-call configuration. */
        UNKNOWN_PERSON,
        /** No incident has that number. */
        NO_SUCH_INCIDENT,
        /** The person was never paged for that incident (SMS codes act only on one's own pages). */
        NOT_PAGED,
        /** The incident is resolved: links and codes no longer act on it. */
        RESOLVED,
        /** The action does not apply (nothing escalates for a service without an escalation policy). */
        NOT_POSSIBLE,
        /** The incident kept changing while Firebell tried; nothing was changed, try again. */
        BUSY
    }
}
