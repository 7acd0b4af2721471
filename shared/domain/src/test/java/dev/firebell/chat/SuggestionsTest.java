package dev.firebell.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> WORDS = List.of("ack", "unack", "resolve", "reopen", "status", "list", "severity",
            "escalate", "oncall", "override", "maintenance", "postmortem", "help", "note", "role", "commander", "declare");

    @Test
    void closest_shouldFindTyposSwapsAndPrefixes() {
        assertThat(Suggestions.closest("resovle", WORDS)).contains("resolve");
        assertThat(Suggestions.closest("staus", WORDS)).contains("status");
        assertThat(Suggestions.closest("ACK", WORDS)).contains("ack");
        assertThat(Suggestions.closest("acknowledge", WORDS)).contains("ack");
        assertThat(Suggestions.closest("esc", WORDS)).contains("escalate");
        assertThat(Suggestions.closest("maintainance", WORDS)).contains("maintenance");
        assertThat(Suggestions.closest("commandr", WORDS)).contains("commander");
    }

    @Test
    void closest_shouldSuggestNothing_whenNothingIsClose() {
        assertThat(Suggestions.closest("xyzzy", WORDS)).isEmpty();
        assertThat(Suggestions.closest("", WORDS)).isEmpty();
        assertThat(Suggestions.closest("a".repeat(100), WORDS)).isEmpty();
    }

    @Test
    void distance_shouldCountAnAdjacentSwapAsOneEdit() {
        assertThat(Suggestions.distance("lsit", "list")).isEqualTo(1);
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    }
}
