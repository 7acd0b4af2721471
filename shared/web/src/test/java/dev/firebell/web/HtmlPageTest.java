package dev.firebell.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlPageTest {

    private static final String HOSTILE = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>&amp;\u0000\u0007";

    @Test
    void everyValue_shouldBeEscaped_whereverItIsShown() {
        String html = HtmlPage.titled(HOSTILE).heading(HOSTILE).paragraph(HOSTILE).fact(HOSTILE, HOSTILE)
                .button(HOSTILE).note(HOSTILE).html();

        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("\u0000")
                .doesNotContain("\u0007").contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&gt;&lt;img")
                .contains("&amp;amp;");
        // The only tags are the page's own.
        Matcher tag = Pattern.compile("<([a-zA-Z0-9!/]+)").matcher(html);
        while (tag.find()) {
            assertThat(tag.group(1)).isIn("!DOCTYPE", "html", "/html", "head", "/head", "meta", "title", "/title",
                    "style", "/style", "body", "/body", "main", "/main", "h1", "/h1", "p", "/p", "dl", "/dl", "dt",
                    "/dt", "dd", "/dd", "form", "/form", "button", "/button");
        }
    }

    @Test
    void thePage_shouldBeUsableOnAPhone_withoutScriptOrAnythingFromElsewhere() {
        String html = HtmlPage.titled("Acknowledge #7").heading("Acknowledge #7?").fact("Service", "checkout")
                .button("Acknowledge #7").html();

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">")
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains("<form method=\"post\">").contains("<button type=\"submit\">Acknowledge #7</button>")
                .doesNotContain("<script").doesNotContain("src=").doesNotContain("href=").doesNotContain("http")
                .doesNotContain("action=").doesNotContain(" style=");
    }

    @Test
    void everyResponse_shouldCarryTheStrictHeaders_andACspThatAllowsExactlyItsOwnStyle() throws Exception {
        HttpResponse response = HtmlPage.titled("x").heading("y").respond(410);

        assertThat(response.status()).isEqualTo(410);
        assertThat(response.headers()).containsEntry("content-type", "text/html; charset=utf-8")
                .containsEntry("referrer-policy", "no-referrer").containsEntry("cache-control", "no-store")
                .containsEntry("x-content-type-options", "nosniff").containsEntry("x-frame-options", "DENY")
                .containsEntry("strict-transport-security", "max-age=63072000; includeSubDomains");
        String csp = response.header("content-security-policy");
        assertThat(csp).startsWith("default-src 'none';").contains("form-action 'self'").contains("base-uri 'none'")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe").doesNotContain("script-src");
        // The hash in the policy is the hash of the one inline style.
        Matcher style = Pattern.compile("<style>(.*)</style>", Pattern.DOTALL).matcher(response.body());
        assertThat(style.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(csp).contains("style-src 'sha256-" + hash + "'");
    }

    @Test
    void factsWithoutAValue_shouldBeLeftOut() {
        assertThat(HtmlPage.titled("t").fact("Acknowledged by", null).fact("Status", "TRIGGERED").html())
                .doesNotContain("Acknowledged by").contains("<dt>Status</dt><dd>TRIGGERED</dd>");
    }
}
