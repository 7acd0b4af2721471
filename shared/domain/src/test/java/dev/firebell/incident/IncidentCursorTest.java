package dev.firebell.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IncidentCursorTest {

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void encode_shouldGiveAnOpaqueUrlSafeToken_thatDecodesToTheSamePosition() {
        IncidentCursor position = new IncidentCursor(Instant.parse("2026-11-15T12:00:00.123456Z"), "42");

        String token = position.encode();

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(IncidentCursor.decode(token)).isEqualTo(position);
        assertThat(IncidentCursor.decode(token).openedAt()).isEqualTo(Instant.parse("2026-11-15T12:00:00.123Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "%%%", "not-base64!", "MXwxMjN8", "MnwxMjN8NDI", "MXxhYmN8NDI", "MXwxMjN8MDQy",
            "MXwxMjN8NDJ8eA", "MXwtMXw0Mg"})
    void decode_shouldRefuseATokenNoListGave(String forged) {
        assertThatThrownBy(() -> IncidentCursor.decode(forged)).isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("after=");
    }

    @Test
    void decode_shouldRefuseAnIdThatIsNoIncidentNumber() {
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "1|1764000000000|1#INCIDENT".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> IncidentCursor.decode(token)).isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void aQuery_shouldRefuseAPositionOutsideItsPeriod() {
        IncidentQuery november = IncidentQuery.between(FROM, TO, 25);

        assertThatThrownBy(() -> november.after(new IncidentCursor(TO, "3")))
                .isInstanceOf(InvalidCursorException.class).hasMessageContaining("outside the period");
        assertThatThrownBy(() -> november.after(new IncidentCursor(FROM.minusMillis(1), "3")))
                .isInstanceOf(InvalidCursorException.class);
        assertThat(november.after(new IncidentCursor(FROM, "3")).after()).isNotNull();
    }

    @Test
    void aQuery_shouldRefuseAnEmptyPeriodAndUnreasonablePages() {
        assertThatThrownBy(() -> IncidentQuery.between(TO, FROM, 25)).hasMessageContaining("must end after");
        assertThatThrownBy(() -> IncidentQuery.between(FROM, TO, 0)).hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> IncidentQuery.between(FROM, TO, 101)).hasMessageContaining("1 to 100");
    }
}
