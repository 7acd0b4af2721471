package dev.firebell.slack;

/**
 * A Web API call that did not do what it was asked, with Slack's own words for why: the {@code error} of an
 * {@code "ok": false} answer, a rate limit that outlasts the invocation, an HTTP status, or no answer at all.
 */
public final class SlackApiException extends RuntimeException {

    /** Why the call failed. */
    public enum Kind {
        /** Slack answered {@code "ok": false}: {@link #error()} names why ({@code channel_not_found}, ...). */
        REFUSED,
        /** HTTP 429 asking to wait longer than the invocation has left. */
        RATE_LIMITED,
        /** No usable answer: an HTTP error, a timeout, a broken connection, not JSON. The call may have taken effect. */
        UNAVAILABLE
    }

    private final String method;
    private final Kind kind;
    private final String error;

    public SlackApiException(String method, Kind kind, String error, String message, Throwable cause) {
        super(message, cause);
        this.method = method;
        this.kind = kind;
        this.error = error;
    }

    /** The Web API method, e.g. {@code chat.postMessage}. */
    public String method() {
        return method;
    }

    public Kind kind() {
        return kind;
    }

    /** Slack's error name ({@code channel_not_found}, {@code ratelimited}, {@code http_500}, {@code timeout}, ...). */
    public String error() {
        return error;
    }
}
