package dev.firebell.function.postmortem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the function was invoked with: a batch of the table's stream records (from the event source mapping), or
 * {@code {"incidentId": "42"}} to regenerate one draft on demand. Anything else is refused with a message that
 * names what was expected, before anything is read or written.
 */
sealed interface PostmortemRequest {

    /** One draft, asked for by a person or a tool. */
    record OnDemand(String incidentId) implements PostmortemRequest {
    }

    /** Stream records, in order. */
    record Batch(List<StreamRecord> records) implements PostmortemRequest {
    }

    /**
     * One stream record. {@code incidentId} is null when the record is not an incident becoming resolved (which
     * the template's filter never delivers, but the handler does not rely on it); {@code problem} is set when the
     * record is malformed.
     */
    record StreamRecord(String sequenceNumber, String incidentId, String problem) {
        boolean resolution() {
            return incidentId != null;
        }
    }

    static PostmortemRequest parse(Object event) {
        if (!(event instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("expected a JSON object: a DynamoDB stream event {\"Records\": [...]}"
                    + " or {\"incidentId\": \"<id>\"}");
        }
        if (map.containsKey("Records")) {
            if (!(map.get("Records") instanceof List<?> records)) {
                throw new IllegalArgumentException("\"Records\" must be an array of DynamoDB stream records");
            }
            List<StreamRecord> parsed = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                parsed.add(record(records.get(i), i));
            }
            return new Batch(parsed);
        }
        if (map.containsKey("incidentId")) {
            Object id = map.get("incidentId");
            if (!(id instanceof String || id instanceof Number) || String.valueOf(id).isBlank()) {
                throw new IllegalArgumentException("\"incidentId\" must be a non-empty string, e.g. {\"incidentId\": \"42\"}");
            }
            return new OnDemand(String.valueOf(id).trim());
        }
        throw new IllegalArgumentException("expected a DynamoDB stream event {\"Records\": [...]} or {\"incidentId\":"
                + " \"<id>\"}; got an object with keys " + map.keySet());
    }

    private static StreamRecord record(Object raw, int index) {
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
        if (!"aws:dynamodb".equals(record.get("eventSource"))) {
            return new StreamRecord(seq, null, "Records[" + index + "] is not from a DynamoDB stream (eventSource "
                    + record.get("eventSource") + ")");
        }
        String eventName = String.valueOf(record.get("eventName"));
        Map<String, String> newImage = strings(dynamodb.get("NewImage"));
        Map<String, String> oldImage = strings(dynamodb.get("OldImage"));
        boolean becameResolved = "incident".equals(newImage.get("type")) && "RESOLVED".equals(newImage.get("status"))
                && ("INSERT".equals(eventName)
                        || "MODIFY".equals(eventName) && !"RESOLVED".equals(oldImage.get("status")));
        if (!becameResolved) {
            return new StreamRecord(seq, null, null);
        }
        String id = newImage.get("id");
        if (id == null || id.isBlank()) {
            return new StreamRecord(seq, null, "Records[" + index + "] (sequence " + seq + ") is a resolved incident"
                    + " item without an id attribute");
        }
        return new StreamRecord(seq, id, null);
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
