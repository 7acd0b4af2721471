package dev.firebell.postmortem;

import dev.firebell.incident.Incident;

/**
 * An earlier incident worth a look while writing this postmortem.
 *
 * @param sameAlarm whether it came from the same dedup key (by default the same alarm), not just the same service
 */
public record RelatedIncident(Incident incident, boolean sameAlarm) {
}
