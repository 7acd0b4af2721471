package dev.firebell.cli.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.chat.slack.SlackSignature;
import dev.firebell.cli.FunctionRunner;
import dev.firebell.cli.Main;
import dev.firebell.function.chat.ChatHandler;
import dev.firebell.local.FunctionUrlEvent;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.SamTemplate;
import dev.firebell.local.junit.LocalStackTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * The other half of {@link FunctionPermissionsTest}: what the functions call while they really run, recorded by an SDK
 * interceptor, must be among the calls the bytecode analysis found. It runs the demo (the alarm function on every
 * delivery shape, the escalation sweep, the postmortem function on the table's stream) and a few Slack commands through
 * the chat handler, all against the emulator. A call seen here but not found by the analysis would mean the analysis
 * misses a path (reflection, a library calling back), and the roles it checks could be missing a grant.
 */
@LocalStackTest
class ObservedAwsCallsTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    /** alice's Slack user id in the example configuration. */
    private static final String ALICE = "U024BE7LH";

    private final LocalStack local;
    private final SamTemplate template;

    ObservedAwsCallsTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.template = resources.template();
    }

    @Test
    void callsMadeWhileRunning_shouldAllBeCallsTheBytecodeAnalysisFound() throws Exception {
        Map<String, String> handlers = new LinkedHashMap<>();
        template.functionIds().forEach(id -> handlers.put(template.function(id).handlerClass(), id));

        Map<String, Set<String>> observed;
        ObservedAwsCalls.start(handlers);
        try {
            runTheDemo();
            // On the demo's incidents, in the demo's stack (its own region: the sample alarms' account and region).
            try (LocalStack demo = LocalStack.attach(local.endpoint(), Region.EU_WEST_1)) {
                demo.exportSdkSettings();
                runSlackCommands(demo, demo.provision(template), "oncall checkout", "list", "status 1", "ack 1",
                        "note 1 rolled back", "resolve 1 fixed");
            } finally {
                local.exportSdkSettings();
            }
        } finally {
            observed = ObservedAwsCalls.stop();
        }

        assertThat(observed).as("functions seen calling AWS").containsOnlyKeys(template.functionIds());
        for (String id : template.functionIds()) {
            Set<String> found = new TreeSet<>();
            Class<?> handler = Class.forName(template.function(id).handlerClass());
            AwsCallGraph.analyse(handler).clientCalls().keySet().forEach(call -> found.add(call.servicePackage() + ":"
                    + IamActions.operation(call.name())));
            assertThat(found).as("%s: calls the bytecode analysis found", id).containsAll(observed.get(id));
        }
        // What the scenarios exercise, so that this test keeps meaning something.
        assertThat(observed.get("AlarmIngestFunction")).contains("dynamodb:TransactWriteItems", "sns:Publish");
        assertThat(observed.get("PostmortemFunction")).contains("s3:PutObject", "dynamodb:PutItem");
        assertThat(observed.get("ChatFunction")).contains("secretsmanager:GetSecretValue", "dynamodb:TransactWriteItems");
        assertThat(observed.get("EscalationFunction")).contains("dynamodb:Query");
    }

    private void runTheDemo() {
        PrintStream original = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run("demo", "--endpoint", local.endpoint().toString())).isZero();
        } finally {
            System.setOut(original);
        }
    }

    /** Signed slash commands from alice (a person of the example configuration) through the real chat handler. */
    private static void runSlackCommands(LocalStack stack, LocalResources resources, String... commands)
            throws Exception {
        String secret = resources.environmentOf("ChatFunction").get("SLACK_SIGNING_SECRET_NAME");
        try {
            stack.secretsManager().putSecretValue(r -> r.secretId(secret).secretString(SECRET));
        } catch (ResourceNotFoundException e) {
            stack.secretsManager().createSecret(r -> r.name(secret).secretString(SECRET));
        }
        FunctionRunner runner = new FunctionRunner(resources, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        runner.handler("ChatFunction", environment -> {
            Map<String, String> variables = new LinkedHashMap<>(resources.environmentOf("ChatFunction"));
            variables.put("SLACK_TEAM_IDS", "T0LOCAL");
            return new ChatHandler(new FunctionEnvironment(variables));
        });
        for (String text : commands) {
            String body = "team_id=T0LOCAL&user_id=" + ALICE + "&user_name=alice&channel_id=C0LOCAL&command=%2Fincident"
                    + "&trigger_id=" + UUID.randomUUID() + "&response_url="
                    + URLEncoder.encode("https://hooks.slack.com/commands/T0LOCAL/1/local", StandardCharsets.UTF_8)
                    + "&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String answer = runner.invoke("ChatFunction", FunctionUrlEvent.post(SlackSignature.signedFormHeaders(
                    SECRET.getBytes(StandardCharsets.UTF_8), Long.toString(Instant.now().getEpochSecond()), bytes),
                    bytes));
            assertThat(answer).as("/incident %s", text).contains("\"statusCode\":200");
        }
    }
}
