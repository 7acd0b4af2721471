package dev.firebell.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.firebell.aws.Json;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A function of the template on 127.0.0.1 as its Lambda Function URL serves it: each HTTP request becomes the payload
 * format 2.0 event Lambda would build (header names lower-cased, the body base64-encoded, the host it was reached at as
 * {@code requestContext.domainName}) and is handled by the real handler in this process, through
 * {@link FunctionRunner}; what the handler returns becomes the HTTP response. A handler that fails gets the 502 a
 * Function URL answers then.
 *
 * <p>Binds the loopback interface only. {@link #close()} stops it.
 */
public final class FunctionUrlServer implements AutoCloseable {

    /** A Function URL takes up to 6 MB; nothing larger is worth reading here. */
    static final int MAX_REQUEST = 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService requests;
    private final FunctionRunner runner;
    private final String function;
    private final PrintStream log;
    private final AtomicBoolean closed = new AtomicBoolean();

    private FunctionUrlServer(FunctionRunner runner, String function, int port, PrintStream log) throws IOException {
        this.runner = runner;
        this.function = function;
        this.log = log;
        this.requests = Executors.newFixedThreadPool(4, daemon("firebell-" + function + "-request"));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/", this::handle);
        server.setExecutor(requests);
    }

    /** Serves {@code function} of the runner's template on 127.0.0.1 ({@code port} 0: any free port). */
    public static FunctionUrlServer start(FunctionRunner runner, String function, int port, PrintStream log)
            throws IOException {
        FunctionUrlServer served = new FunctionUrlServer(runner, function, port, log);
        served.server.start();
        return served;
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
        finish(requests, 5);
    }

    /** Lets what the pool is running finish, for {@code seconds} at most, then stops it. */
    static void finish(ExecutorService pool, int seconds) {
        pool.shutdown();
        try {
            pool.awaitTermination(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
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
                Map<String, Object> response = Json.readObject(runner.invoke(function, event(exchange, body)));
                Map<String, String> headers = new LinkedHashMap<>();
                if (response.get("headers") instanceof Map<?, ?> h) {
                    h.forEach((k, v) -> headers.put(String.valueOf(k), String.valueOf(v)));
                }
                String text = String.valueOf(response.getOrDefault("body", ""));
                byte[] payload = Boolean.TRUE.equals(response.get("isBase64Encoded")) ? Base64.getDecoder().decode(text)
                        : bytes(text);
                if (response.get("cookies") instanceof List<?> cookies) {
                    // A Function URL sends each of the response's cookies as a Set-Cookie header of its own.
                    cookies.forEach(c -> exchange.getResponseHeaders().add("set-cookie", String.valueOf(c)));
                }
                status = send(exchange, ((Number) response.get("statusCode")).intValue(), headers, payload);
            }
        } catch (IOException | RuntimeException e) {
            // What a Function URL answers when the function itself fails.
            log.println("  the handler failed: " + e);
            status = send(exchange, 502, Map.of("content-type", "text/plain"), bytes("the function failed: " + e));
        } finally {
            exchange.close();
        }
        String path = exchange.getRequestURI().getRawPath();
        // A link's token is its credential: logs show the path it is under, never the token.
        log.printf(Locale.ROOT, "%s %s -> %d (%d ms)%n", exchange.getRequestMethod(),
                path.startsWith("/l/") ? "/l/..." : path.startsWith("/console/sign-in/") ? "/console/sign-in/..." : path, status, (System.nanoTime() - started) / 1_000_000);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        boolean noBody = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
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

    static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
