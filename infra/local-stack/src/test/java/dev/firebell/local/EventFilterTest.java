package dev.firebell.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFilterTest {

    /** The postmortem function's filter, exactly as template.yaml declares it. */
    private final EventFilter resolved = EventFilter.forEvent(
            SamTemplate.load(SamTemplate.locate()).function("PostmortemFunction"), "IncidentResolved");

    private static Map<String, Object> record(String eventName, Map<String, Object> oldImage, Map<String, Object> newImage) {
        Map<String, Object> dynamodb = new LinkedHashMap<>();
        dynamodb.put("Keys", Map.of("PK", Map.of("S", "INCIDENT#1"), "SK", Map.of("S", "INCIDENT")));
        if (newImage != null) {
            dynamodb.put("NewImage", newImage);
        }
        if (oldImage != null) {
            dynamodb.put("OldImage", oldImage);
        }
        dynamodb.put("SequenceNumber", "100");
        return Map.of("eventName", eventName, "eventSource", "aws:dynamodb", "dynamodb", dynamodb);
    }

    private static Map<String, Object> item(String type, String status) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", Map.of("S", type));
        if (status != null) {
            item.put("status", Map.of("S", status));
        }
        return item;
    }

    @Test
    void templateFilter_shouldPass_incidentsBecomingResolved() {
        assertThat(resolved.matches(record("MODIFY", item("incident", "TRIGGERED"), item("incident", "RESOLVED")))).isTrue();
        assertThat(resolved.matches(record("MODIFY", item("incident", "ACKNOWLEDGED"), item("incident", "RESOLVED"))))
                .isTrue();
        assertThat(resolved.matches(record("INSERT", null, item("incident", "RESOLVED"))))
                .as("opened already resolved: its OK arrived first").isTrue();
    }

    @Test
    void templateFilter_shouldDrop_everythingElse() {
        assertThat(resolved.matches(record("MODIFY", item("incident", "RESOLVED"), item("incident", "RESOLVED"))))
                .as("a note added to a resolved incident").isFalse();
        assertThat(resolved.matches(record("MODIFY", item("incident", "RESOLVED"), item("incident", "TRIGGERED"))))
                .as("a reopen").isFalse();
        assertThat(resolved.matches(record("MODIFY", item("incident", "TRIGGERED"), item("incident", "ACKNOWLEDGED"))))
                .isFalse();
        assertThat(resolved.matches(record("INSERT", null, item("incident", "TRIGGERED")))).isFalse();
        assertThat(resolved.matches(record("INSERT", null, item("timeline", null)))).isFalse();
        assertThat(resolved.matches(record("INSERT", null, item("metrics", null))))
                .as("the function's own metrics write").isFalse();
        assertThat(resolved.matches(record("MODIFY", item("page", "PENDING"), item("page", "SENT")))).isFalse();
        assertThat(resolved.matches(record("REMOVE", item("incident", "RESOLVED"), null))).isFalse();
    }

    @Test
    void of_shouldApplyTheOperators_likeLambda() {
        EventFilter filter = EventFilter.of(List.of(
                "{\"a\":[{\"prefix\":\"inc\"}],\"n\":[5],\"tags\":[\"x\"],\"gone\":[{\"exists\":false}]}",
                "{\"b\":[{\"equals-ignore-case\":\"YES\"}]}"));

        assertThat(filter.matches(Map.of("a", "incident", "n", 5.0, "tags", List.of("w", "x")))).isTrue();
        assertThat(filter.matches(Map.of("a", "incident", "n", 5, "tags", List.of("x"), "gone", "here"))).isFalse();
        assertThat(filter.matches(Map.of("a", "page", "n", 5, "tags", List.of("x")))).isFalse();
        assertThat(filter.matches(Map.of("b", "yes"))).as("the second filter").isTrue();
        assertThat(EventFilter.of(List.of()).matches(Map.of("anything", 1))).isTrue();
    }

    @Test
    void of_shouldRefuse_patternsItCannotApplyFaithfully() {
        assertThatThrownBy(() -> EventFilter.of(List.of("{\"n\":[{\"numeric\":[\">\",5]}]}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not one the local filter knows");
        assertThatThrownBy(() -> EventFilter.of(List.of("{\"a\":\"not an array\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be an array");
        assertThatThrownBy(() -> EventFilter.of(List.of("[1]")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON object");
    }
}
