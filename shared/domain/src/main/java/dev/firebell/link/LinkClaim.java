package dev.firebell.link;

import dev.firebell.answer.PageAction;
import dev.firebell.incident.Channel;
import java.time.Instant;
import java.util.Objects;

/**
 * What a link says, and its signature vouches for: this person may take this action on this incident until then; the
 * channel is where the link was sent (an e-mail, an SMS, a page's JSON document).
 *
 * @param expiresAt on a whole minute (tokens carry minutes)
 */
public record LinkClaim(String incidentId, String personId, PageAction action, Channel channel, Instant expiresAt) {

    public LinkClaim {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
