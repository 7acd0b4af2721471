package dev.firebell.paging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsTextTest {

    @Test
    void sanitize_shouldKeepTheGsmAlphabet_andReplaceWhatWouldMakeTheMessageUcs2() {
        assertThat(SmsText.sanitize("Zürich café Ñ £5 @home {x}")).isEqualTo("Zürich café Ñ £5 @home {x}");
        assertThat(SmsText.sanitize("line\nbreak\ttab")).isEqualTo("line break tab");
        assertThat(SmsText.sanitize("“quoted” ‘single’ – dash — … ")).isEqualTo("\"quoted\" 'single' - dash - ... ");
        assertThat(SmsText.sanitize("Łódź ōsaka")).isEqualTo("?odz osaka");
        assertThat(SmsText.sanitize("fire 🔥 中")).isEqualTo("fire ? ?");
        assertThat(SmsText.sanitize("x\u00a0y")).isEqualTo("x y");
        for (char c : SmsText.sanitize("everything ✓ ★ ünïcödé ‰ ©").toCharArray()) {
            assertThat(SmsText.isGsm(c)).as("%s", c).isTrue();
        }
    }

    @Test
    void septetsAndSegments_shouldCountAsCarriersDo() {
        assertThat(SmsText.septets("abc")).isEqualTo(3);
        assertThat(SmsText.septets("{€}")).isEqualTo(6);
        assertThat(SmsText.segments("x".repeat(160))).isEqualTo(1);
        assertThat(SmsText.segments("x".repeat(161))).isEqualTo(2);
        assertThat(SmsText.segments("x".repeat(306))).isEqualTo(2);
        assertThat(SmsText.segments("x".repeat(307))).isEqualTo(3);
        // 159 plain and one extension character: 161 septets, so two segments.
        assertThat(SmsText.segments("x".repeat(159) + "[")).isEqualTo(2);
        // An escaped character is never split: 152 plain + '[' does not fit the first segment's 153.
        assertThat(SmsText.segments("x".repeat(152) + "[" + "x".repeat(152))).isEqualTo(3);
    }

    @Test
    void truncate_shouldFitTheSeptets_andSaySoWithThreeDots() {
        assertThat(SmsText.truncate("short", 10)).isEqualTo("short");
        assertThat(SmsText.truncate("x".repeat(20), 10)).isEqualTo("xxxxxxx...");
        assertThat(SmsText.truncate("ab[[[[[[", 8)).isEqualTo("ab[...");
        assertThat(SmsText.septets(SmsText.truncate("[".repeat(100), 51))).isLessThanOrEqualTo(51);
    }
}
