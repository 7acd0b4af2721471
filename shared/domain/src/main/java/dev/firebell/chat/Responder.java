package dev.firebell.chat;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A person known to Firebell's on-call configuration, as chat needs them.
 *
 * @param personId    the id timelines, roles and pages use (e.g. {@code alice})
 * @param displayName how messages name them
 * @param chatUserId  their chat user id (Slack {@code U123ABC}), to mention them; may be null if unknown
 * @param timeZone    where they are: times shown to them (hand-offs, maintenance ends) are in this zone
 */
public record Responder(String personId, String displayName, String chatUserId, ZoneId timeZone) {

    public Responder {
        Objects.requireNonNull(personId, "personId");
        displayName = displayName == null || displayName.isBlank() ? personId : displayName;
        timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
    }
}
