package dev.firebell.aws;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * JSON as plain maps and lists, through jackson-jr: a few dozen classes instead of databind's
 * hundreds, which matters at cold start.
 */
public final class Json {

    private static final JSON JSON_MAPPER = JSON.std;
    private static final JSON PRETTY = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT);

    private Json() {
    }

    public static String write(Object value) {
        try {
            return JSON_MAPPER.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON", e);
        }
    }

    public static String writePretty(Object value) {
        try {
            return PRETTY.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON", e);
        }
    }

    /** Any JSON value: a Map, List, String, Number, Boolean or null. */
    public static Object read(String json) throws IOException {
        return JSON_MAPPER.anyFrom(json);
    }

    public static Object read(InputStream json) throws IOException {
        return JSON_MAPPER.anyFrom(json);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> readObject(String json) throws IOException {
        Object value = read(json);
        if (!(value instanceof Map)) {
            throw new IOException("expected a JSON object, found " + describe(value));
        }
        return (Map<String, Object>) value;
    }

    public static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return value.getClass().getSimpleName();
    }
}
