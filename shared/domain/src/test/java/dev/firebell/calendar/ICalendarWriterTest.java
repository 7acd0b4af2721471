package dev.firebell.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ICalendarWriterTest {

    @Test
    void text_shouldEscapeBackslashSemicolonCommaAndEveryLineBreak() {
        assertThat(ICalendarWriter.escape("a\\b;c,d\ne\r\nf\rg")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng");
    }

    @Test
    void text_shouldDropControlCharacters_theRfcDoesNotAllow_butKeepTabs() {
        assertThat(ICalendarWriter.escape("bell\u0007 tab\there\u007f")).isEqualTo("bell tab\there");
    }

    @Test
    void aLongLineOfMultiByteCharacters_isFoldedAt75Octets_neverInsideACharacter_andUnfoldsToItself()
            throws CharacterCodingException {
        // 2-, 3- and 4-octet characters mixed so that a fold falls at every offset inside one.
        String value = "Élodie 東京 on call 🚒 ".repeat(20);
        String written = new ICalendarWriter().text("SUMMARY", value).toString();

        assertThat(written).endsWith("\r\n");
        String[] lines = written.substring(0, written.length() - 2).split("\r\n", -1);
        assertThat(lines.length).isGreaterThan(5);
        for (int i = 0; i < lines.length; i++) {
            byte[] octets = lines[i].getBytes(StandardCharsets.UTF_8);
            assertThat(octets.length).as("line %d", i).isLessThanOrEqualTo(75);
            // Each physical line on its own is valid UTF-8: no character was cut in two.
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(octets));
            if (i > 0) {
                assertThat(lines[i]).startsWith(" ");
            }
        }
        assertThat(written.replace("\r\n ", "")).isEqualTo("SUMMARY:" + value + "\r\n");
    }

    @Test
    void aLineOfExactly75Octets_isNotFolded_andOneMoreOctetIs() {
        String fits = "X-A:" + "a".repeat(71);
        assertThat(new ICalendarWriter().property("X-A", "a".repeat(71)).toString()).isEqualTo(fits + "\r\n");
        assertThat(new ICalendarWriter().property("X-A", "a".repeat(72)).toString())
                .isEqualTo(fits + "\r\n a\r\n");
    }

    @Test
    void utc_shouldWriteDateTimesInUtcToTheSecond() {
        assertThat(ICalendarWriter.utc(Instant.parse("2027-03-28T01:00:59.999Z"))).isEqualTo("20270328T010059Z");
    }
}
