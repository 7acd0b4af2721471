package dev.firebell.cli.importer;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A value in an export file, with the file and the JSON path it sits at, so that every complaint reads
 * {@code export/schedules.json: $.schedules[0].time_zone: expected a string, found 12}.
 * A missing key is a node too ({@link #isMissing()}); asking it for a required value is the complaint.
 */
public final class ExportNode {

    private static final Object MISSING = new Object();

    /** ISO-8601 with an offset: {@code 2015-11-06T20:00:00-05:00}, {@code ...Z}, fractions, {@code +0000}. */
    private static final DateTimeFormatter OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private final Path file;
    private final String path;
    private final Object value;

    private ExportNode(Path file, String path, Object value) {
        this.file = file;
        this.path = path;
        this.value = value;
    }

    static ExportNode root(Path file, Object value) {
        return new ExportNode(file, "$", value);
    }

    public Path file() {
        return file;
    }

    public String path() {
        return path;
    }

    public boolean isMissing() {
        return value == MISSING;
    }

    /** Missing or JSON null. */
    public boolean isAbsent() {
        return value == MISSING || value == null;
    }

    public boolean isObject() {
        return value instanceof Map;
    }

    public boolean isArray() {
        return value instanceof List;
    }

    public ExportNode get(String key) {
        Object child = value instanceof Map<?, ?> map && map.containsKey(key) ? map.get(key) : MISSING;
        return new ExportNode(file, path + "." + key, child);
    }

    /** Present and not null. */
    public boolean has(String key) {
        return !get(key).isAbsent();
    }

    /** The keys of an object, in file order; none for anything else. */
    public Set<String> keys() {
        Set<String> out = new LinkedHashSet<>();
        if (value instanceof Map<?, ?> map) {
            map.keySet().forEach(k -> out.add(String.valueOf(k)));
        }
        return out;
    }

    /** The items of an array; none when missing or null. */
    public List<ExportNode> items() {
        if (isAbsent()) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw expected("an array");
        }
        List<ExportNode> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(new ExportNode(file, path + "[" + i + "]", list.get(i)));
        }
        return out;
    }

    public List<ExportNode> items(String key) {
        return get(key).items();
    }

    /** A required string (numbers are accepted as their text: some APIs send ids as numbers). */
    public String text() {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        throw expected("a string");
    }

    public String text(String key) {
        return get(key).text();
    }

    /** A string, or null when missing or null. */
    public String optText(String key) {
        ExportNode child = get(key);
        return child.isAbsent() ? null : child.text();
    }

    public long number(String key) {
        ExportNode child = get(key);
        if (child.value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw child.expected("a whole number");
    }

    /** A whole number, or null when missing or null. */
    public Long optNumber(String key) {
        return get(key).isAbsent() ? null : number(key);
    }

    /** A required true or false. */
    public boolean bool() {
        if (value instanceof Boolean b) {
            return b;
        }
        throw expected("true or false");
    }

    public boolean bool(String key, boolean fallback) {
        ExportNode child = get(key);
        if (child.isAbsent()) {
            return fallback;
        }
        if (child.value instanceof Boolean b) {
            return b;
        }
        throw child.expected("true or false");
    }

    /** An instant written with an offset ({@code 2026-03-02T09:00:00-05:00}, {@code 2026-03-02T14:00:00Z}). */
    public Instant instant(String key) {
        ExportNode child = get(key);
        String text = child.text();
        try {
            return OffsetDateTime.parse(text, OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw child.expected("a date and time with an offset, e.g. 2026-03-02T09:00:00-05:00");
        }
    }

    public Instant optInstant(String key) {
        return get(key).isAbsent() ? null : instant(key);
    }

    /** A local date and time without offset ({@code 2026-03-02T09:00:00}). */
    public LocalDateTime localDateTime(String key) {
        ExportNode child = get(key);
        String text = child.text();
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw child.expected("a local date and time such as 2026-03-02T09:00:00");
        }
    }

    /** The complaint that this value is not what was expected here. */
    public ImportException expected(String what) {
        return new ImportException(file + ": " + path + ": expected " + what + ", found " + describe());
    }

    private String describe() {
        if (value == MISSING) {
            return "nothing (the key is missing)";
        }
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?> map) {
            return "an object with keys " + map.keySet();
        }
        if (value instanceof List<?> list) {
            return "an array of " + list.size();
        }
        String text = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    @Override
    public String toString() {
        return file + ": " + path;
    }
}
