package dev.firebell.function.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.Json;
import dev.firebell.chat.slack.SlackSignature;
import dev.firebell.chat.slack.WebRequest;
import dev.firebell.local.FunctionUrlEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The events the local server, tests and benchmarks build ({@link FunctionUrlEvent}) read as the handler reads a
 * Function URL's: the same method, headers and body bytes, base64 or not.
 */
class FunctionUrlEventsTest {

    private static final byte[] FORM = "team_id=T0FIREBELL&user_id=U0ALICE&command=%2Fincident&text=ack+%E2%9C%93"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void decode_shouldGiveBackTheSignedPost_thatFunctionUrlEventBuilt() throws IOException {
        Map<String, String> headers = SlackSignature.signedFormHeaders("secret".getBytes(StandardCharsets.UTF_8),
                "1796025600", FORM);

        WebRequest request = FunctionUrlEvents.decode(read(FunctionUrlEvent.post(headers, FORM)));

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.body()).isEqualTo(FORM);
        assertThat(request.headers()).containsAllEntriesOf(headers);
        assertThat(request.header(SlackSignature.SIGNATURE_HEADER))
                .isEqualTo(SlackSignature.sign("secret".getBytes(StandardCharsets.UTF_8), "1796025600", FORM));
    }

    @Test
    void decode_shouldGiveBackAPlainTextBodyAndAnyMethod() throws IOException {
        byte[] event = FunctionUrlEvent.of("GET", "/x", "a=1", Map.of("user-agent", "curl/8"), FORM, false,
                "192.0.2.1");

        Map<String, Object> json = read(event);
        WebRequest request = FunctionUrlEvents.decode(json);

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.body()).isEqualTo(FORM);
        assertThat(json).containsEntry("rawPath", "/x").containsEntry("rawQueryString", "a=1")
                .containsEntry("isBase64Encoded", false);
    }

    private static Map<String, Object> read(byte[] event) throws IOException {
        return Json.readObject(new String(event, StandardCharsets.UTF_8));
    }
}
