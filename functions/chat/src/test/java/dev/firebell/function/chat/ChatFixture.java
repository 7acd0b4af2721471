package dev.firebell.function.chat;

import dev.firebell.aws.Json;
import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.aws.dynamodb.DynamoIncidentStore;
import dev.firebell.aws.dynamodb.DynamoPageOutbox;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.sns.SnsPager;
import dev.firebell.aws.wiring.PagingModule;
import dev.firebell.incident.IncidentCommands;
import dev.firebell.local.LocalLambdaContext;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.paging.PageComposer;
import dev.firebell.paging.PageDispatcher;
import dev.firebell.paging.ServiceTargetResolver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * The chat function against the emulator: the template's environment (with this test workspace allowed), the
 * signing secret in Secrets Manager, two services (checkout pages alice directly, so she has a last-paged incident), and
 * helpers to seed incidents, invoke the real handler and compare the table before and after.
 */
final class ChatFixture {

    final LocalStack local;
    final LocalResources resources;
    final String table;
    final DynamoIncidentStore store;
    final DynamoConfigStore config;
    final IncidentCommands commands;

    ChatFixture(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
        this.table = resources.tableName("FirebellTable");
        this.store = new DynamoIncidentStore(local.dynamoDb(), table, InstantSource.system());
        this.config = new DynamoConfigStore(local.dynamoDb(), table, InstantSource.system(), Duration.ZERO);
        PageDispatcher dispatcher = new PageDispatcher(store, new DynamoPageOutbox(local.dynamoDb(), table),
                new SnsPager(local.sns(), resources.topicArn("PageTopic")), new PageComposer(), InstantSource.system(),
                PagingModule.PAGE_LEASE);
        this.commands = new IncidentCommands(store, config, new ServiceTargetResolver(), dispatcher,
                InstantSource.system(), PagingModule.PAGE_LEASE);
    }

    /**
     * An empty table, the signing secret in Secrets Manager, and this configuration: alice and bob (Slack U0ALICE, U0BOB) are
     * people of the on-call configuration; checkout pages alice directly (so her last-paged incident is known);
     * payments escalates, alice first and bob five minutes later; search pages a team; rotation checkout-primary
     * alternates alice and bob weekly; team sre is the two of them.
     */
    ChatFixture reset() {
        local.emptyTable(table);
        config.apply(CONFIGURATION, "chat test");
        putSecret(SlackRequests.SECRET);
        return this;
    }

    static final Map<String, Object> CONFIGURATION = Map.of(
            "services", Map.of(
                    "checkout", Map.of("pageTarget", "person:alice"),
                    "payments", Map.of("pageTarget", "team-payments", "escalationPolicy", "payments"),
                    "search", Map.of("pageTarget", "team-search")),
            "people", Map.of(
                    "alice", Map.of("name", "Alice Smith", "timeZone", "Europe/Berlin", "chatUserId", "U0ALICE"),
                    "bob", Map.of("name", "Bob Jones", "timeZone", "America/New_York", "chatUserId", "U0BOB")),
            "teams", Map.of("sre", Map.of("name", "SRE", "members", List.of("alice", "bob"))),
            "rotations", Map.of("checkout-primary", Map.of("participants", List.of("alice", "bob"), "shift", "weekly",
                    "handoff", "09:00", "timeZone", "Europe/Berlin", "start", "2026-01-05")),
            "escalationPolicies", Map.of("payments", Map.of("levels", List.of(
                    Map.of("escalateAfter", "5m", "targets", List.of(Map.of("person", "alice"))),
                    Map.of("escalateAfter", "5m", "targets", List.of(Map.of("person", "bob")))))));

    String secretName() {
        return resources.environmentOf("ChatFunction").get("SLACK_SIGNING_SECRET_NAME");
    }

    /** The chat jobs topic, as the template names it to the function. */
    String jobTopicArn() {
        return resources.environmentOf("ChatFunction").get("CHAT_JOB_TOPIC_ARN");
    }

    void putSecret(String value) {
        putSecret(local, secretName(), value);
    }

    /** Creates the secret with this value, or gives it a new current value, as a user would with the CLI. */
    static void putSecret(LocalStack local, String name, String value) {
        try {
            local.secretsManager().putSecretValue(r -> r.secretId(name).secretString(value));
        } catch (ResourceNotFoundException notYet) {
            local.secretsManager().createSecret(r -> r.name(name).secretString(value));
        }
    }

