package dev.firebell.alarm;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evidence CloudWatch writes into an alarm's state reason, read for postmortems (time to detect). Both
 * formats below have been stable for years, but they are text: anything unexpected gives "unknown",
 * never an error and never a guess.
 *
 * <ul>
 *   <li>Metric alarms: {@code Threshold Crossed: 3 out of the last 3 datapoints [57.0 (27/11/26 08:59:00),
 *       44.0 (27/11/26 08:58:00), 31.0 (27/11/26 08:57:00)] were greater than the threshold (25.0) (minimum 3
 *       datapoints for OK -> ALARM transition).} The datapoints listed are the breaching ones, each stamped with
 *       the start of its period (UTC), so the earliest of them is when the metric first showed the problem.</li>
 *   <li>Composite alarms: {@code arn:...:alarm:child transitioned to ALARM at Friday 27 November, 2026 09:07:58 UTC}:
 *       the child alarm that tipped the rule, and when.</li>
 * </ul>
 */
public final class AlarmReason {

    /** A datapoint's value and timestamp, e.g. {@code 57.0 (27/11/26 08:59:00)}. */
    private static final Pattern DATAPOINT = Pattern.compile("\\((\\d{2}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2})\\)");
    private static final DateTimeFormatter DATAPOINT_TIME = DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss", Locale.ROOT);
    private static final Pattern CHILD = Pattern.compile(
            "^(arn:[^\\s]+:cloudwatch:[^\\s]+:alarm:[^\\s]+) transitioned to ALARM at \\w+ (\\d{1,2} \\w+, \\d{4} \\d{2}:\\d{2}:\\d{2}) UTC");
    private static final DateTimeFormatter CHILD_TIME = DateTimeFormatter.ofPattern("d MMMM, yyyy HH:mm:ss", Locale.ENGLISH);

    private AlarmReason() {
    }

    /** The child alarm of a composite that tipped it into ALARM, and when that child changed state. */
    public record ChildTransition(String alarmArn, Instant at) {
    }

    /**
     * When the earliest breaching datapoint of an OK -> ALARM (or INSUFFICIENT_DATA -> ALARM) transition began,
     * if the reason says.
     */
    public static Optional<Instant> firstBreachingDatapoint(String reason) {
        if (reason == null || !reason.startsWith("Threshold") || !reason.contains("-> ALARM transition")) {
            return Optional.empty();
        }
        int open = reason.indexOf('[');
        int close = reason.indexOf(']', open + 1);
        if (open < 0 || close < 0) {
            return Optional.empty();
        }
        Matcher m = DATAPOINT.matcher(reason.substring(open, close));
        Instant earliest = null;
        while (m.find()) {
            try {
                Instant at = LocalDateTime.parse(m.group(1), DATAPOINT_TIME).toInstant(ZoneOffset.UTC);
                earliest = earliest == null || at.isBefore(earliest) ? at : earliest;
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(earliest);
    }

    public static Optional<ChildTransition> compositeTrigger(String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        Matcher m = CHILD.matcher(reason);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ChildTransition(m.group(1),
                    LocalDateTime.parse(m.group(2), CHILD_TIME).toInstant(ZoneOffset.UTC)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
