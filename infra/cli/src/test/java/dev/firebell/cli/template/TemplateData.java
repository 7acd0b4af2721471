package dev.firebell.cli.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Small helpers over the plain maps, lists and scalars that {@link dev.firebell.local.SamTemplate} reads. */
final class TemplateData {

    private TemplateData() {
    }

    /** The map, or an empty one when the value is absent or not a map. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** The list; a single value as a one-item list (IAM and SAM accept both); absent as empty. */
    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? (List<Object>) list : List.of(value);
    }

    /** Follows a path of map keys; empty when any step is missing. */
    static Optional<Object> at(Object value, String... keys) {
        Object current = value;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return Optional.empty();
            }
            current = map.get(key);
        }
        return Optional.ofNullable(current);
    }

    /** A one-entry map whose key is {@code Ref}, {@code Condition} or {@code Fn::*}. */
    static boolean isIntrinsic(Object value) {
        if (!(value instanceof Map<?, ?> map) || map.size() != 1) {
            return false;
        }
        Object key = map.keySet().iterator().next();
        return "Ref".equals(key) || "Condition".equals(key) || key instanceof String name && name.startsWith("Fn::");
    }

    static String intrinsicName(Object value) {
        return (String) ((Map<?, ?>) value).keySet().iterator().next();
    }

    static Object intrinsicArgument(Object value) {
        return ((Map<?, ?>) value).values().iterator().next();
    }

    /** {@code {"Ref": name}} gives the name. */
    static Optional<String> refName(Object value) {
        return isIntrinsic(value) && "Ref".equals(intrinsicName(value)) && intrinsicArgument(value) instanceof String name
                ? Optional.of(name) : Optional.empty();
    }

    /** Visits every map, list and scalar under {@code value} (itself included), with its path of keys and indexes. */
    static void walk(Object value, List<Object> path, BiConsumer<Object, List<Object>> visitor) {
        visitor.accept(value, path);
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, append(path, key), visitor));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), append(path, i), visitor);
            }
        }
    }

    static List<Object> append(List<Object> path, Object segment) {
        List<Object> longer = new ArrayList<>(path.size() + 1);
        longer.addAll(path);
        longer.add(segment);
        return List.copyOf(longer);
    }

    /** {@code Properties.Events.Every[0]}: a path as a reader of the template would write it. */
    static String render(List<?> path) {
        StringBuilder text = new StringBuilder();
        for (Object segment : path) {
            if (segment instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                if (!text.isEmpty()) {
                    text.append('.');
                }
                text.append(segment);
            }
        }
        return text.toString();
    }
}