    void deleteSecret() {
        try {
            local.secretsManager().deleteSecret(r -> r.secretId(secretName()).forceDeleteWithoutRecovery(true));
        } catch (ResourceNotFoundException alreadyGone) {
            // nothing to delete
        }
    }

    /** What SNS hands the function for a deferred command it published to the chat jobs topic. */
    byte[] jobEvent(dev.firebell.chat.slack.SlackEndpoint.DeferredCommand command) {
        return ChatJobs.snsEvent(jobTopicArn(), command);
    }

    FunctionEnvironment environment() {
        Map<String, String> env = new HashMap<>(resources.environmentOf("ChatFunction"));
        env.put("SLACK_TEAM_IDS", SlackRequests.TEAM);
        return new FunctionEnvironment(env);
    }

    ChatHandler handler(ChatOverrides overrides) {
        return new ChatHandler(environment(), overrides);
    }

    /**
     * An incident alice declared earlier, through the chat function as deployed (people, paging and escalation of
     * the configuration); its id.
     */
    String declared(String title, String service) {
        List<dev.firebell.chat.slack.SlackEndpoint.DeferredCommand> deferred = new java.util.ArrayList<>();
        ChatHandler production = handler(ChatOverrides.none().deferrals(deferred::add).responses((url, message) -> { }));
        Response accepted = invoke(production, SlackRequests.signedEvent(SlackRequests.body("U0ALICE",
                "declare SEV2 \"" + title + "\" " + service)));
        if (deferred.size() != 1) {
            throw new AssertionError("declare was not deferred: " + accepted.body());
        }
        invoke(production, jobEvent(deferred.get(0)), context(LOG));
        return store.openIncidents().stream().map(i -> Long.parseLong(i.id())).max(Long::compare).map(String::valueOf)
                .orElseThrow(() -> new AssertionError("declare opened no incident"));
    }

    /** Every item of the table, in key order: for "nothing changed" assertions. */
    List<Map<String, AttributeValue>> snapshot() {
        return local.dynamoDb().scanPaginator(r -> r.tableName(table).consistentRead(true)).items().stream()
                .sorted(Comparator.comparing((Map<String, AttributeValue> i) -> i.get("PK").s())
                        .thenComparing(i -> i.get("SK").s()))
                .toList();
    }

    static Response invoke(ChatHandler handler, byte[] event) {
        return invoke(handler, event, context(LOG));
    }

    /** A Lambda context whose log goes to the stream (System.err would flood the fuzz test's output). */
    static LocalLambdaContext context(java.io.PrintStream log) {
        return new LocalLambdaContext("ChatFunction", 15, log);
    }

    private static final java.io.PrintStream LOG = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());

    static Response invoke(ChatHandler handler, byte[] event, LocalLambdaContext context) {
        if (new String(event, StandardCharsets.UTF_8).startsWith("{\"Records\"")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                handler.handleRequest(new ByteArrayInputStream(event), out, context);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Response(0, Map.of(), out.toString(StandardCharsets.UTF_8), null);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, context);
            return Response.of(out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the handler answered, as the Function URL would send it. */
    record Response(int status, Map<String, Object> headers, String body, Map<String, Object> json) {

        @SuppressWarnings("unchecked")
        static Response of(String raw) {
            try {
                Map<String, Object> envelope = Json.readObject(raw);
                int status = ((Number) envelope.get("statusCode")).intValue();
                Map<String, Object> headers = (Map<String, Object>) envelope.get("headers");
                String body = (String) envelope.get("body");
                Map<String, Object> json = String.valueOf(headers.get("content-type")).startsWith("application/json")
                        ? Json.readObject(body) : null;
                return new Response(status, headers, body, json);
            } catch (IOException e) {
                throw new AssertionError("not a Function URL response: " + raw, e);
            }
        }

        String text() {
            return json == null ? body : String.valueOf(json.get("text"));
        }

        String responseType() {
            return json == null ? null : String.valueOf(json.get("response_type"));
        }

        boolean ephemeral() {
            return "ephemeral".equals(responseType());
        }

        boolean inChannel() {
            return "in_channel".equals(responseType());
        }
    }
}
