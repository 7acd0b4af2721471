package dev.firebell.function.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.Json;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.incident.Actor;
import dev.firebell.local.FunctionUrlEvent;
import dev.firebell.local.LocalLambdaContext;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.routing.Severity;
import dev.firebell.testing.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The scene of the web function's tests on the local stack: the configuration (checkout pages alice, then bob after 5
 * minutes; legacy pages its team), each person's phone as an SQS queue subscribed with their filter, incidents declared
 * and paged with links by a page-composing function's graph, and HTTP requests to the real handler as its Function URL
 * delivers them.
 */
final class WebFixture {

    static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");

    final LocalStack local;
    final LocalResources resources;
    final MutableClock clock = new MutableClock(T0);
    /** Declares and pages: the alarm function's environment (links point at the web function's URL). */
    final TestWebComponent paging;
    /** The web function as deployed: its environment, its handler. */
    final TestWebComponent web;
    final WebHandler handler;
    final String table;
    private final Map<String, String> inboxes = new LinkedHashMap<>();

    WebFixture(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
        this.table = resources.tableName("FirebellTable");
        local.emptyTable(table);
        this.paging = DaggerTestWebComponent.builder()
                .environment(new FunctionEnvironment(resources.environmentOf("AlarmIngestFunction"))).clock(clock).build();
        this.web = DaggerTestWebComponent.builder()
                .environment(new FunctionEnvironment(resources.environmentOf("WebFunction"))).clock(clock).build();
        this.handler = new WebHandler(web.links(), web.pings(), web.calendars(), web.console());
        paging.configStore().apply(config(), "test");
        for (String target : List.of("person:alice", "person:bob", "team-legacy")) {
            inboxes.put(target, local.subscribeQueue(resources.topicArn("PageTopic"), "inbox-" + target
                    .replace(':', '-') + "-" + System.nanoTime(), "{\"target\":[\"" + target + "\"]}"));
        }
    }

    static Map<String, Object> config() {
        return map(
                "routing", map("default", map("service", "checkout", "severity", "SEV2")),
                "services", map(
                        "checkout", map("escalationPolicy", "checkout", "groupingWindow", "0s"),
                        "legacy", map("pageTarget", "team-legacy", "groupingWindow", "0s")),
                "people", map(
                        "alice", map("name", "Alice", "timeZone", "Europe/Paris",
                                "contacts", List.of(map("sms", "+33612345678"), map("email", "alice@example.com"))),
                        "bob", map("name", "Bob", "timeZone", "Europe/Berlin",
                                "contacts", List.of(map("sms", "+4915112345678")))),
                "escalationPolicies", map("checkout", map("levels", List.of(
                        map("escalateAfter", "5m", "targets", List.of(map("person", "alice"))),
                        map("escalateAfter", "10m", "targets", List.of(map("person", "bob")))))));
    }

    /** Declares an incident of the service; its first level is paged at once, with links. */
    String declare(String service, String title) {
        return paging.incidentCommands().declare(title, Severity.SEV2, service, Actor.of("carol")).incident().id();
    }

    /** The page documents (the JSON rendering) the target's queue received since last asked. */
    List<Map<String, Object>> pages(String target) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Message m : local.drainQueue(inboxes.get(target), 1)) {
            try {
                documents.add(Json.readObject(String.valueOf(Json.readObject(m.body()).get("Message"))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return documents;
    }

    /** The link of an action in the one page the target received. */
    @SuppressWarnings("unchecked")
    String link(String target, String action) {
        List<Map<String, Object>> received = pages(target);
        assertThat(received).as("pages to %s", target).hasSize(1);
        Map<String, Object> links = (Map<String, Object>) received.get(0).get("links");
        assertThat(links).as("links of the page to %s", target).isNotNull();
        return String.valueOf(links.get(action));
    }

    /** What the browser gets for a request to the link, through the handler as the Function URL invokes it. */
    Response request(String method, String url) {
        return invoke(handler, method, url);
    }

    /** The same request to another handler (another environment). */
    Response invoke(WebHandler to, String method, String url) {
        URI uri = URI.create(url);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", uri.getAuthority());
        headers.put("user-agent", "Mozilla/5.0 (Linux; Android 14) Mobile");
        byte[] body = new byte[0];
        if (method.equals("POST")) {
            headers.put("content-type", "application/x-www-form-urlencoded");
        }
        return invoke(to, FunctionUrlEvent.of(method, uri.getRawPath(), "", headers, body, true, "198.51.100.7"));
    }

    Response invoke(byte[] event) {
        return invoke(handler, event);
    }

    static Response invoke(WebHandler to, byte[] event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            to.handleRequest(new ByteArrayInputStream(event), out, new LocalLambdaContext("WebFunction", 15,
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
            return Response.of(Json.readObject(out.toString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Function URL response. */
    record Response(int status, Map<String, String> headers, String body) {
        @SuppressWarnings("unchecked")
        static Response of(Map<String, Object> encoded) {
            Map<String, String> headers = new LinkedHashMap<>();
            ((Map<String, Object>) encoded.get("headers")).forEach((k, v) -> headers.put(k, String.valueOf(v)));
            return new Response(((Number) encoded.get("statusCode")).intValue(), headers,
                    String.valueOf(encoded.get("body")));
        }
    }

    /** Every item of the table, as DynamoDB holds it: what "nothing was written" is checked against. */
    Map<String, Map<String, AttributeValue>> items() {
        Map<String, Map<String, AttributeValue>> items = new java.util.TreeMap<>();
        local.dynamoDb().scanPaginator(r -> r.tableName(table).consistentRead(true)).items()
                .forEach(item -> items.put(item.get("PK").s() + " | " + item.get("SK").s(), item));
        return items;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
