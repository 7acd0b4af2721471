package dev.firebell.function.alarm;

import java.util.List;

/** A JSON array that knows its path, so that an element's error reads {@code configuration.metrics[2].id ...}. */
final class JsonArray {

    private final List<?> items;
    private final String path;
    private final JsonObject owner;

    JsonArray(List<?> items, String path, JsonObject owner) {
        this.items = items;
        this.path = path;
        this.owner = owner;
    }

    int size() {
        return items.size();
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    String pathOf(int index) {
        return path + "[" + index + "]";
    }

    /** Element {@code index}, which must be an object. */
    JsonObject object(int index) {
        Object value = items.get(index);
        if (value == null) {
            throw owner.fail(pathOf(index) + " is null, expected an object");
        }
        return owner.objectOrNull(value, pathOf(index));
    }

    /** Element {@code index}, which must be a non-blank string. */
    String text(int index) {
        Object value = items.get(index);
        if (value instanceof String s && !s.isBlank()) {
            return s;
        }
        throw owner.fail(pathOf(index) + " is " + JsonObject.describe(value) + ", expected a non-empty string");
    }
}
