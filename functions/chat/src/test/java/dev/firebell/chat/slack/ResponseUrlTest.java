package dev.firebell.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN",
            "https://hooks.slack.com/actions/T1/2/abc"})
    void parse_shouldAcceptSlacksResponseUrls(String url) {
        assertThat(ResponseUrl.parse(url)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://hooks.slack.com/commands/T1/2/abc",            // not https
            "HTTPS://hooks.slack.com/commands/T1/2/abc",           // only the canonical spelling
            "https://HOOKS.SLACK.COM/commands/T1/2/abc",
            "https://hooks.slack.com.evil.example/commands/T1/2/abc",
            "https://evil.example/hooks.slack.com/commands",
            "https://hooks.slack.com@evil.example/commands/T1/2/abc",
            "https://user:pass@hooks.slack.com/commands/T1/2/abc",
            "https://hooks.slack.com:443/commands/T1/2/abc",     // no explicit port, not even the default
            "https://hooks.slack.com:8443/commands/T1/2/abc",
            "https://evil.example#@hooks.slack.com/commands",
            "https://hooks.slack.com/commands/T1/2/abc#frag",
            "https://hooks.slack.com",
            "https://hooks.slack.com/",
            "https://hooks.slack.com/commands/../../x/..",
            "https://hooks.slack.com\\@evil.example/",
            "https://hooks.slack.com /commands",
            "//hooks.slack.com/commands/T1/2/abc",
            "hooks.slack.com/commands/T1/2/abc",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://hooks%2eslack%2ecom/commands/T1/2/abc",
            "https://[::1]/commands",
            ""})
    void parse_shouldRefuseAnythingElse(String url) {
        assertThat(ResponseUrl.parse(url)).as(url).isEmpty();
    }
}
