package dev.firebell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionUrlEventsTest {

    /** A GET as a Function URL delivers it (payload format 2.0), trimmed to what is read. */
    private static Map<String, Object> event(String method, String path, Object body, boolean base64) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("rawPath", path);
        event.put("rawQueryString", "a=1");
        event.put("headers", Map.of("host", "abc.lambda-url.eu-west-1.on.aws", "content-type",
                "application/x-www-form-urlencoded", "user-agent", "Mozilla/5.0"));
        event.put("requestContext", Map.of("domainName", "abc.lambda-url.eu-west-1.on.aws",
                "http", Map.of("method", method, "path", path, "sourceIp", "198.51.100.7")));
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", base64);
        return event;
    }

    @Test
    void decode_shouldTakeMethodPathHeadersBodyAndTheDomainReached() {
        HttpRequest request = FunctionUrlEvents.decode(event("POST", "/l/abc", Base64.getEncoder()
                .encodeToString("go=1&x=%3Cb%3E".getBytes(StandardCharsets.UTF_8)), true));

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/l/abc");
        assertThat(request.rawQuery()).isEqualTo("a=1");
        assertThat(request.domainName()).isEqualTo("abc.lambda-url.eu-west-1.on.aws");
        assertThat(request.sourceIp()).isEqualTo("198.51.100.7");
        assertThat(request.header("User-Agent")).contains("Mozilla/5.0");
        assertThat(request.form()).containsEntry("go", "1").containsEntry("x", "<b>");
    }

    @Test
    void decode_shouldRefuseWhatIsNoFunctionUrlEvent_andReadMalformedFormsAsEmpty() {
        assertThatThrownBy(() -> FunctionUrlEvents.decode(Map.of("body", "x")))
                .isInstanceOf(FunctionUrlEvents.BadEventException.class).hasMessageContaining("method");
        assertThatThrownBy(() -> FunctionUrlEvents.decode(event("POST", "/", "***", true)))
                .hasMessageContaining("base64");
        assertThat(FunctionUrlEvents.decode(event("POST", "/", "a=%zz&b=2", false)).form()).containsOnlyKeys("b");
    }

    @Test
    void encode_shouldGiveWhatAFunctionUrlReturnsToTheBrowser() {
        Map<String, Object> out = FunctionUrlEvents.encode(HtmlPage.titled("t").respond(404));

        assertThat(out).containsEntry("statusCode", 404).containsEntry("isBase64Encoded", false);
        assertThat(out.get("headers")).asString().contains("referrer-policy=no-referrer");
        assertThat((String) out.get("body")).startsWith("<!DOCTYPE html>");
    }

    @Test
    void encode_shouldReturnCookiesInTheCookiesList_andOmitTheListWhenNoneIsSet() {
        HttpResponse response = HtmlPage.titled("t").respond(303)
                .withCookie("__Host-a=1; Path=/; Secure; HttpOnly").withCookie("b=2; Path=/");

        Map<String, Object> out = FunctionUrlEvents.encode(response);

        assertThat(out.get("cookies")).isEqualTo(java.util.List.of("__Host-a=1; Path=/; Secure; HttpOnly", "b=2; Path=/"));
        assertThat(out.get("headers")).asString().doesNotContainIgnoringCase("set-cookie");
        assertThat(FunctionUrlEvents.encode(HtmlPage.titled("t").respond(200))).doesNotContainKey("cookies");
        assertThat(response.withoutBody().cookies()).hasSize(2);
        assertThat(response.with("x-a", "1").cookies()).hasSize(2);
    }

    @Test
    void decode_shouldGiveTheCookiesListAsOneCookieHeader() {
        Map<String, Object> event = event("GET", "/console", null, false);
        event.put("cookies", java.util.List.of("__Host-firebell=abc", "other=1"));

        assertThat(FunctionUrlEvents.decode(event).header("cookie")).contains("__Host-firebell=abc; other=1");
        assertThat(FunctionUrlEvents.decode(event("GET", "/console", null, false)).header("cookie")).isEmpty();
    }
}
