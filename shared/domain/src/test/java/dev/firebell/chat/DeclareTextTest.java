package dev.firebell.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DeclareTextTest {

    private static final Set<String> SERVICES = Set.of("checkout", "payments");

    @Test
    void split_shouldTakeAConfiguredServiceFromTheEnd_orLeaveItAllTitle() {
        assertThat(DeclareText.split("Checkout is failing checkout", SERVICES))
                .isEqualTo(new DeclareText("Checkout is failing", "checkout"));
        assertThat(DeclareText.split("Checkout  is   failing", SERVICES))
                .isEqualTo(new DeclareText("Checkout is failing", null));
        assertThat(DeclareText.split("payments", SERVICES)).isEqualTo(new DeclareText("payments", null));
        assertThat(DeclareText.split("Checkout is failing checkout", Set.of()))
                .isEqualTo(new DeclareText("Checkout is failing checkout", null));
    }

    @Test
    void split_shouldTakeQuotedTitles_straightOrCurly() {
        assertThat(DeclareText.split("\"Payments down\" payments", SERVICES))
                .isEqualTo(new DeclareText("Payments down", "payments"));
        assertThat(DeclareText.split("“Payments down checkout”", SERVICES))
                .isEqualTo(new DeclareText("Payments down checkout", null));
        assertThatThrownBy(() -> DeclareText.split("\"Payments down", SERVICES))
                .hasMessage("the title's closing quote is missing");
        assertThatThrownBy(() -> DeclareText.split("\"Payments down\" pay ments", SERVICES))
                .hasMessage("after the quoted title only a service name may follow, not 'pay ments'");
        assertThatThrownBy(() -> DeclareText.split("\"Payments down\" billing", SERVICES))
                .hasMessage("'billing' is not a configured service; configured: checkout, payments");
        assertThatThrownBy(() -> DeclareText.split("\"\" checkout", SERVICES)).hasMessageStartingWith("the title is missing");
    }
}
