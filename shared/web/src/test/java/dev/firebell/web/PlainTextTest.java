package dev.firebell.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void of_shouldAnswerTextWithALineEnd_andTheStrictHeaders() {
        HttpResponse r = PlainText.of(404, "not found");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("not found\n");
        assertThat(r.header("content-type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(r.header("content-security-policy")).isEqualTo(
                "default-src 'none'; base-uri 'none'; frame-ancestors 'none'");
        assertThat(r.headers()).containsEntry("cache-control", "no-store").containsEntry("x-content-type-options",
                "nosniff").containsEntry("x-frame-options", "DENY").containsEntry("referrer-policy", "no-referrer")
                .containsKey("strict-transport-security");
    }
}
