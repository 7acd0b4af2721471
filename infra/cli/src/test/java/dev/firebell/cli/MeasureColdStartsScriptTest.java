package dev.firebell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.function.alarm.AlarmIngestHandler;
import dev.firebell.function.chat.ChatHandler;
import dev.firebell.local.LocalLambdaContext;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.SamTemplate;
import dev.firebell.local.junit.LocalStackTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * infra/perf/measure-cold-starts.sh runs against a real account only; what it sends can be checked here: its events,
 * made by its own shell functions, through the real handlers against the emulator. The alarm function must ignore its
 * probe (nothing paged in a production stack), the chat function must refuse the unsigned request and answer the
 * signed {@code help}.
 */
@LocalStackTest
class MeasureColdStartsScriptTest {

    private static final Path SCRIPT = SamTemplate.locate().toAbsolutePath().getParent()
            .resolve("infra/perf/measure-cold-starts.sh");

    private final LocalStack local;
    private final LocalResources resources;

    MeasureColdStartsScriptTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @Test
    void script_shouldParse_andPrintItsUsageWithoutCallingAws() throws Exception {
        assertThat(run(List.of("bash", "-n", SCRIPT.toString()), Map.of())).isEmpty();
        assertThat(run(List.of("bash", SCRIPT.toString(), "--help"), Map.of()))
                .contains("Usage: infra/perf/measure-cold-starts.sh STACK [ROUNDS]").contains("Restore Duration");
    }

    @Test
    void alarmProbe_shouldBeIgnoredByTheAlarmFunction_readingWritingAndPagingNothing() throws Exception {
        String event = event("alarm_event", Map.of());

        String answer = handle(new AlarmIngestHandler(new FunctionEnvironment(
                resources.environmentOf("AlarmIngestFunction"))), event);

        assertThat(answer).contains("\"outcome\":\"IGNORED\"").contains("Firebell stack's own alarm");
    }

    @Test
    void chatProbe_shouldBeRefusedUnsigned_andAnsweredWhenSignedWithTheSecret() throws Exception {
        String secretName = resources.environmentOf("ChatFunction").get("SLACK_SIGNING_SECRET_NAME");
        String secret = "perf-probe-secret-0123456789abcdef";
        try {
            local.secretsManager().putSecretValue(r -> r.secretId(secretName).secretString(secret));
        } catch (software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException e) {
            local.secretsManager().createSecret(r -> r.name(secretName).secretString(secret));
        }
        Map<String, String> env = new LinkedHashMap<>(resources.environmentOf("ChatFunction"));
        env.put("SLACK_TEAM_IDS", "T0PERFTEST");
        ChatHandler chat = new ChatHandler(new FunctionEnvironment(env));

        assertThat(handle(chat, event("chat_event", Map.of()))).contains("\"statusCode\":401");
        assertThat(handle(chat, event("chat_event", Map.of("FIREBELL_SLACK_SIGNING_SECRET", secret,
                "FIREBELL_SLACK_TEAM_ID", "T0PERFTEST")))).contains("\"statusCode\":200").contains("/incident");
    }

    /** The event one of the script's functions prints, with these variables set. */
    private static String event(String function, Map<String, String> variables) throws Exception {
        String source = "source <(sed -n '/^" + function + "()/,/^}/p' " + SCRIPT + "); STACK=perf-test; " + function;
        return run(List.of("bash", "-c", source), variables);
    }

    private static String handle(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, String event)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
                new LocalLambdaContext("probe", 30, System.err));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String run(List<String> command, Map<String, String> variables) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(variables);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
