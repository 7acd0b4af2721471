package dev.firebell.person;

import java.util.List;
import java.util.Objects;

/**
 * People who share services and rotations. Teams group; they are not paged as such (page a rotation,
 * a schedule or a person).
 *
 * @param chatChannel where the team talks, for chat integrations; may be null
 */
public record Team(String id, String name, List<String> members, String chatChannel) {

    public Team {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
        members = members == null ? List.of() : List.copyOf(members);
    }
}
