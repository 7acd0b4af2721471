package dev.firebell.chat;

import dev.firebell.incident.Actor;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStateException;
import dev.firebell.incident.IncidentStore;
import dev.firebell.incident.NoSuchIncidentException;

/**
 * {@link Postmortems} on the postmortem feature, which drafts every incident when it resolves (from the table's
 * stream) into {@code postmortems/<id>.md} of the postmortem bucket: chat says where the draft is, or that it is
 * written when the incident resolves. Nothing is stored by chat, so asking twice is harmless.
 */
public final class PostmortemDrafts implements Postmortems {

    private final IncidentStore incidents;
    private final String bucket;

    public PostmortemDrafts(IncidentStore incidents, String bucket) {
        this.incidents = incidents;
        this.bucket = bucket;
    }

    @Override
    public Draft start(String incidentId, Actor actor) {
        Incident incident = incidents.incident(incidentId).orElseThrow(() -> new NoSuchIncidentException(incidentId));
        if (incident.isOpen()) {
            throw new IncidentStateException("#" + incidentId + " is still open: its postmortem draft is written when"
                    + " it is resolved");
        }
        return new Draft(incidentId, incident.title(), "s3://" + bucket + "/postmortems/" + incidentId + ".md", false);
    }
}
