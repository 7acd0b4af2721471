package dev.firebell.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value in a configuration document (maps, lists and scalars, from YAML or JSON) together with
 * its path, so that every problem reported names where it is. Problems are collected, not thrown,
 * so one run reports all of them.
 */
public final class ConfigNode {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(s|sec|m|min|h|d|w)", Pattern.CASE_INSENSITIVE);

    private final Object value;
    private final String path;
    private final List<ConfigProblem> problems;

    private ConfigNode(Object value, String path, List<ConfigProblem> problems) {
        this.value = value;
        this.path = path;
        this.problems = problems;
    }

    public static ConfigNode root(Object value, List<ConfigProblem> problems) {
        return new ConfigNode(value, "", problems);
    }

    public String path() {
        return path;
    }

    public Object raw() {
        return value;
    }

    public boolean isMissing() {
        return value == null;
    }

    public void problem(String message) {
        problems.add(new ConfigProblem(path, message));
    }

    public ConfigNode get(String key) {
        Map<String, Object> map = asMap();
        return new ConfigNode(map == null ? null : map.get(key), child(key), problems);
    }

    /** The entries of a map, in file order; reports a problem if this is not a map. */
    public Map<String, ConfigNode> entries() {
        Map<String, ConfigNode> out = new LinkedHashMap<>();
        Map<String, Object> map = asMap();
        if (map != null) {
            map.forEach((k, v) -> out.put(k, new ConfigNode(v, child(k), problems)));
        }
        return out;
    }

    public List<ConfigNode> items() {
        List<ConfigNode> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof List<?> list)) {
            problem("expected a list, found " + describe(value));
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            out.add(new ConfigNode(list.get(i), path + "[" + i + "]", problems));
        }
        return out;
    }

    /** Reports keys this map has that the reader does not know, with the ones it does. */
    public void allowOnly(Set<String> known) {
        Map<String, Object> map = asMap();
        if (map == null) {
            return;
        }
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                problems.add(new ConfigProblem(child(key), "unknown key '" + key + "'; expected one of "
                        + String.join(", ", new java.util.TreeSet<>(known))));
            }
        }
    }

    public String string(String fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        problem("expected text, found " + describe(value));
        return fallback;
    }

    public String requiredString() {
        if (value == null || String.valueOf(value).isBlank()) {
            problem("is required");
            return null;
        }
        return string(null);
    }

    public boolean bool(boolean fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equalsIgnoreCase(String.valueOf(value)) || "false".equalsIgnoreCase(String.valueOf(value))) {
            return Boolean.parseBoolean(String.valueOf(value));
        }
        problem("expected true or false, found '" + value + "'");
        return fallback;
    }

    public int integer(int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = value instanceof Number num ? num.intValue() : Integer.parseInt(String.valueOf(value).trim());
            if (n < min || n > max) {
                problem("must be between " + min + " and " + max + ", found " + n);
                return fallback;
            }
            return n;
        } catch (NumberFormatException e) {
            problem("expected a whole number, found '" + value + "'");
            return fallback;
        }
    }

    /** {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d}, {@code 1w}, combinations like {@code 1h30m}, or ISO-8601 {@code PT15M}. */
    public Duration duration(Duration fallback) {
        if (value == null) {
            return fallback;
        }
        String text = String.valueOf(value).trim();
        Duration parsed = parseDuration(text);
        if (parsed == null) {
            problem("'" + text + "' is not a duration; write e.g. 90s, 15m, 2h, 1d, 1h30m or PT15M");
            return fallback;
        }
        return parsed;
    }

    /** Parses the duration syntax above; null if it is not one. */
    public static Duration parseDuration(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Matcher m = SHORT_DURATION.matcher(text.replace(" ", ""));
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                return null;
            }
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "s", "sec" -> Duration.ofSeconds(n);
                case "m", "min" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            });
            end = m.end();
        }
        return end == text.replace(" ", "").length() && end > 0 ? total : null;
    }

    public <E extends Enum<E>> E enumValue(Class<E> type, E fallback) {
        if (value == null) {
            return fallback;
        }
        String text = String.valueOf(value).trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(text)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT));
        }
        problem("'" + value + "' is not one of " + String.join(", ", names));
        return fallback;
    }

    /** Applies a parser that throws IllegalArgumentException, turning its message into a problem. */
    public <T> T parse(Function<String, T> parser, T fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return parser.apply(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            problem(e.getMessage());
            return fallback;
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> asMap() {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        problem("expected a mapping (key: value), found " + describe(value));
        return null;
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String describe(Object v) {
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List) {
            return "a list";
        }
        return "'" + v + "'";
    }
}
