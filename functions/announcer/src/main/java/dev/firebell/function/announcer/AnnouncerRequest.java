package dev.firebell.function.announcer;

import dev.firebell.announcement.AnnouncementService;
import dev.firebell.aws.stream.TableStreamRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the function was invoked with: a batch of the table's stream records (from the event source mapping), or
 * {@code {"incidentId": "42"}} to bring one incident's announcement up to date on demand. Anything else is refused
 * with a message that names what was expected, before anything is read or written.
 */
sealed interface AnnouncerRequest {

    /** One incident, asked for by a person or a tool. */
    record OnDemand(String incidentId) implements AnnouncerRequest {
    }

    /** Stream records, in order. */
    record Batch(List<Change> records) implements AnnouncerRequest {
    }

    /**
     * One stream record: the incident whose announcement it may change, or null when it changes none (the template's
     * filter never delivers those, but the handler does not rely on it); {@code problem} when it is malformed.
     */
    record Change(String sequenceNumber, String incidentId, String problem) {
    }

    static AnnouncerRequest parse(Object event) {
        if (!(event instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("expected a JSON object: a DynamoDB stream event {\"Records\": [...]}"
                    + " or {\"incidentId\": \"<id>\"}");
        }
        if (TableStreamRecords.isStreamEvent(map)) {
            List<Change> changes = new ArrayList<>();
            for (TableStreamRecords.Record record : TableStreamRecords.read(map)) {
                changes.add(change(record));
            }
            return new Batch(changes);
        }
        if (map.containsKey("incidentId")) {
            Object id = map.get("incidentId");
            String text = id instanceof String || id instanceof Number ? String.valueOf(id).trim() : "";
            if (!text.matches("[0-9]{1,12}")) {
                throw new IllegalArgumentException("\"incidentId\" must be an incident number, e.g."
                        + " {\"incidentId\": \"42\"}");
            }
            return new OnDemand(text);
        }
        throw new IllegalArgumentException("expected a DynamoDB stream event {\"Records\": [...]} or {\"incidentId\":"
                + " \"<id>\"}; got an object with keys " + map.keySet());
    }

    /** A timeline entry of a change an announcement shows, as inserted; anything else changes no announcement. */
    private static Change change(TableStreamRecords.Record record) {
        String seq = record.sequenceNumber();
        if (record.problem() != null) {
            return new Change(seq, null, record.problem());
        }
        Map<String, String> image = record.newImage();
        boolean shown = record.inserted() && "timeline".equals(image.get("type"))
                && AnnouncementService.CHANGES.stream().anyMatch(t -> t.name().equals(image.get("entryType")));
        if (!shown) {
            return new Change(seq, null, null);
        }
        String id = image.get("incidentId");
        if (id == null || id.isBlank()) {
            return new Change(seq, null, "Records[" + record.index() + "] (sequence " + seq + ") is a "
                    + image.get("entryType") + " timeline entry without an incidentId attribute");
        }
        return new Change(seq, id, null);
    }
}
