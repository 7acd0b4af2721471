package dev.firebell.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IncidentNumbersTest {

    @Test
    void after_shouldGiveOneFirst_andThenTheNumberAfterTheLast() {
        assertThat(IncidentNumbers.after(0)).isEqualTo("1");
        assertThat(IncidentNumbers.after(41)).isEqualTo("42");
        assertThat(IncidentNumbers.of(IncidentNumbers.after(41))).isEqualTo(42);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "-3", "07", "4a", "INC-4", " 4", "1000000000000000000"})
    void of_shouldRefuseWhatNoStoreProposes_namingIt(String id) {
        assertThatThrownBy(() -> IncidentNumbers.of(id)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("incident id '" + id + "' is not a positive number");
    }
}
