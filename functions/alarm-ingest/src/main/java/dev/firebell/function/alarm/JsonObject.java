package dev.firebell.function.alarm;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.firebell.alarm.MalformedAlarmException;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * A JSON object parsed into a map, which knows where it sits in the payload: every accessor that finds a
 * field missing or of the wrong type throws a {@link MalformedAlarmException} naming the shape being decoded,
 * the field's full path and the problem, e.g.
 * {@code EventBridge alarm event: detail.state.timestamp is a number (42), expected a string}.
 */
final class JsonObject {

    /** Longest value quoted back in an error message; longer ones are cut, so a huge field cannot flood logs. */
    private static final int QUOTE_LIMIT = 120;

    private static final JSON JSON_READER = JSON.std;

    private static final Pattern START_MARKER = Pattern.compile("\\s*\\(start marker at .*$", Pattern.DOTALL);

    private final Map<String, Object> fields;
    private final String path;
    private final String shape;

    private JsonObject(Map<String, Object> fields, String path, String shape) {
        this.fields = fields;
        this.path = path;
        this.shape = shape;
    }

    /** The top-level object of a payload whose shape is not known yet. */
    static JsonObject root(Map<String, Object> fields) {
        return new JsonObject(fields, "", null);
    }

    /** This object, with errors from now on prefixed with the shape it turned out to be. */
    JsonObject as(String shapeName) {
        return new JsonObject(fields, path, shapeName);
    }

    /**
     * Parses one JSON value: a whole payload ({@code what} = "payload") or a JSON document embedded in a string
     * field. Anything that is not exactly one well-formed JSON value becomes a {@link MalformedAlarmException}.
     */
    static Object parse(byte[] json, String shape, String what) {
        if (isBlank(json)) {
            throw error(shape, what + " is empty");
        }
        try (JsonParser parser = JSON_READER.createParser(json)) {
            Object value = JSON_READER.anyFrom(parser);
            if (parser.nextToken() != null) {
                throw error(shape, what + " is not JSON: unexpected content after the first JSON value");
            }
            return value;
        } catch (MalformedAlarmException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new MalformedAlarmException(prefix(shape) + what + " is not JSON: " + describe(e), e);
        } catch (IOException | RuntimeException e) {
            throw new MalformedAlarmException(prefix(shape) + what + " is not JSON: " + firstLine(e.getMessage()), e);
        }
    }

    /** Names a parsed value's type for messages about a whole document: "a JSON array", "JSON null"... */
    static String jsonType(Object value) {
        return value == null ? "JSON null" : describeType(value).replaceFirst("^an? ", "a JSON ");
    }

