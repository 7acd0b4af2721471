package dev.firebell.cli;

import dev.firebell.aws.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recorded alarm deliveries replayed at another time: every time written in an event (the delivery's own, the state
 * timestamps, times inside the SNS message and the composite's reason data, the datapoint times of the reason text)
 * moved by the same amount, and every other byte left as it was. The text is rewritten rather than parsed and
 * written again, because the times also sit in JSON strings inside JSON strings, and a replay must stay shaped as
 * AWS sent it.
 */
final class SampleEvents {

    /** ISO-8601 as CloudWatch, EventBridge and SNS write it: {@code ...T09:00:05Z}, {@code ...T09:00:04.861+0000}. */
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})");
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss",
            Locale.ROOT);
    /** A datapoint in a threshold alarm's reason: {@code (27/11/26 08:59:00)}, UTC. */
    private static final Pattern DATAPOINT = Pattern.compile("\\d{2}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}");
    private static final DateTimeFormatter DATAPOINT_FORMAT = DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss",
            Locale.ENGLISH);
    /** A composite alarm's reason: {@code transitioned to ALARM at Friday 27 November, 2026 09:07:58 UTC}. */
    private static final Pattern SPELLED = Pattern.compile(
            "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \\d{1,2} [A-Z][a-z]+, \\d{4} \\d{2}:\\d{2}:\\d{2} UTC");
    private static final DateTimeFormatter SPELLED_FORMAT = DateTimeFormatter.ofPattern("EEEE d MMMM, yyyy HH:mm:ss 'UTC'",
            Locale.ENGLISH);

    private SampleEvents() {
    }

    /**
     * How far to move a recording that starts at {@code recordedStart} so that it starts at the first whole minute at
     * or after {@code start}: whole minutes, so datapoint times stay on their periods' minutes.
     */
    static Duration shiftToStartAt(Instant recordedStart, Instant start) {
        Instant minute = start.truncatedTo(ChronoUnit.MINUTES);
        Instant firstWholeMinute = minute.equals(start) ? minute : minute.plus(Duration.ofMinutes(1));
        return Duration.between(recordedStart.truncatedTo(ChronoUnit.MINUTES), firstWholeMinute);
    }

    /** The event with every time in it moved by {@code by}, written as it was written (precision, offset, words). */
    static byte[] restamp(byte[] event, Duration by) {
        String text = new String(event, StandardCharsets.UTF_8);
        text = replace(ISO, text, m -> {
            String fraction = m.group(2) == null ? "" : m.group(2);
            Instant at = iso(m.group(1), fraction, m.group(3)).plus(by);
            String moved = ISO_SECONDS.format(at.atOffset(offset(m.group(3))));
            String nanos = String.format(Locale.ROOT, "%09d", at.getNano());
            return moved + (fraction.isEmpty() ? "" : "." + nanos.substring(0, fraction.length() - 1)) + m.group(3);
        });
        text = replace(DATAPOINT, text, m -> DATAPOINT_FORMAT.format(
                LocalDateTime.parse(m.group(), DATAPOINT_FORMAT).plus(by)));
        text = replace(SPELLED, text, m -> SPELLED_FORMAT.format(
                LocalDateTime.parse(m.group(), SPELLED_FORMAT).plus(by)));
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * When the delivery was made: EventBridge's and an alarm action's {@code time}, SNS's {@code Timestamp}.
     *
     * @throws IllegalArgumentException if the event is none of the three shapes
     */
    @SuppressWarnings("unchecked")
    static Instant deliveredAt(byte[] event) {
        Map<String, Object> json;
        try {
            json = Json.readObject(new String(event, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
        }
        Object time = json.get("time");
        if (time == null && json.get("Records") instanceof List<?> records && !records.isEmpty()
                && records.get(0) instanceof Map<?, ?> record && record.get("Sns") instanceof Map<?, ?> sns) {
            time = ((Map<String, Object>) sns).get("Timestamp");
        }
        if (!(time instanceof String text)) {
            throw new IllegalArgumentException("no delivery time: neither an EventBridge or alarm-action 'time' nor an"
                    + " SNS record's 'Timestamp'");
        }
        Matcher m = ISO.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 time");
        }
        return iso(m.group(1), m.group(2) == null ? "" : m.group(2), m.group(3));
    }

    private static Instant iso(String dateTime, String fraction, String zone) {
        LocalDateTime local = LocalDateTime.parse(dateTime + fraction);
        return local.toInstant(offset(zone));
    }

    private static ZoneOffset offset(String zone) {
        return "Z".equals(zone) ? ZoneOffset.UTC : ZoneOffset.of(zone.length() == 5
                ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
