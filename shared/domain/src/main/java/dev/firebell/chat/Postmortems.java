package dev.firebell.chat;

import dev.firebell.incident.Actor;

/**
 * Port: {@code /incident postmortem <id>}, implemented by the postmortem feature ({@link PostmortemDrafts}).
 *
 * <p>Contract: called inline (keep it to a few reads and writes; generate long documents asynchronously and link to
 * them), idempotent (a second call for the same incident returns the existing draft with {@code created} false),
 * errors as for {@link OnCallDesk}.
 */
public interface Postmortems {

    /** Starts the incident's postmortem draft, or finds the one that exists. */
    Draft start(String incidentId, Actor actor);

    /**
     * @param link where people read and edit it (null if it lives only in Firebell)
     * @param created false when the draft existed already
     */
    record Draft(String incidentId, String title, String link, boolean created) {
    }
}
