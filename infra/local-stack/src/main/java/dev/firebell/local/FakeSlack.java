package dev.firebell.local;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Slack's Web API on 127.0.0.1, for tests and the demo: {@code chat.postMessage}, {@code chat.update} and
 * {@code conversations.history}, answered as Slack answers them (HTTP 200 with {@code "ok"}; errors as
 * {@code "ok": false} with an {@code error} name; a bot token in {@code Authorization: Bearer}), keeping the messages
 * it was sent per channel, with their metadata. It records every call, and can be told to answer the next calls badly:
 * an error, 429 with {@code Retry-After}, 500, or slowly (the work done, the answer later than a client waits).
 * Nothing here reaches the internet. {@link #close()} stops it.
 */
public final class FakeSlack implements AutoCloseable {

    public static final String TOKEN = "xoxb-000000000000-0000000000000-fakeslacklocal00000000000";

    /** One request as received: its Web API method, bearer token, and arguments (JSON body or query/form). */
    public record Call(Instant at, String method, String token, Map<String, Object> arguments) {
    }

    /** A message as the channel holds it. */
    public record Message(String channel, String ts, String text, List<Object> blocks, Map<String, Object> metadata,
                          int edits) {
    }

    /** How to answer one call instead of the normal way. */
    public record Fault(int status, String error, Integer retryAfterSeconds, Duration delay, boolean applyFirst,
                        boolean drop) {

        public Fault(int status, String error, Integer retryAfterSeconds, Duration delay, boolean applyFirst) {
            this(status, error, retryAfterSeconds, delay, applyFirst, false);
        }

        /** HTTP 200 with {@code {"ok": false, "error": <error>}}; nothing done. */
        public static Fault error(String error) {
            return new Fault(200, error, null, Duration.ZERO, false);
        }

        /** HTTP 429 with {@code Retry-After}; nothing done. */
        public static Fault rateLimited(int retryAfterSeconds) {
            return new Fault(429, "ratelimited", retryAfterSeconds, Duration.ZERO, false);
        }

        /** HTTP 500; nothing done. */
        public static Fault serverError() {
            return new Fault(500, "internal_error", null, Duration.ZERO, false);
        }

        /**
         * Does the work (a message is posted), then answers after {@code delay}: longer than the client waits, and the
         * answer is lost while the message stays.
         */
        public static Fault slow(Duration delay) {
            return new Fault(0, null, null, delay, true);
        }

        /**
         * Does the work (a message is posted), then drops the connection without answering: what a client sees when
         * its process dies, or the network breaks, right after Slack took the call.
         */
        public static Fault dropAfterWork() {
            return new Fault(0, null, null, Duration.ZERO, true, true);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<Message>> channels = new LinkedHashMap<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final AtomicLong sequence = new AtomicLong();
    private final InstantSource clock;
    private volatile String token = TOKEN;

    private FakeSlack(HttpServer server, ExecutorService threads, InstantSource clock) {
        this.server = server;
        this.threads = threads;
        this.clock = clock;
    }

    /** Listens on an ephemeral port of 127.0.0.1; messages are stamped ({@code ts}) by the system clock. */
    public static FakeSlack start() {
        return start(InstantSource.system());
    }

    /** The same, stamping messages by {@code clock}: the clock of the test or demo that calls it, as Slack's agrees with AWS's. */
    public static FakeSlack start(InstantSource clock) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService threads = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "fake-slack");
                t.setDaemon(true);
                return t;
            });
            FakeSlack slack = new FakeSlack(server, threads, clock);
            server.setExecutor(threads);
            server.createContext("/api/", slack::handle);
            server.start();
            return slack;
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on 127.0.0.1", e);
        }
    }

    /** The Web API's base URL, as {@code SLACK_API_URL} takes it: {@code http://127.0.0.1:<port>/api/}. */
    public URI apiUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/");
    }

    /** The bot token it accepts (others get {@code invalid_auth}). */
    public FakeSlack acceptToken(String value) {
        token = value;
        return this;
    }

    /** The next calls, one fault each, in order; then normal answers again. */
    public synchronized FakeSlack failNext(Fault... next) {
        faults.addAll(List.of(next));
        return this;
    }

    /** Faults scripted and not used yet. */
    public synchronized int pendingFaults() {
        return faults.size();
    }

    /** Forgets the faults not used yet: normal answers from now on. */
    public synchronized FakeSlack recover() {
        faults.clear();
        return this;
    }

    /** Every call received, in order. */
    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The calls of one method. */
    public List<Call> calls(String method) {
        return calls().stream().filter(c -> c.method().equals(method)).toList();
    }

    /** The messages a channel holds, oldest first. */
    public synchronized List<Message> messages(String channel) {
        return List.copyOf(channels.getOrDefault(channel, List.of()));
    }

    /** Every message of every channel, oldest first per channel. */
    public synchronized List<Message> messages() {
        List<Message> all = new ArrayList<>();
        channels.values().forEach(all::addAll);
        return all;
    }

    /** Forgets every call, message and pending fault. */
    public synchronized void reset() {
        calls.clear();
        channels.clear();
        faults.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    // ------------------------------------------------------------------ the API

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestURI().getPath().substring("/api/".length());
            Map<String, Object> arguments = arguments(exchange);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String bearer = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
            calls.add(new Call(clock.instant(), method, bearer, arguments));
            Fault fault = nextFault();
            if (fault != null && !fault.applyFirst()) {
                refuse(exchange, fault);
                return;
            }
            Map<String, Object> answer;
            if (bearer == null) {
                answer = error("not_authed");
            } else if (!bearer.equals(token)) {
                answer = error("invalid_auth");
            } else {
                answer = answer(method, arguments);
            }
            if (fault != null) {
                sleep(fault.delay());
                if (fault.drop()) {
                    drop(exchange);
                    return;
                }
            }
            respond(exchange, 200, answer, null);
        }
    }

    private synchronized Fault nextFault() {
        return faults.poll();
    }

    private synchronized Map<String, Object> answer(String method, Map<String, Object> args) {
        return switch (method) {
            case "chat.postMessage" -> post(args);
            case "chat.update" -> update(args);
            case "conversations.history" -> history(args);
            default -> error("unknown_method");
        };
    }

    private Map<String, Object> post(Map<String, Object> args) {
        if (!(args.get("channel") instanceof String channel) || channel.isBlank()) {
            return error("channel_not_found");
        }
        if (!(args.get("text") instanceof String) && !(args.get("blocks") instanceof List<?>)) {
            return error("no_text");
        }
        long n = sequence.incrementAndGet();
        String ts = clock.instant().getEpochSecond() + "." + String.format("%06d", n);
        Message message = new Message(channel, ts, text(args), blocks(args), metadata(args), 0);
        channels.computeIfAbsent(channel, c -> new ArrayList<>()).add(message);
        Map<String, Object> answer = ok();
        answer.put("channel", channel);
        answer.put("ts", ts);
        answer.put("message", describe(message, true));
        return answer;
    }

    private Map<String, Object> update(Map<String, Object> args) {
        List<Message> messages = channels.get(String.valueOf(args.get("channel")));
        if (messages == null) {
            return error("channel_not_found");
        }
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            if (m.ts().equals(args.get("ts"))) {
                Map<String, Object> metadata = args.containsKey("metadata") ? metadata(args) : m.metadata();
                messages.set(i, new Message(m.channel(), m.ts(), text(args), blocks(args), metadata, m.edits() + 1));
                Map<String, Object> answer = ok();
                answer.put("channel", m.channel());
                answer.put("ts", m.ts());
                answer.put("text", text(args));
                return answer;
            }
        }
        return error("message_not_found");
    }

    /** Newest first, from {@code oldest}, {@code limit} a page, metadata only when asked for, as Slack pages it. */
    private Map<String, Object> history(Map<String, Object> args) {
        if (!(args.get("channel") instanceof String channel) || channel.isBlank()) {
            return error("channel_not_found");
        }
        // Every channel exists here; one nothing was posted to is empty.
        List<Message> messages = channels.getOrDefault(channel, List.of());
        double oldest = args.get("oldest") == null ? 0 : Double.parseDouble(String.valueOf(args.get("oldest")));
        int limit = args.get("limit") == null ? 100 : Integer.parseInt(String.valueOf(args.get("limit")));
        int from = args.get("cursor") == null ? 0 : Integer.parseInt(String.valueOf(args.get("cursor")));
        boolean withMetadata = "true".equals(String.valueOf(args.get("include_all_metadata")));
        List<Message> newestFirst = new ArrayList<>(messages);
        Collections.reverse(newestFirst);
        List<Object> page = new ArrayList<>();
        int i = from;
        for (; i < newestFirst.size() && page.size() < limit; i++) {
            Message m = newestFirst.get(i);
            if (Double.parseDouble(m.ts()) >= oldest) {
                page.add(describe(m, withMetadata));
            }
        }
        Map<String, Object> answer = ok();
        answer.put("messages", page);
        boolean more = i < newestFirst.size();
        answer.put("has_more", more);
        answer.put("response_metadata", Map.of("next_cursor", more ? Integer.toString(i) : ""));
        return answer;
    }

    // ------------------------------------------------------------------ pieces

    private static Map<String, Object> describe(Message m, boolean withMetadata) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "message");
        out.put("subtype", "bot_message");
        out.put("bot_id", "B0FIREBELL");
        out.put("app_id", "A0FIREBELL");
        out.put("ts", m.ts());
        out.put("text", m.text());
        if (m.blocks() != null) {
            out.put("blocks", m.blocks());
        }
        if (withMetadata && m.metadata() != null) {
            out.put("metadata", m.metadata());
        }
        return out;
    }

    private static String text(Map<String, Object> args) {
        return args.get("text") instanceof String t ? t : "";
    }

    private static List<Object> blocks(Map<String, Object> args) {
        if (args.get("blocks") instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(Map<String, Object> args) {
        return args.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    private static Map<String, Object> ok() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ok", true);
        return answer;
    }

    private static Map<String, Object> error(String error) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ok", false);
        answer.put("error", error);
        return answer;
    }

    private static void refuse(HttpExchange exchange, Fault fault) throws IOException {
        sleep(fault.delay());
        if (fault.status() == 200) {
            respond(exchange, 200, error(fault.error()), null);
        } else if (fault.status() == 429) {
            respond(exchange, 429, error("ratelimited"), fault.retryAfterSeconds());
        } else {
            byte[] body = "<html><body>Internal Server Error</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(fault.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** A status line promising a body that never comes, then the connection closed: the client reads a broken answer. */
    private static void drop(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 1000);
        exchange.getResponseBody().write('{');
        exchange.getResponseBody().flush();
        throw new IOException("connection dropped on purpose (FakeSlack.Fault.dropAfterWork)");
    }

    private static void respond(HttpExchange exchange, int status, Map<String, Object> answer, Integer retryAfter)
            throws IOException {
        byte[] body = JSON.std.asString(answer).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", Integer.toString(retryAfter));
        }
        try {
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException clientGone) {
            // The client gave up waiting (a lost answer): what it would have read is of no use to anyone.
        }
    }

    /** The arguments: a JSON body, or form fields and the query string (GET or form POST), as Slack accepts them. */
    private static Map<String, Object> arguments(HttpExchange exchange) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            out.putAll(form(query));
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (type.startsWith("application/json") && !body.isBlank()) {
            Object json = JSON.std.anyFrom(body);
            if (json instanceof Map<?, ?> map) {
                map.forEach((k, v) -> out.put(String.valueOf(k), v));
            }
        } else if (!body.isBlank()) {
            out.putAll(form(body));
        }
        return out;
    }

    private static Map<String, Object> form(String encoded) {
        Map<String, Object> form = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
