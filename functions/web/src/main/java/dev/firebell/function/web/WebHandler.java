package dev.firebell.function.web;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.firebell.aws.Json;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.wiring.ClockModule;
import dev.firebell.console.Console;
import dev.firebell.console.session.SignedSessions;
import dev.firebell.web.FunctionUrlEvents;
import dev.firebell.web.HttpRequest;
import dev.firebell.web.HttpResponse;
import dev.firebell.web.LambdaRequestLog;
import dev.firebell.web.PlainText;
import dev.firebell.web.RequestLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Map;

/**
 * WebFunction: the stack's public endpoint, a Lambda Function URL. Every request gets a well-formed answer with the
 * strict headers, whatever it holds: heartbeat pings under {@code /ping/} in plain text ({@link PingEndpoint}), calendar
 * feeds under {@code /calendar/} ({@link CalendarEndpoint}), the console under {@code /console}, the
 * pages behind links ({@link LinkEndpoint}), or a page saying what is wrong. A failure nobody can fix is logged at ERROR (which the web-failures alarm counts) and answered 500.
 */
public final class WebHandler implements RequestStreamHandler {

    /** A link request is about 2 KB as an event; a form post with the button, a little more. */
    static final int MAX_EVENT = 16 * 1024;

    private final LinkEndpoint links;
    private final PingEndpoint pings;
    private final CalendarEndpoint calendars;
    private final Console console;

    /** Lambda's constructor: the object graph is built once per execution environment, at init. */
    public WebHandler() {
        this(FunctionEnvironment.system());
    }

    /** For the local runner and tests: the production graph, configured by the given environment. */
    public WebHandler(FunctionEnvironment environment) {
        this(environment, ClockModule.clock());
    }

    /** The production graph on another clock (the demo's). */
    public WebHandler(FunctionEnvironment environment, InstantSource clock) {
        this(DaggerWebComponent.builder().environment(environment).clock(clock).build());
    }

    private WebHandler(WebComponent component) {
        this(component.links(), component.pings(), component.calendars(), component.console());
    }

    WebHandler(LinkEndpoint links, PingEndpoint pings, CalendarEndpoint calendars, Console console) {
        this.links = links;
        this.pings = pings;
        this.calendars = calendars;
        this.console = console;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        RequestLog log = new LambdaRequestLog(context);
        byte[] raw = input.readNBytes(MAX_EVENT + 1);
        HttpResponse response;
        boolean head = false;
        if (raw.length > MAX_EVENT) {
            log.warn("refused: event larger than " + MAX_EVENT + " bytes");
            response = LinkPages.tooLarge();
        } else {
            Map<String, Object> event = null;
            try {
                event = Json.readObject(new String(raw, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                log.warn("refused: event is not a JSON object");
            }
            HttpRequest request = null;
            if (event != null) {
                try {
                    request = FunctionUrlEvents.decode(event);
                } catch (FunctionUrlEvents.BadEventException e) {
                    log.warn("refused: " + e.getMessage());
                }
            }
            head = request != null && request.method().equals("HEAD");
            response = request == null ? LinkPages.invalid() : answer(request, log);
        }
        if (head) {
            response = response.withoutBody();
        }
        output.write(Json.write(FunctionUrlEvents.encode(response)).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse answer(HttpRequest request, RequestLog log) {
        boolean ping = PingEndpoint.handles(request.path());
        boolean calendar = CalendarEndpoint.handles(request.path());
        try {
            if (Console.handles(request.path())) {
                return console.handle(request);
            }
            if (calendar) {
                return calendars.handle(request, log);
            }
            return ping ? pings.handle(request, log) : links.handle(request, log);
        } catch (RuntimeException e) {
            // The endpoints answer every problem they know; this is a bug or an outage. Still an answer, never a token
            // in the log.
            log.error("unexpected failure on " + request.method() + " " + (request.path().startsWith("/l/") ? "/l/..."
                    : ping ? PingEndpoint.PREFIX + "..." : calendar ? CalendarEndpoint.PREFIX + "..."
                    : request.path().startsWith(SignedSessions.SIGN_IN_PREFIX) ? SignedSessions.SIGN_IN_PREFIX + "..."
                    : request.path()), e);
            return ping || calendar ? PlainText.of(500, "Failed; reference " + log.reference() + ". Try again.")
                    : LinkPages.failed(log.reference());
        }
    }
}
