package dev.firebell.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.chat.slack.FormBody.MalformedFormException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormBodyTest {

    @Test
    void parse_shouldDecodePlusAndPercentEncodedUtf8() {
        var form = FormBody.parse(bytes("command=%2Fincident&text=note+42+%F0%9F%9A%92+caf%C3%A9+%3C%21channel%3E&empty=&flag"));

        assertThat(form).containsEntry("command", "/incident").containsEntry("text", "note 42 🚒 café <!channel>")
                .containsEntry("empty", "").containsEntry("flag", "");
    }

    @Test
    void parse_shouldGiveNoFieldsForAnEmptyBody_andSkipEmptyPairs() {
        assertThat(FormBody.parse(new byte[0])).isEmpty();
        assertThat(FormBody.parse(bytes("&&a=1&&"))).containsOnlyKeys("a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text=%", "text=%4", "text=%G1", "text=%zz", "text=50%", "%=x"})
    void parse_shouldRefuseBrokenPercentEncodings(String body) {
        assertThatThrownBy(() -> FormBody.parse(bytes(body))).isInstanceOf(MalformedFormException.class)
                .hasMessageContaining("'%' without two hex digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text=%E2%82", "text=%C0%AF", "text=%ED%A0%80", "text=%FF", "text=%F0%9F%9A"})
    void parse_shouldRefuseBytesThatAreNotUtf8(String body) {
        assertThatThrownBy(() -> FormBody.parse(bytes(body))).isInstanceOf(MalformedFormException.class)
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void parse_shouldRefuseRawNonUtf8Bytes_duplicatesNamelessFieldsAndTooManyFields() {
        assertThatThrownBy(() -> FormBody.parse(new byte[] {'t', '=', (byte) 0xFF})).hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> FormBody.parse(bytes("user_id=U1&user_id=U2"))).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> FormBody.parse(bytes("=value"))).hasMessageContaining("without a name");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 65; i++) {
            many.append("f").append(i).append("=1&");
        }
        assertThatThrownBy(() -> FormBody.parse(bytes(many.toString()))).hasMessageContaining("more than 64 fields");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
