package dev.firebell.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What only a real account answers, scripted, on 127.0.0.1: the SNS SMS sandbox ({@code GetSMSSandboxAccountStatus},
 * {@code ListSMSSandboxPhoneNumbers}, AWS query protocol) and Lambda's account settings ({@code GetAccountSettings},
 * REST JSON), which moto does not serve. The SDK reaches it like any endpoint, so code under test makes its real
 * calls; every other request is answered 400, naming it. {@link #close()} stops it.
 */
public final class FakeAccountEndpoint implements AutoCloseable {

    private static final String SNS_NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";
    private static final int NUMBERS_PER_PAGE = 2;

    private final HttpServer server;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean inSandbox;
    private volatile Map<String, String> sandboxNumbers = Map.of();
    private volatile String snsDenied;
    private volatile int concurrencyLimit = 1000;
    private volatile int unreservedConcurrency = 1000;

    private FakeAccountEndpoint(HttpServer server) {
        this.server = server;
    }

    /** Listens on an ephemeral port of 127.0.0.1. */
    public static FakeAccountEndpoint start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeAccountEndpoint endpoint = new FakeAccountEndpoint(server);
            server.createContext("/", endpoint::handle);
            server.start();
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on 127.0.0.1", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The account's SMS sandbox: whether it is in it, and its sandbox numbers with their status (Verified, Pending). */
    public FakeAccountEndpoint smsSandbox(boolean inSandbox, Map<String, String> numbers) {
        this.inSandbox = inSandbox;
        this.sandboxNumbers = new LinkedHashMap<>(numbers);
        return this;
    }

    /** Every SNS call is refused with AuthorizationError and this message, as for a role without the permission. */
    public FakeAccountEndpoint denySns(String message) {
        this.snsDenied = message;
        return this;
    }

    /** The account's Lambda concurrency: its limit, and what no function has reserved. */
    public FakeAccountEndpoint concurrency(int limit, int unreserved) {
        this.concurrencyLimit = limit;
        this.unreservedConcurrency = unreserved;
        return this;
    }

    /** The calls received, as {@code sns:Action} or {@code lambda:GetAccountSettings}, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if ("GET".equals(exchange.getRequestMethod()) && path.startsWith("/2016-08-19/account-settings")) {
                requests.add("lambda:GetAccountSettings");
                respond(exchange, 200, "application/json", "{\"AccountLimit\":{\"ConcurrentExecutions\":"
                        + concurrencyLimit + ",\"UnreservedConcurrentExecutions\":" + unreservedConcurrency
                        + ",\"CodeSizeUnzipped\":262144000,\"CodeSizeZipped\":52428800,\"TotalCodeSize\":80530636800},"
                        + "\"AccountUsage\":{\"FunctionCount\":0,\"TotalCodeSize\":0}}");
                return;
            }
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String action = form.getOrDefault("Action", exchange.getRequestMethod() + " " + path);
            requests.add("sns:" + action);
            if (snsDenied != null) {
                respond(exchange, 403, "text/xml", "<ErrorResponse xmlns=\"" + SNS_NAMESPACE + "\"><Error><Type>Sender"
                        + "</Type><Code>AuthorizationError</Code><Message>" + xml(snsDenied) + "</Message></Error>"
                        + "<RequestId>fake</RequestId></ErrorResponse>");
                return;
            }
            switch (action) {
                case "GetSMSSandboxAccountStatus" -> respond(exchange, 200, "text/xml", snsResponse(action,
                        "<IsInSandbox>" + inSandbox + "</IsInSandbox>"));
                case "ListSMSSandboxPhoneNumbers" -> respond(exchange, 200, "text/xml", snsResponse(action,
                        numbersPage(form.get("NextToken"))));
                default -> respond(exchange, 400, "text/xml", "<ErrorResponse xmlns=\"" + SNS_NAMESPACE + "\"><Error>"
                        + "<Type>Sender</Type><Code>InvalidAction</Code><Message>" + xml(action) + " is not scripted in"
                        + " FakeAccountEndpoint</Message></Error><RequestId>fake</RequestId></ErrorResponse>");
            }
        }
    }

    /** {@value #NUMBERS_PER_PAGE} numbers a page, so that callers must follow NextToken as with SNS. */
    private String numbersPage(String nextToken) {
        List<Map.Entry<String, String>> numbers = new ArrayList<>(sandboxNumbers.entrySet());
        int from = nextToken == null ? 0 : Integer.parseInt(nextToken);
        int to = Math.min(numbers.size(), from + NUMBERS_PER_PAGE);
        StringBuilder page = new StringBuilder("<PhoneNumbers>");
        for (Map.Entry<String, String> number : numbers.subList(from, to)) {
            page.append("<member><PhoneNumber>").append(xml(number.getKey())).append("</PhoneNumber><Status>")
                    .append(xml(number.getValue())).append("</Status></member>");
        }
        page.append("</PhoneNumbers>");
        if (to < numbers.size()) {
            page.append("<NextToken>").append(to).append("</NextToken>");
        }
        return page.toString();
    }

    private static String snsResponse(String action, String result) {
        return "<" + action + "Response xmlns=\"" + SNS_NAMESPACE + "\"><" + action + "Result>" + result + "</" + action
                + "Result><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></" + action + "Response>";
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        if (status >= 400 && type.equals("application/json")) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", "AccessDeniedException");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
