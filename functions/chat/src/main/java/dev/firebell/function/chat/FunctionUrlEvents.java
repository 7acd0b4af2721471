package dev.firebell.function.chat;

import dev.firebell.chat.slack.WebRequest;
import dev.firebell.chat.slack.WebResponse;
import dev.firebell.web.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Lambda Function URL event (the same "payload format 2.0" as an API Gateway HTTP API): header names arrive
 * lower-cased, form bodies usually base64-encoded ({@code isBase64Encoded: true}), decoded as the web function's are.
 * The signature is checked over the decoded bytes, so they are kept as bytes.
 */
final class FunctionUrlEvents {

    private FunctionUrlEvents() {
    }

    /**
     * @throws dev.firebell.web.FunctionUrlEvents.BadEventException a body that claims base64 and is not, or an event
     *                                                              without an HTTP method
     */
    static WebRequest decode(Map<String, Object> event) {
        HttpRequest request = dev.firebell.web.FunctionUrlEvents.decode(event);
        return new WebRequest(request.method(), request.headers(), request.body());
    }

    static Map<String, Object> encode(WebResponse response) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("statusCode", response.status());
        out.put("headers", Map.of("content-type", response.contentType(), "cache-control", "no-store"));
        out.put("body", response.body());
        out.put("isBase64Encoded", false);
        return out;
    }
}
