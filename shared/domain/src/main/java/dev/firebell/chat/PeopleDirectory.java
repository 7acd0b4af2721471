package dev.firebell.chat;

import dev.firebell.person.Person;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Port: who is who. Chat asks it whether the person typing a command may change incidents (only people it knows
 * may; anyone in the workspace may read) and who a {@code @mention} is.
 *
 * <p>Contract for implementations (the on-call configuration's people):
 * <ul>
 *   <li>{@link #byChatUserId} is called once or twice per command, inside Slack's 3-second budget: answer from a
 *       cache or one key lookup (no scans).</li>
 *   <li>An unknown id gives {@link Optional#empty()}, never an exception; chat then refuses changes with a message
 *       telling the person to ask their platform team to add their chat user id.</li>
 *   <li>{@link #byPersonId} lets answers mention the people an on-call lookup returns.</li>
 * </ul>
 */
public interface PeopleDirectory {

    /** The person with this chat user id (Slack {@code U...}/{@code W...}), if the on-call configuration has them. */
    Optional<Responder> byChatUserId(String chatUserId);

    /** The person with this Firebell person id, if known. */
    Optional<Responder> byPersonId(String personId);

    /**
     * A stored person id or page target ({@code alice}, {@code person:alice}, {@code team-payments}) with the person it
     * is, when the directory knows them; null for null.
     */
    default PersonOrTarget named(String id) {
        if (id == null) {
            return null;
        }
        String personId = Person.idOfTarget(id) != null ? Person.idOfTarget(id) : id;
        return new PersonOrTarget(id, byPersonId(personId).orElse(null));
    }

    /** A fixed directory of these people (local serving and tests; deployments read the on-call configuration). */
    static PeopleDirectory of(Collection<Responder> people) {
        Map<String, Responder> byChat = new HashMap<>();
        Map<String, Responder> byId = new HashMap<>();
        for (Responder r : people) {
            byChat.put(r.chatUserId(), r);
            byId.put(r.personId(), r);
        }
        return new PeopleDirectory() {
            @Override
            public Optional<Responder> byChatUserId(String chatUserId) {
                return Optional.ofNullable(byChat.get(chatUserId));
            }

            @Override
            public Optional<Responder> byPersonId(String personId) {
                return Optional.ofNullable(byId.get(personId));
            }
        };
    }
}
