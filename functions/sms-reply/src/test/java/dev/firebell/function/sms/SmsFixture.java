package dev.firebell.function.sms;

import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.incident.Actor;
import dev.firebell.local.LocalLambdaContext;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.SnsEvent;
import dev.firebell.routing.Severity;
import dev.firebell.testing.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Two-way SMS on the local stack: the inbound topic AWS End User Messaging publishes to (created here, named to the
 * stack by SmsInboundTopicArn), an SQS queue subscribed to it that receives exactly what SNS delivers to the function,
 * the configuration (alice and bob by their numbers; checkout pages alice, then bob), and the real handler.
 */
final class SmsFixture {

    static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");
    static final String ALICE = "+33612345678";

    final LocalStack local;
    final LocalResources resources;
    final MutableClock clock = new MutableClock(T0);
    final TestSmsComponent graph;
    final SmsReplyHandler handler;
    final String inboundTopic;
    final String table;
    private final String delivered;
    private final String subscriptionArn;

    SmsFixture(LocalStack local, LocalResources defaults) {
        this.local = local;
        this.inboundTopic = local.sns().createTopic(r -> r.name("sms-inbound")).topicArn();
        this.resources = local.provision(defaults.template(), Map.of("SmsInboundTopicArn", inboundTopic));
        this.table = resources.tableName("FirebellTable");
        local.emptyTable(table);
        this.delivered = local.subscribeQueue(inboundTopic, "sms-inbound-" + System.nanoTime(), null);
        this.subscriptionArn = inboundTopic + ":" + "local-subscription";
        this.graph = DaggerTestSmsComponent.builder()
                .environment(new FunctionEnvironment(resources.environmentOf("SmsReplyFunction"))).clock(clock).build();
        this.handler = new SmsReplyHandler(graph.replies(), graph.inboundTopic());
        graph.configStore().apply(Map.of(
                "routing", Map.of("default", Map.of("service", "checkout", "severity", "SEV2")),
                "services", Map.of("checkout", Map.of("escalationPolicy", "checkout", "groupingWindow", "0s")),
                "people", Map.of(
                        "alice", Map.of("timeZone", "Europe/Paris", "contacts", List.of(Map.of("sms", ALICE))),
                        "bob", Map.of("timeZone", "Europe/Berlin", "contacts", List.of(Map.of("sms", "+4915112345678")))),
                "escalationPolicies", Map.of("checkout", Map.of("levels", List.of(
                        Map.of("escalateAfter", "5m", "targets", List.of(Map.of("person", "alice"))),
                        Map.of("escalateAfter", "10m", "targets", List.of(Map.of("person", "bob"))))))), "test");
    }

    String declare(String title) {
        return graph.incidentCommands().declare(title, Severity.SEV2, "checkout", Actor.of("carol")).incident().id();
    }

    /** Publishes an inbound SMS (a fixture of src/test/resources/inbound) to the inbound topic: the SNS event SNS made. */
    byte[] throughTheTopic(String fixture) {
        try {
            String message = Files.readString(Path.of("src/test/resources/inbound", fixture));
            local.sns().publish(r -> r.topicArn(inboundTopic).message(message));
            List<Message> received = local.drainQueue(delivered, 1);
            if (received.size() != 1) {
                throw new IllegalStateException("the inbound topic delivered " + received.size() + " messages");
            }
            return SnsEvent.delivered(received.get(0).body(), subscriptionArn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String handle(byte[] event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, new LocalLambdaContext("SmsReplyFunction", 30,
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Every item of the table, as DynamoDB holds it. */
    Map<String, Map<String, AttributeValue>> items() {
        Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
        local.dynamoDb().scanPaginator(r -> r.tableName(table).consistentRead(true)).items()
                .forEach(item -> items.put(item.get("PK").s() + " | " + item.get("SK").s(), item));
        return items;
    }

    /** The items but the reply counters and the once-only ledger, which a reply from a configured number writes. */
    Map<String, Map<String, AttributeValue>> incidentItems() {
        Map<String, Map<String, AttributeValue>> items = new LinkedHashMap<>(items());
        items.keySet().removeIf(key -> key.startsWith("REPLIES#") || key.startsWith("ANSWER#"));
        return items;
    }
}
