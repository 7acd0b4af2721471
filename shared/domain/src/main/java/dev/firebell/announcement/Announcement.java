package dev.firebell.announcement;

import dev.firebell.chat.PersonOrTarget;
import dev.firebell.escalation.EscalationStatus;
import dev.firebell.incident.Incident;
import java.util.List;
import java.util.Objects;

/**
 * What an incident's announcement shows now, as data: the incident, who acknowledged and resolved it (with the person
 * they are, when the configuration knows them), where its escalation stands, and the buttons that make sense. How it
 * reads is the {@link AnnouncementChannel}'s business.
 *
 * @param acknowledgedBy null when nobody is recorded
 * @param resolvedBy     null when nobody is recorded ({@code alarm} when its alarm returning to OK resolved it)
 * @param escalation     null when nothing escalates for it (a service without an escalation policy)
 */
public record Announcement(Incident incident, PersonOrTarget acknowledgedBy, PersonOrTarget resolvedBy,
                           Escalation escalation, List<AnnouncementAction> actions, Revision revision) {

    public Announcement {
        Objects.requireNonNull(incident, "incident");
        actions = List.copyOf(actions);
        Objects.requireNonNull(revision, "revision");
    }

    /**
     * Where the incident's escalation stands.
     *
     * @param lastLevel the level paged last, as people read it ({@code level 2 of 3}); null before the first
     */
    public record Escalation(String policy, EscalationStatus status, String lastLevel) {
    }
}
