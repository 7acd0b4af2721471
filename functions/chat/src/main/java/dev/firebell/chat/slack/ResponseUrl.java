package dev.firebell.chat.slack;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The only place Firebell ever posts a later answer to: a Slack response URL, checked strictly. It comes inside a
 * signed body, so only Slack could have chosen it; the check is defence in depth against a leaked signing secret
 * turning the function into a request forwarder (SSRF).
 */
public final class ResponseUrl {

    public static final String HOST = "hooks.slack.com";

    private ResponseUrl() {
    }

    /**
     * The URL when it is exactly {@code https://hooks.slack.com/<path>}: scheme https, that host (no other
     * spelling), no user info, no port, no fragment, a path; empty otherwise.
     */
    public static Optional<URI> parse(String value) {
        if (value == null || value.isEmpty() || value.length() > 1000) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        boolean ok = "https".equals(uri.getScheme())
                && HOST.equals(uri.getRawAuthority())
                && HOST.equals(uri.getHost())
                && uri.getRawUserInfo() == null
                && uri.getPort() == -1
                && uri.getRawFragment() == null
                && uri.getRawPath() != null && uri.getRawPath().startsWith("/") && uri.getRawPath().length() > 1
                && !uri.getRawPath().contains("/../") && !uri.getRawPath().endsWith("/..");
        return ok ? Optional.of(uri) : Optional.empty();
    }
}
