package dev.firebell.function.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostmortemRequestTest {

    private static Map<String, Object> record(String seq, String eventName, String source, String oldStatus,
                                              String newStatus, String type, String id) {
        Map<String, Object> dynamodb = new LinkedHashMap<>();
        dynamodb.put("SequenceNumber", seq);
        if (oldStatus != null) {
            dynamodb.put("OldImage", Map.of("type", Map.of("S", type), "status", Map.of("S", oldStatus)));
        }
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("type", Map.of("S", type));
        image.put("status", Map.of("S", newStatus));
        if (id != null) {
            image.put("id", Map.of("S", id));
        }
        dynamodb.put("NewImage", image);
        return Map.of("eventName", eventName, "eventSource", source, "dynamodb", dynamodb);
    }

    @Test
    void parse_shouldFindTheIncidentsThatBecameResolved_andPassOverTheRest() {
        PostmortemRequest request = PostmortemRequest.parse(Map.of("Records", List.of(
                record("1", "MODIFY", "aws:dynamodb", "TRIGGERED", "RESOLVED", "incident", "7"),
                record("2", "INSERT", "aws:dynamodb", null, "RESOLVED", "incident", "8"),
                record("3", "MODIFY", "aws:dynamodb", "RESOLVED", "RESOLVED", "incident", "7"),
                record("4", "MODIFY", "aws:dynamodb", "RESOLVED", "TRIGGERED", "incident", "7"),
                record("5", "INSERT", "aws:dynamodb", null, "RESOLVED", "metrics", "7"),
                record("6", "MODIFY", "aws:dynamodb", "ACKNOWLEDGED", "RESOLVED", "incident", null),
                record("7", "MODIFY", "aws:kinesis", "TRIGGERED", "RESOLVED", "incident", "9"))));

        assertThat(request).isInstanceOf(PostmortemRequest.Batch.class);
        assertThat(((PostmortemRequest.Batch) request).records()).containsExactly(
                new PostmortemRequest.StreamRecord("1", "7", null),
                new PostmortemRequest.StreamRecord("2", "8", null),
                new PostmortemRequest.StreamRecord("3", null, null),
                new PostmortemRequest.StreamRecord("4", null, null),
                new PostmortemRequest.StreamRecord("5", null, null),
                new PostmortemRequest.StreamRecord("6", null,
                        "Records[5] (sequence 6) is a resolved incident item without an id attribute"),
                new PostmortemRequest.StreamRecord("7", null,
                        "Records[6] is not from a DynamoDB stream (eventSource aws:kinesis)"));
    }

    @Test
    void parse_shouldTakeAnIncidentId_onDemand() {
        assertThat(PostmortemRequest.parse(Map.of("incidentId", " 42 "))).isEqualTo(new PostmortemRequest.OnDemand("42"));
        assertThat(PostmortemRequest.parse(Map.of("incidentId", 42))).isEqualTo(new PostmortemRequest.OnDemand("42"));
    }

    @Test
    void parse_shouldNameWhatIsWrong() {
        assertThatThrownBy(() -> PostmortemRequest.parse(List.of())).hasMessageStartingWith("expected a JSON object");
        assertThatThrownBy(() -> PostmortemRequest.parse(Map.of("Records", "x")))
                .hasMessage("\"Records\" must be an array of DynamoDB stream records");
        assertThatThrownBy(() -> PostmortemRequest.parse(Map.of("Records", List.of("x"))))
                .hasMessage("Records[0] is not an object");
        assertThatThrownBy(() -> PostmortemRequest.parse(Map.of("incidentId", "")))
                .hasMessage("\"incidentId\" must be a non-empty string, e.g. {\"incidentId\": \"42\"}");
        assertThatThrownBy(() -> PostmortemRequest.parse(Map.of("incidentId", List.of("1"))))
                .hasMessageStartingWith("\"incidentId\" must be a non-empty string");
    }
}
