package dev.firebell.alarm;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The three states a CloudWatch alarm can be in. */
public enum AlarmState {
    OK,
    ALARM,
    INSUFFICIENT_DATA;

    /** Parses the state exactly as CloudWatch spells it; anything else names the accepted values. */
    public static AlarmState parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new MalformedAlarmException(field + " is missing");
        }
        try {
            return valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedAlarmException(field + " is '" + value + "', expected one of "
                    + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
