package dev.firebell.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyCodeTest {

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
        "7a|7|ACKNOWLEDGE", "7A|7|ACKNOWLEDGE", "' 7 a '|7|ACKNOWLEDGE", "7a.|7|ACKNOWLEDGE", "#7a|7|ACKNOWLEDGE",
        "007a|7|ACKNOWLEDGE", "7e|7|ESCALATE", "12 E|12|ESCALATE", "7r|7|RESOLVE", "7 ack|7|ACKNOWLEDGE",
        "ack 7|7|ACKNOWLEDGE", "Resolve 7|7|RESOLVE", "7 escalate|7|ESCALATE", "a||ACKNOWLEDGE", "A||ACKNOWLEDGE",
        "e||ESCALATE", "' r '||RESOLVE"})
    void parse_shouldReadTheCodesPeopleType(String text, String incident, String action) {
        assertThat(ReplyCode.parse(text)).contains(new ReplyCode(incident, PageAction.valueOf(action)));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", " ", "7", "7x", "7aa", "ok", "yes", "stop", "thanks, on it", "a7a", "7a 8a",
        "1234567890a", "-7a", "7a;drop table", "\u0000", "٧a", "７a", "7\u200ba"})
    void parse_shouldFindNoCode_inAnythingElse(String text) {
        assertThat(ReplyCode.parse(text)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void parse_shouldNotReadLongMessages() {
        assertThat(ReplyCode.parse("7a" + " ".repeat(60))).isEqualTo(Optional.empty());
        assertThat(ReplyCode.parse(null)).isEmpty();
    }
}
