package dev.firebell.aws.dynamodb;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small typed reads and null-skipping writes of DynamoDB attribute maps. */
final class Item {

    private final Map<String, AttributeValue> values;

    private Item(Map<String, AttributeValue> values) {
        this.values = values;
    }

    static Item of(Map<String, AttributeValue> values) {
        return new Item(values);
    }

    static Builder builder() {
        return new Builder();
    }

    String str(String name) {
        AttributeValue v = values.get(name);
        return v == null ? null : v.s();
    }

    Instant instant(String name) {
        String s = str(name);
        return s == null ? null : Instant.parse(s);
    }

    long num(String name, long fallback) {
        AttributeValue v = values.get(name);
        return v == null || v.n() == null ? fallback : Long.parseLong(v.n());
    }

    boolean bool(String name) {
        AttributeValue v = values.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }

    Map<String, String> stringMap(String name) {
        AttributeValue v = values.get(name);
        Map<String, String> out = new LinkedHashMap<>();
        if (v != null && v.hasM()) {
            v.m().forEach((k, av) -> out.put(k, av.s()));
        }
        return out;
    }

    java.util.List<String> stringList(String name) {
        AttributeValue v = values.get(name);
        java.util.List<String> out = new java.util.ArrayList<>();
        if (v != null && v.hasL()) {
            v.l().forEach(av -> out.add(av.s()));
        }
        return out;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static final class Builder {
        private final Map<String, AttributeValue> values = new LinkedHashMap<>();

        Builder str(String name, String value) {
            if (value != null) {
                values.put(name, AttributeValue.fromS(value));
            }
            return this;
        }

        Builder instant(String name, Instant value) {
            return str(name, value == null ? null : value.toString());
        }

        Builder num(String name, long value) {
            values.put(name, AttributeValue.fromN(Long.toString(value)));
            return this;
        }

        Builder bool(String name, boolean value) {
            values.put(name, AttributeValue.fromBool(value));
            return this;
        }

        Builder stringMap(String name, Map<String, String> map) {
            if (map != null && !map.isEmpty()) {
                Map<String, AttributeValue> m = new LinkedHashMap<>();
                map.forEach((k, v) -> {
                    if (v != null) {
                        m.put(k, AttributeValue.fromS(v));
                    }
                });
                values.put(name, AttributeValue.fromM(m));
            }
            return this;
        }

        Builder stringList(String name, java.util.List<String> list) {
            if (list != null) {
                values.put(name, AttributeValue.fromL(list.stream().map(AttributeValue::fromS).toList()));
            }
            return this;
        }

        Map<String, AttributeValue> build() {
            return values;
        }
    }
}
