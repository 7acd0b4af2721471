package dev.firebell.chat;

import java.util.Objects;

/**
 * Someone a result names, as stored (a person id such as {@code alice}, a page target such as {@code person:alice} or
 * {@code team-payments}), with the person it is when the {@link PeopleDirectory} knows them.
 *
 * @param person null when the directory does not know the id (a team, a page target, someone removed since)
 */
public record PersonOrTarget(String id, Responder person) {

    public PersonOrTarget {
        Objects.requireNonNull(id, "id");
    }
}
