package dev.firebell.function.postmortem;

import dev.firebell.aws.stream.TableStreamRecords;
import java.util.ArrayList;
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
        if (TableStreamRecords.isStreamEvent(map)) {
            List<StreamRecord> parsed = new ArrayList<>();
            for (TableStreamRecords.Record record : TableStreamRecords.read(map)) {
                parsed.add(record(record));
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

    private static StreamRecord record(TableStreamRecords.Record record) {
        String seq = record.sequenceNumber();
        if (record.problem() != null) {
            return new StreamRecord(seq, null, record.problem());
        }
        Map<String, String> newImage = record.newImage();
        boolean becameResolved = "incident".equals(newImage.get("type")) && "RESOLVED".equals(newImage.get("status"))
                && (record.inserted() || record.modified() && !"RESOLVED".equals(record.oldImage().get("status")));
        if (!becameResolved) {
            return new StreamRecord(seq, null, null);
        }
        String id = newImage.get("id");
        if (id == null || id.isBlank()) {
            return new StreamRecord(seq, null, "Records[" + record.index() + "] (sequence " + seq + ") is a resolved"
                    + " incident item without an id attribute");
        }
        return new StreamRecord(seq, id, null);
    }
}
