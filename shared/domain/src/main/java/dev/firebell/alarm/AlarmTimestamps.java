package dev.firebell.alarm;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * CloudWatch writes offsets without a colon ({@code 2023-08-04T12:36:15.490+0000}), which
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} rejects; EventBridge writes {@code Z}. Both are read here.
 */
public final class AlarmTimestamps {

    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private AlarmTimestamps() {
    }

    public static Instant parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new MalformedAlarmException(field + " is missing");
        }
        try {
            return OffsetDateTime.parse(value.trim(), LENIENT).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedAlarmException(field + " '" + value
                    + "' is not a timestamp like 2023-08-04T12:36:15.490+0000", e);
        }
    }
}
