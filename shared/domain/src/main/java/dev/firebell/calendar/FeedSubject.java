package dev.firebell.calendar;

import java.util.Locale;
import java.util.Objects;

/**
 * Whose shifts a calendar feed holds: one person's (from every rotation and schedule), or all of one rotation's or
 * schedule's. Each subject has at most one feed token at a time.
 */
public record FeedSubject(Kind kind, String name) {

    public enum Kind {
        PERSON, ROTATION, SCHEDULE;

        /** How it is written in keys and forms: person, rotation, schedule. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public FeedSubject {
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a calendar feed needs the name of a person, rotation or schedule");
        }
    }

    public static FeedSubject person(String id) {
        return new FeedSubject(Kind.PERSON, id);
    }

    public static FeedSubject rotation(String name) {
        return new FeedSubject(Kind.ROTATION, name);
    }

    public static FeedSubject schedule(String name) {
        return new FeedSubject(Kind.SCHEDULE, name);
    }

    /** {@code person:alice}, {@code rotation:checkout-primary}: the subject in one string. */
    public String key() {
        return kind.key() + ":" + name;
    }

    /**
     * The subject {@link #key()} wrote.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static FeedSubject parse(String key) {
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("'" + key + "' is not person:<id>, rotation:<name> or schedule:<name>");
        }
        String kind = key.substring(0, colon);
        for (Kind k : Kind.values()) {
            if (k.key().equals(kind)) {
                return new FeedSubject(k, key.substring(colon + 1));
            }
        }
        throw new IllegalArgumentException("'" + kind + "' is not person, rotation or schedule");
    }

    @Override
    public String toString() {
        return kind.key() + " " + name;
    }
}
