package dev.firebell.chat.slack;

import dev.firebell.aws.Json;

/** What the endpoint answers: a status, a content type and a body. */
public record WebResponse(int status, String contentType, String body) {

    public static WebResponse json(Object value) {
        return new WebResponse(200, "application/json; charset=utf-8", Json.write(value));
    }

    /** A short plain-text answer; for refusals it names the kind of problem, never the details. */
    public static WebResponse text(int status, String text) {
        return new WebResponse(status, "text/plain; charset=utf-8", text);
    }

    public static WebResponse empty() {
        return new WebResponse(200, "text/plain; charset=utf-8", "");
    }
}