    /** Names a parsed value's type for messages about a field: "an array", "a number", "null"... */
    static String describeType(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof Map) {
            return "an object";
        } else if (value instanceof List || value instanceof Object[]) {
            return "an array";
        } else if (value instanceof String) {
            return "a string";
        } else if (value instanceof Boolean) {
            return "a boolean";
        } else if (value instanceof Number) {
            return "a number";
        }
        return "a " + value.getClass().getSimpleName();
    }

    String path() {
        return path;
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    List<String> keys() {
        return new ArrayList<>(fields.keySet());
    }

    /** Present and not JSON null. */
    boolean has(String key) {
        return fields.get(key) != null;
    }

    /** A string that must be present and not blank. */
    String requireText(String key) {
        String value = optionalString(key);
        if (value == null) {
            throw missing(key);
        }
        if (value.isBlank()) {
            throw fail(pathOf(key) + " is empty");
        }
        return value;
    }

    /** A string that must be present (not JSON null) but may be empty, e.g. a dimension value. */
    String requireString(String key) {
        String value = optionalString(key);
        if (value == null) {
            throw missing(key);
        }
        return value;
    }

    /** A string, or null when absent or JSON null. */
    String optionalString(String key) {
        Object value = fields.get(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw wrongType(key, value, "a string");
    }

    /** A string, or null when absent, JSON null or blank. */
    String optionalText(String key) {
        String value = optionalString(key);
        return value == null || value.isBlank() ? null : value;
    }

    JsonObject requireObject(String key) {
        JsonObject value = optionalObject(key);
        if (value == null) {
            throw missing(key);
        }
        return value;
    }

    JsonObject optionalObject(String key) {
        return objectOrNull(fields.get(key), pathOf(key));
    }

    JsonArray requireArray(String key) {
        JsonArray value = optionalArray(key);
        if (value == null) {
            throw missing(key);
        }
        return value;
    }

    JsonArray optionalArray(String key) {
        Object value = fields.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return new JsonArray(list, pathOf(key), this);
        }
        throw wrongType(key, value, "an array");
    }

    /** This object as a map of string values (a metric's dimensions); any other value is an error. */
    Map<String, String> asStringMap() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : fields.keySet()) {
            values.put(key, requireString(key));
        }
        return values;
    }

    /** A whole number that fits an int, or null when absent. Accepts {@code 60} and {@code 60.0}, nothing else. */
    Integer optionalInt(String key) {
        Object value = fields.get(key);
        if (value == null) {
            return null;
        }
        Integer whole = asInt(value);
        if (whole == null) {
            throw fail(pathOf(key) + " is " + describe(value) + ", expected a whole number");
        }
        return whole;
    }

    /**
     * A string field holding a JSON object of its own (an SNS {@code Message}, a composite alarm's
     * {@code reasonData}), parsed; errors inside it name {@code <path>.<key>.<field>}.
     */
    JsonObject requireEmbeddedObject(String key) {
        String text = requireText(key);
        Object value = parse(text.getBytes(StandardCharsets.UTF_8), shape, pathOf(key));
        if (!(value instanceof Map)) {
            throw fail(pathOf(key) + " holds " + jsonType(value) + ", expected a JSON object");
        }
        return objectOrFail(value, pathOf(key), "a JSON object");
    }

    /**
     * Reads a required text field with a domain parser such as {@code AlarmState::parse} or
     * {@code AlarmTimestamps::parse}, which take (field, value); their errors get the shape prefix.
     */
    <T> T requireParsed(String key, BiFunction<String, String, T> parser) {
        String value = requireText(key);
        return parseWith(key, value, parser);
    }

    /** Like {@link #requireParsed} but null when the field is absent. */
    <T> T optionalParsed(String key, BiFunction<String, String, T> parser) {
        String value = optionalText(key);
        return value == null ? null : parseWith(key, value, parser);
    }

    private <T> T parseWith(String key, String value, BiFunction<String, String, T> parser) {
        try {
            // Only for short tokens (states, timestamps): a value longer than QUOTE_LIMIT is invalid anyway,
            // and abbreviating it keeps the parser's "is '<value>'" message short.
            return parser.apply(pathOf(key), abbreviate(value));
        } catch (MalformedAlarmException e) {
            throw new MalformedAlarmException(prefix(shape) + e.getMessage(), e);
        }
    }

    /** An error at this object's shape; {@code message} should start with the field path. */
    MalformedAlarmException fail(String message) {
        return error(shape, message);
    }

    MalformedAlarmException fail(String message, Throwable cause) {
        return new MalformedAlarmException(prefix(shape) + message, cause);
    }

    JsonObject objectOrNull(Object value, String valuePath) {
        if (value == null) {
            return null;
        }
        return objectOrFail(value, valuePath, "an object");
    }

    @SuppressWarnings("unchecked")
    JsonObject objectOrFail(Object value, String valuePath, String expected) {
        if (value instanceof Map<?, ?> map) {
            return new JsonObject((Map<String, Object>) map, valuePath, shape);
        }
        throw fail(valuePath + " is " + describe(value) + ", expected " + expected);
    }

    private MalformedAlarmException missing(String key) {
        return fail(pathOf(key) + " is missing");
    }

    private MalformedAlarmException wrongType(String key, Object value, String expected) {
        return fail(pathOf(key) + " is " + describe(value) + ", expected " + expected);
    }

    /** A value's type, and for scalars the value itself: {@code a number (42)}, {@code a string ('x')}. */
    static String describe(Object value) {
        if (value instanceof String s) {
            return "a string (" + quote(s) + ")";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return describeType(value) + " (" + abbreviate(String.valueOf(value)) + ")";
        }
        return describeType(value);
    }

    static String quote(String value) {
        return "'" + abbreviate(value) + "'";
    }

    static String abbreviate(String value) {
        if (value == null || value.length() <= QUOTE_LIMIT) {
            return value;
        }
        return value.substring(0, QUOTE_LIMIT) + "...(" + value.length() + " characters)";
    }

    static Integer asInt(Object value) {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Long || value instanceof BigInteger || value instanceof Short || value instanceof Byte) {
            BigInteger big = new BigInteger(value.toString());
            return big.bitLength() < 32 ? big.intValue() : null;
        }
        if (value instanceof Double || value instanceof Float || value instanceof java.math.BigDecimal) {
            double d = ((Number) value).doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                return (int) d;
            }
        }
        return null;
    }

    static MalformedAlarmException error(String shape, String message) {
        return new MalformedAlarmException(prefix(shape) + message);
    }

    private static String prefix(String shape) {
        return shape == null ? "" : shape + ": ";
    }

    /** Jackson's own words without its source excerpt, then where: "Unexpected end-of-input ... (line 3, column 17)". */
    private static String describe(JsonProcessingException e) {
        String message = firstLine(START_MARKER.matcher(String.valueOf(e.getOriginalMessage())).replaceFirst(""));
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            message += " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        }
        return message;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return abbreviate(newline < 0 ? message : message.substring(0, newline));
    }

    private static boolean isBlank(byte[] json) {
        for (byte b : json) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
