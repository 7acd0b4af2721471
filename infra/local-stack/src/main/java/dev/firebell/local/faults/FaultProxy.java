package dev.firebell.local.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP proxy on 127.0.0.1 in front of the emulator that makes AWS misbehave on cue: per operation, it answers
 * throttling errors or 500s, answers slowly, drops the connection, or does the work and loses the answer; it can
 * also stop listening altogether (connection refused). Point code at {@link #endpoint()} through the SDK's standard
 * endpoint setting ({@code aws.endpointUrl} / {@code AWS_ENDPOINT_URL}) and it runs unchanged.
 *
 * <p>Operations are named {@code service:Operation} ({@code dynamodb:TransactWriteItems}, {@code sns:Publish},
 * {@code s3:PutObject}); the service is read from the request's SigV4 credential scope, the operation from
 * {@code X-Amz-Target}, the query protocol's {@code Action}, or S3's method and sub-resource. Rules may name a whole
 * service ({@code dynamodb:*}) or everything ({@code *}). Every request that reaches the proxy is counted, so a test
 * can assert how many attempts a client made.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.start(local.endpoint())) {
 *     proxy.fail("dynamodb:TransactWriteItems", Fault.throttled(), 2);   // the next two
 *     proxy.failAlways("sns:Publish", Fault.serverError());              // until heal()
 *     ...
 *     assertThat(proxy.attempts("sns:Publish")).isEqualTo(3);
 * }
 * }</pre>
 */
public final class FaultProxy implements AutoCloseable {

    private static final Pattern CREDENTIAL_SCOPE = Pattern.compile("Credential=[^/]+/[^/]+/[^/]+/([^/]+)/aws4_request");
    private static final Pattern FORM_ACTION = Pattern.compile("(?:^|&)Action=([A-Za-z0-9]+)");
    /** Not forwarded: hop-by-hop, or set by the forwarding client itself. */
    private static final Set<String> SKIPPED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    private final URI upstream;
    private final int port;
    private final HttpClient client;
    private final ExecutorService workers;
    private final List<Rule> rules = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private HttpServer server;

