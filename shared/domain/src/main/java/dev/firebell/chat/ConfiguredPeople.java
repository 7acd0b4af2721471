package dev.firebell.chat;

import dev.firebell.config.ConfigSource;
import dev.firebell.person.Person;
import java.util.Optional;

/**
 * The people of the on-call configuration ({@code people:} in the YAML, with their {@code chatUserId}), as chat
 * sees them. Reads the cached configuration (a refresh every 30 s), so a person added with
 * {@code firebell config apply} may use chat within half a minute.
 */
public final class ConfiguredPeople implements PeopleDirectory {

    private final ConfigSource config;

    public ConfiguredPeople(ConfigSource config) {
        this.config = config;
    }

    @Override
    public Optional<Responder> byChatUserId(String chatUserId) {
        if (chatUserId == null || chatUserId.isEmpty()) {
            return Optional.empty();
        }
        return config.current().onCall().people().values().stream()
                .filter(p -> chatUserId.equals(p.chatUserId()))
                .findFirst()
                .map(ConfiguredPeople::responder);
    }

    @Override
    public Optional<Responder> byPersonId(String personId) {
        return Optional.ofNullable(config.current().onCall().people().get(personId)).map(ConfiguredPeople::responder);
    }

    private static Responder responder(Person p) {
        return new Responder(p.id(), p.name(), p.chatUserId(), p.timeZone());
    }
}
