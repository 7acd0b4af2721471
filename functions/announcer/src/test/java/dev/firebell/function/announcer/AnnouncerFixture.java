package dev.firebell.function.announcer;

import dev.firebell.aws.Json;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.incident.Actor;
import dev.firebell.local.EventFilter;
import dev.firebell.local.FakeSlack;
import dev.firebell.local.LocalLambdaContext;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.TableStream;
import dev.firebell.routing.Severity;
import dev.firebell.testing.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The announcer against the emulator and the fake Slack: the template's environment with {@code SLACK_API_URL} on the
 * fake, the bot token in Secrets Manager, a configuration with channels, people changing incidents on the same table
 * and clock, and the table's stream read and filtered by the template's own filter, as Lambda would deliver it.
 */
final class AnnouncerFixture implements AutoCloseable {

    static final Instant START = Instant.parse("2026-12-10T09:00:00Z");
    static final String CHECKOUT = "C0CHECKOUT";
    static final String DEFAULT = "C0INCIDENTS";

    static final Map<String, Object> CONFIGURATION = Map.of(
            "chat", Map.of("slackChannel", DEFAULT),
            "services", Map.of(
                    "checkout", Map.of("escalationPolicy", "checkout", "slackChannel", CHECKOUT),
                    "search", Map.of("pageTarget", "team-search"),
                    "billing", Map.of("pageTarget", "team-billing", "slackChannel", "none")),
            "people", Map.of(
                    "alice", Map.of("name", "Alice Smith", "timeZone", "Europe/Paris", "chatUserId", "U0ALICE"),
                    "bob", Map.of("name", "Bob Jones", "timeZone", "America/New_York", "chatUserId", "U0BOB")),
            "escalationPolicies", Map.of("checkout", Map.of("levels", List.of(
                    Map.of("escalateAfter", "5m", "targets", List.of(Map.of("person", "alice"))),
                    Map.of("escalateAfter", "5m", "targets", List.of(Map.of("person", "bob")))))));

    final LocalStack local;
    final LocalResources resources;
    final String table;
    final MutableClock clock = new MutableClock(START);
    final FakeSlack slack = FakeSlack.start(clock);
    final List<Duration> waits = new ArrayList<>();
    final PeopleAtWork people;
    private final TableStream stream;
    private final EventFilter filter;
    private final PrintStream log;
    final ByteArrayOutputStream logged = new ByteArrayOutputStream();

    AnnouncerFixture(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
        this.table = resources.tableName("FirebellTable");
        this.log = new PrintStream(logged, true, StandardCharsets.UTF_8);
        local.emptyTable(table);
        this.people = DaggerPeopleAtWork.builder().environment(new FunctionEnvironment(
                Map.of("TABLE_NAME", table, "PAGE_TOPIC_ARN", resources.topicArn("PageTopic")))).clock(clock).build();
        people.config().apply(CONFIGURATION, "announcer test");
        this.stream = new TableStream(local, resources.tableStreamArn("FirebellTable"));
        stream.read();
        this.filter = EventFilter.forEvent(resources.template().function("AnnouncerFunction"), "IncidentChanged");
        putToken(FakeSlack.TOKEN);
    }

    /** The function's environment as the template gives it, with Slack's Web API on the fake. */
    FunctionEnvironment environment() {
        Map<String, String> env = new HashMap<>(resources.environmentOf("AnnouncerFunction"));
        env.put("SLACK_API_URL", slack.apiUrl().toString());
        return new FunctionEnvironment(env);
    }

    /** The real handler, on the test's clock; waiting moves the clock. */
    AnnouncerHandler handler() {
        return new AnnouncerHandler(environment(), clock, d -> {
            waits.add(d);
            clock.advance(d);
        });
    }

    void putToken(String value) {
        local.putSecret(resources.environmentOf("AnnouncerFunction").get("SLACK_BOT_TOKEN_SECRET_NAME"), value);
    }

    void deleteToken() {
        local.deleteSecret(resources.environmentOf("AnnouncerFunction").get("SLACK_BOT_TOKEN_SECRET_NAME"));
    }

    /** What Lambda would deliver now: the stream's new records that pass the template's filter. */
    List<Map<String, Object>> delivered() {
        return filter.select(stream.read());
    }

    /** Invokes the handler with one batch; its JSON answer. */
    Map<String, Object> invoke(AnnouncerHandler handler, List<Map<String, Object>> records) {
        return invoke(handler, TableStream.event(records));
    }

    Map<String, Object> invoke(AnnouncerHandler handler, byte[] event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, new LocalLambdaContext("AnnouncerFunction", 60,
                    log));
            return Json.readObject(out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the stream and hands what passes the filter to the handler, as one batch; null when nothing passed. */
    Map<String, Object> pump(AnnouncerHandler handler) {
        List<Map<String, Object>> records = delivered();
        return records.isEmpty() ? null : invoke(handler, records);
    }

    String declare(String title, String service) {
        return people.commands().declare(title, Severity.SEV2, service, Actor.of("alice")).incident().id();
    }

    /** A click on an announcement's button, as chat runs it. */
    static Actor button(String person, String slackUserId) {
        return new Actor(person, Map.of("via", "slack-button", "slackUserId", slackUserId));
    }

    Map<String, AttributeValue> announcementItem(String incidentId) {
        return local.dynamoDb().getItem(r -> r.tableName(table).consistentRead(true).key(Map.of(
                "PK", AttributeValue.fromS("INCIDENT#" + incidentId), "SK", AttributeValue.fromS("ANNOUNCEMENT"))))
                .item();
    }

    /** The messages of the fake Slack carrying this incident's metadata. */
    List<FakeSlack.Message> messagesOf(String incidentId) {
        return slack.messages().stream().filter(m -> m.metadata() != null
                && m.metadata().get("event_payload") instanceof Map<?, ?> payload
                && incidentId.equals(payload.get("incident_id"))).toList();
    }

    static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }

    @Override
    public void close() {
        slack.close();
    }
}