    private FaultProxy(URI upstream) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fault-proxy");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).executor(workers).proxy(HttpClient.Builder.NO_PROXY).build();
        this.server = listen(0);
        this.port = server.getAddress().getPort();
    }

    /** Listens on 127.0.0.1 and a free port, forwarding to {@code upstream}; {@link #close()} stops it. */
    public static FaultProxy start(URI upstream) {
        return new FaultProxy(upstream);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The next {@code times} requests matching {@code operation} get the fault. */
    public FaultProxy fail(String operation, Fault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        rules.add(new Rule(operation, fault, new AtomicInteger(times)));
        return this;
    }

    /**
     * The next {@code times} requests matching {@code operation} are forwarded untouched, ahead of any fault for it
     * added later: "the first transaction goes through, the ones after it are throttled".
     */
    public FaultProxy pass(String operation, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        rules.add(new Rule(operation, null, new AtomicInteger(times)));
        return this;
    }

    /** Every request matching {@code operation} gets the fault, until {@link #heal()}. */
    public FaultProxy failAlways(String operation, Fault fault) {
        rules.add(new Rule(operation, fault, null));
        return this;
    }

    /** No more faults: everything is forwarded again, and the proxy listens if it had stopped. */
    public synchronized FaultProxy heal() {
        rules.clear();
        if (server == null) {
            server = listen(port);
        }
        return this;
    }

    /** Stops listening: connections are refused, as when the service is unreachable. {@link #heal()} undoes it. */
    public synchronized FaultProxy unreachable() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        return this;
    }

    /** Requests that reached the proxy for this operation (or pattern), faulted or not. */
    public int attempts(String operation) {
        return attempts.entrySet().stream().filter(e -> matches(operation, e.getKey()))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    /** Every request that reached the proxy, in arrival order, as {@code service:Operation}. */
    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /**
     * Waits until no request is being handled (a delayed one has been forwarded, say), so a test sees what the
     * service ended up with. Fails if that takes longer than {@code atMost}.
     */
    public void awaitQuiet(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        synchronized (inFlight) {
            while (inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException(inFlight.get() + " requests still in flight after " + atMost);
                }
                try {
                    inFlight.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the proxy to be quiet", e);
                }
            }
        }
    }

    /** Forgets the counts (not the faults). */
    public FaultProxy resetCounts() {
        attempts.clear();
        requests.clear();
        return this;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        workers.shutdownNow();
    }

    @Override
    public String toString() {
        return "FaultProxy " + endpoint() + " -> " + upstream;
    }

    // ---------------------------------------------------------------- serving

    private HttpServer listen(int onPort) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 64);
            s.createContext("/", this::serve);
            s.setExecutor(workers);
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("fault proxy could not listen on 127.0.0.1:" + onPort, e);
        }
    }

    private void serve(HttpExchange exchange) {
        inFlight.incrementAndGet();
        try {
            handle(exchange);
        } finally {
            synchronized (inFlight) {
                inFlight.decrementAndGet();
                inFlight.notifyAll();
            }
        }
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String service = service(exchange);
            String operation = service + ":" + operation(service, exchange, body);
            attempts.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
            requests.add(operation);
            Fault fault = faultFor(operation);
            if (fault instanceof Fault.Drop) {
                return; // closed without a status line
            }
            if (fault instanceof Fault.Throttled || fault instanceof Fault.Error) {
                answerError(exchange, service, fault);
                return;
            }
            if (fault instanceof Fault.Delay delay) {
                try {
                    Thread.sleep(delay.pause().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            HttpResponse<byte[]> answer = forward(exchange, body);
            if (fault instanceof Fault.LostResponse) {
                answerError(exchange, service, Fault.serverError());
                return;
            }
            answer.headers().map().forEach((name, values) -> {
                if (!SKIPPED_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] bytes = answer.body();
            boolean noBody = bytes.length == 0 || "HEAD".equals(exchange.getRequestMethod())
                    || answer.statusCode() == 204 || answer.statusCode() == 304;
            exchange.sendResponseHeaders(answer.statusCode(), noBody ? -1 : bytes.length);
            if (!noBody) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (IOException | RuntimeException e) {
            // The client went away (a timeout, a kill) or the upstream did: closing the exchange is the answer.
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
        URI target = upstream.resolve(exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() != null ? "?" + exchange.getRequestURI().getRawQuery() : ""));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .method(exchange.getRequestMethod(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!SKIPPED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                for (String value : values) {
                    try {
                        request.header(name, value);
                    } catch (IllegalArgumentException restricted) {
                        // a header the JDK client sets itself
                    }
                }
            }
        });
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding", e);
        }
    }

    private Fault faultFor(String operation) {
        synchronized (rules) {
            for (Rule rule : rules) {
                if (matches(rule.pattern(), operation) && rule.take()) {
                    return rule.fault();
                }
            }
        }
        return null;
    }

    private static boolean matches(String pattern, String operation) {
        if (pattern.equals("*") || pattern.equals(operation)) {
            return true;
        }
        return pattern.endsWith(":*") && operation.startsWith(pattern.substring(0, pattern.length() - 1));
    }

    // ---------------------------------------------------------------- what the request is

    private static String service(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            Matcher m = CREDENTIAL_SCOPE.matcher(authorization);
            if (m.find()) {
                return m.group(1);
            }
        }
        return "unknown";
    }

    private static String operation(String service, HttpExchange exchange, byte[] body) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target != null) {
            return target.substring(target.indexOf('.') + 1);
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            Matcher m = FORM_ACTION.matcher(URLDecoder.decode(new String(body, StandardCharsets.UTF_8), StandardCharsets.UTF_8));
            if (m.find()) {
                return m.group(1);
            }
        }
        if (service.equals("s3")) {
            return s3Operation(exchange);
        }
        return exchange.getRequestMethod();
    }

    /** The S3 operations Firebell uses; others by method. */
    private static String s3Operation(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        boolean tagging = ("&" + query).matches(".*&tagging(=.*|&.*|$)");
        String method = exchange.getRequestMethod();
        switch (method) {
            case "HEAD":
                return "HeadObject";
            case "GET":
                return tagging ? "GetObjectTagging" : "GetObject";
            case "PUT":
                return tagging ? "PutObjectTagging" : "PutObject";
            case "DELETE":
                return "DeleteObject";
            default:
                return method;
        }
    }

    // ---------------------------------------------------------------- errors as the service writes them

    private static void answerError(HttpExchange exchange, String service, Fault fault) throws IOException {
        int status;
        String code;
        if (fault instanceof Fault.Error error) {
            status = error.status();
            code = error.code() != null ? error.code() : internalErrorCode(service);
        } else {
            status = service.equals("s3") ? 503 : 400;
            code = switch (service) {
                case "dynamodb" -> "ProvisionedThroughputExceededException";
                case "s3" -> "SlowDown";
                default -> "Throttling";
            };
        }
        String message = "injected by FaultProxy: " + code;
        String requestId = UUID.randomUUID().toString();
        byte[] body;
        if (exchange.getRequestHeaders().getFirst("X-Amz-Target") != null) {
            String prefix = service.equals("dynamodb") ? "com.amazonaws.dynamodb.v20120810#" : "";
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            body = ("{\"__type\":\"" + prefix + code + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
        } else if (service.equals("s3")) {
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                    + "</Message><RequestId>" + requestId + "</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
        } else {
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            body = ("<ErrorResponse><Error><Type>" + (status >= 500 ? "Receiver" : "Sender") + "</Type><Code>" + code
                    + "</Code><Message>" + message + "</Message></Error><RequestId>" + requestId
                    + "</RequestId></ErrorResponse>").getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            exchange.getResponseBody().write(body);
        }
    }

    private static String internalErrorCode(String service) {
        return service.equals("dynamodb") ? "InternalServerError" : "InternalError";
    }

    /** A rule without a fault passes its requests through. */
    private record Rule(String pattern, Fault fault, AtomicInteger remaining) {
        boolean take() {
            if (remaining == null) {
                return true;
            }
            return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        }
    }
}
