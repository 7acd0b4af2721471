package dev.firebell.person;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Someone who can be paged.
 *
 * @param id         the configuration key, also what chat commands and rotations name
 * @param timeZone   where they live: quiet hours are read on this clock
 * @param chatUserId their chat user id (Slack {@code U024BE7LH}), so chat can mention them; may be null
 * @param contacts   how SNS reaches them
 * @param daytime    their own daytime for quiet hours, or null for the configured default
 */
public record Person(String id, String name, ZoneId timeZone, String chatUserId, List<Contact> contacts,
                     Daytime daytime) {

    /** The SNS {@code target} message attribute of this person's pages; their subscriptions filter on it. */
    public static final String TARGET_PREFIX = "person:";

    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timeZone, "timeZone");
        name = name == null || name.isBlank() ? id : name;
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    public String pageTarget() {
        return pageTarget(id);
    }

    public static String pageTarget(String personId) {
        return TARGET_PREFIX + personId;
    }

    /** The person id in a page target, or null if the target is not a person's. */
    public static String idOfTarget(String target) {
        return target != null && target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : null;
    }
}
