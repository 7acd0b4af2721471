package dev.firebell.aws.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of a DynamoDB stream event, as Lambda's event source mapping hands them to a function
 * ({@code {"Records": [...]}}, images in DynamoDB JSON). The functions that read the table's stream (postmortem,
 * announcer) share this reading, so they agree on what a malformed record is and report it the same way.
 */
public final class TableStreamRecords {

    private TableStreamRecords() {
    }

    /**
     * One record. {@code problem} is set when the record is unusable (not from a DynamoDB stream); it still has its
     * sequence number, so it can be reported as failed on its own.
     *
     * @param newImage the new image's string attributes ({@code {"status": {"S": "RESOLVED"}}} reads as
     *                 {@code status=RESOLVED}); empty when there is none
     */
    public record Record(int index, String sequenceNumber, String eventName, Map<String, String> newImage,
                         Map<String, String> oldImage, String problem) {

        public Record {
            newImage = Map.copyOf(newImage);
            oldImage = Map.copyOf(oldImage);
        }

        public boolean inserted() {
            return "INSERT".equals(eventName);
        }

        public boolean modified() {
            return "MODIFY".equals(eventName);
        }
    }

    /** Whether the event is a stream event at all (it has {@code Records}). */
    public static boolean isStreamEvent(Map<?, ?> event) {
        return event.containsKey("Records");
    }

    /**
     * Every record of a stream event, in order.
     *
     * @throws IllegalArgumentException the event is not a stream event, or a record cannot even be reported on its
     *                                  own (not an object, no sequence number): the whole batch fails
     */
    public static List<Record> read(Map<?, ?> event) {
        if (!(event.get("Records") instanceof List<?> records)) {
            throw new IllegalArgumentException("\"Records\" must be an array of DynamoDB stream records");
        }
        List<Record> parsed = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            parsed.add(record(records.get(i), i));
        }
        return parsed;
    }

    private static Record record(Object raw, int index) {
        if (!(raw instanceof Map<?, ?> record)) {
            throw new IllegalArgumentException("Records[" + index + "] is not an object");
        }
        Map<?, ?> dynamodb = record.get("dynamodb") instanceof Map<?, ?> d ? d : Map.of();
        Object sequence = dynamodb.get("SequenceNumber");
        if (!(sequence instanceof String seq) || seq.isBlank()) {
            // Without its sequence number a record cannot be reported as failed on its own: fail the whole batch.
            throw new IllegalArgumentException("Records[" + index + "] has no dynamodb.SequenceNumber; is this a"
                    + " DynamoDB stream event?");
        }
        String eventName = String.valueOf(record.get("eventName"));
        if (!"aws:dynamodb".equals(record.get("eventSource"))) {
            return new Record(index, seq, eventName, Map.of(), Map.of(), "Records[" + index
                    + "] is not from a DynamoDB stream (eventSource " + record.get("eventSource") + ")");
        }
        return new Record(index, seq, eventName, strings(dynamodb.get("NewImage")), strings(dynamodb.get("OldImage")),
                null);
    }

    /** The string attributes of a DynamoDB JSON image ({@code {"status": {"S": "RESOLVED"}}}). */
    private static Map<String, String> strings(Object image) {
        Map<String, String> out = new LinkedHashMap<>();
        if (image instanceof Map<?, ?> attributes) {
            attributes.forEach((name, value) -> {
                if (value instanceof Map<?, ?> typed && typed.get("S") instanceof String s) {
                    out.put(String.valueOf(name), s);
                }
            });
        }
        return out;
    }
}
