package dev.firebell.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.firebell.aws.Json;
import dev.firebell.function.chat.ChatHandler;
import dev.firebell.function.chat.ChatJobs;
import dev.firebell.function.chat.ChatOverrides;
import dev.firebell.local.FunctionUrlEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The chat endpoint on 127.0.0.1, as the Lambda Function URL serves it: each HTTP request becomes the payload
 * format 2.0 event Lambda would build (header names lower-cased, the body base64-encoded) and is handled by the
 * real {@code ChatFunction} handler in this process, through {@link FunctionRunner}. A deferred command's second
 * half reaches the handler as the SNS event its chat jobs topic would deliver, on a background thread (moto stores
 * published messages but does not invoke Lambda); what it would post to Slack's response URL is printed instead
 * (this machine cannot, and should not, reach hooks.slack.com).
 *
 * <p>Binds the loopback interface only. {@link #close()} stops it.
 */
public final class ChatServer implements AutoCloseable {

    public static final String FUNCTION = "ChatFunction";
    /** A Function URL takes up to 6 MB; nothing larger is worth reading here (the handler refuses 32 KB+). */
    static final int MAX_REQUEST = 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService requests = Executors.newFixedThreadPool(4, daemon("firebell-chat-request"));
    private final ExecutorService async = Executors.newSingleThreadExecutor(daemon("firebell-chat-async"));
    private final FunctionRunner runner;
    private final PrintStream log;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private ChatServer(FunctionRunner runner, int port, PrintStream log) throws IOException {
        this.runner = runner;
        this.log = log;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/", this::handle);
        server.setExecutor(requests);
    }

    /**
     * Serves {@code ChatFunction} of the runner's template on 127.0.0.1 ({@code port} 0: any free port). The handler
     * is built with {@code overrides} (e.g. who is in the directory), plus local deferral and response printing.
     */
    public static ChatServer start(FunctionRunner runner, int port, ChatOverrides overrides, PrintStream log)
            throws IOException {
        ChatServer chat = new ChatServer(runner, port, log);
        overrides.deferrals(chat::invokeAsync).responses((url, message) -> chat.log.println(
                "  -> what Slack would show from the response URL " + url + ":\n" + indent(Json.writePretty(message))));
        runner.handler(FUNCTION, environment -> new ChatHandler(environment, overrides));
        chat.server.start();
        return chat;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Stops accepting, finishes what is running (a few seconds at most), and releases the port. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(1);
        requests.shutdown();
        async.shutdown();
        try {
            requests.awaitTermination(5, TimeUnit.SECONDS);
            async.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        requests.shutdownNow();
        async.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        int status;
        try {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_REQUEST + 1);
            }
            if (body.length > MAX_REQUEST) {
                status = send(exchange, 413, Map.of("content-type", "text/plain"), bytes("request too large"));
            } else {
                Map<String, Object> response = Json.readObject(runner.invoke(FUNCTION, event(exchange, body)));
                Map<String, String> headers = new LinkedHashMap<>();
                if (response.get("headers") instanceof Map<?, ?> h) {
                    h.forEach((k, v) -> headers.put(String.valueOf(k), String.valueOf(v)));
                }
                String text = String.valueOf(response.getOrDefault("body", ""));
                byte[] payload = Boolean.TRUE.equals(response.get("isBase64Encoded")) ? Base64.getDecoder().decode(text)
                        : bytes(text);
                status = send(exchange, ((Number) response.get("statusCode")).intValue(), headers, payload);
            }
        } catch (IOException | RuntimeException e) {
            // What a Function URL answers when the function itself fails.
            log.println("  the handler failed: " + e);
            status = send(exchange, 502, Map.of("content-type", "text/plain"), bytes("the function failed: " + e));
        } finally {
            exchange.close();
        }
        log.printf(Locale.ROOT, "%s %s -> %d (%d ms)%n", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                status, (System.nanoTime() - started) / 1_000_000);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        return status;
    }

    /** What a Lambda Function URL hands the function for this request (payload format 2.0). */
    static byte[] event(HttpExchange exchange, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        URI uri = exchange.getRequestURI();
        return FunctionUrlEvent.of(exchange.getRequestMethod(), uri.getRawPath(),
                uri.getRawQuery() == null ? "" : uri.getRawQuery(), headers, body, true,
                exchange.getRemoteAddress().getAddress().getHostAddress());
    }

    /**
     * The chat jobs topic delivering a job, locally: the SNS event SNS would hand the function, for the topic the
     * template gives it, on another thread, later.
     */
    private void invokeAsync(dev.firebell.chat.slack.SlackEndpoint.DeferredCommand command) {
        byte[] job = ChatJobs.snsEvent(runner.environmentOf(FUNCTION).require("CHAT_JOB_TOPIC_ARN"), command);
        async.submit(() -> {
            try {
                runner.invoke(FUNCTION, job);
            } catch (IOException | RuntimeException e) {
                log.println("  the deferred half of a command failed: " + e);
            }
        });
    }

    private static String indent(String text) {
        return String.join("\n", text.lines().map(line -> "     " + line).toList());
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
