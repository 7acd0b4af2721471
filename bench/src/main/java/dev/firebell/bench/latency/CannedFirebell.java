package dev.firebell.bench.latency;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.bench.BenchClock;
import dev.firebell.cli.YamlConfigLoader;
import dev.firebell.function.alarm.AlarmIngestHandler;
import dev.firebell.local.LocalLambdaContext;
import dev.firebell.local.SamTemplate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the latency benchmarks share: the functions' environment, the alarm and escalation graph on a
 * {@link CannedHttpClient} holding infra/config/firebell.example.yaml, the EventBridge event of an alarm, and
 * invoking a handler as Lambda does (its log dropped).
 */
final class CannedFirebell {

    /** An alarm of checkout (its escalation policy pages checkout-primary first). */
    static final String OPEN_ALARM = "checkout-api-5xx-high";
    static final String SIGNING_SECRET_NAME = "firebell/slack-signing-secret";
    /** The variables template.yaml gives the functions, with the canned region's names. */
    static final FunctionEnvironment ENVIRONMENT = new FunctionEnvironment(Map.of(
            "TABLE_NAME", "FirebellTable",
            "PAGE_TOPIC_ARN", "arn:aws:sns:us-east-1:123456789012:PageTopic",
            "CHAT_JOB_TOPIC_ARN", "arn:aws:sns:us-east-1:123456789012:ChatJobsTopic",
            "SLACK_SIGNING_SECRET_NAME", SIGNING_SECRET_NAME,
            "SLACK_TEAM_IDS", dev.firebell.bench.chat.SlackCommands.TEAM,
            "POSTMORTEM_BUCKET", "firebell-postmortems"));

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private CannedFirebell() {
    }

    /** The alarm and escalation functions' graph on {@code http} and the bench's clock, the example configuration applied. */
    static LatencyComponent configured(CannedHttpClient http) throws IOException {
        System.setProperty("aws.region", "us-east-1");
        LatencyComponent component = DaggerLatencyComponent.builder().environment(ENVIRONMENT).http(http)
                .clock(BenchClock.start()).build();
        component.configStore().apply(new YamlConfigLoader()
                .load(SamTemplate.locate().toAbsolutePath().getParent().resolve("infra/config/firebell.example.yaml"))
                .document(), "benchmark");
        return component;
    }

    /** {@link #OPEN_ALARM} goes to ALARM at {@code at} through the real alarm handler: its incident's id. */
    static String openIncident(AlarmIngestHandler alarms, Instant at) {
        Matcher id = Pattern.compile("\"incidentId\":\"([^\"]+)\"").matcher(
                expect(handle(alarms, alarmEvent(OPEN_ALARM, "ALARM", at)), "\"OPENED\"", "\"pagesSent\":1"));
        if (!id.find()) {
            throw new IllegalStateException("the alarm handler opened an incident but did not say which");
        }
        return id.group(1);
    }

    static String handle(RequestStreamHandler handler, byte[] event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, new LocalLambdaContext("bench", 30, QUIET));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The output, if it has every fragment: a benchmark must fail rather than time an answer it did not expect. */
    static String expect(String output, String... fragments) {
        for (String f : fragments) {
            if (!output.contains(f)) {
                throw new IllegalStateException("the canned AWS no longer leads where the benchmark expects (" + f
                        + "): " + output);
            }
        }
        return output;
    }

    /** The EventBridge shape of a metric alarm's state change. */
    static byte[] alarmEvent(String name, String state, Instant at) {
        return ("{\"version\":\"0\",\"id\":\"" + java.util.UUID.randomUUID() + "\",\"detail-type\":"
                + "\"CloudWatch Alarm State Change\",\"source\":\"aws.cloudwatch\",\"account\":\"123456789012\","
                + "\"time\":\"" + at + "\",\"region\":\"eu-west-1\",\"resources\":"
                + "[\"arn:aws:cloudwatch:eu-west-1:123456789012:alarm:" + name + "\"],\"detail\":{\"alarmName\":\""
                + name + "\",\"state\":{\"value\":\"" + state + "\",\"reason\":\"Threshold Crossed: 3 datapoints were"
                + " greater than the threshold (25.0)\",\"timestamp\":\"" + at + "\"},\"previousState\":{\"value\":"
                + "\"OK\",\"timestamp\":\"2026-01-01T00:00:00Z\"},\"configuration\":{\"description\":null,\"metrics\":"
                + "[{\"id\":\"m1\",\"metricStat\":{\"metric\":{\"namespace\":\"AWS/ApplicationELB\",\"name\":"
                + "\"HTTPCode_Target_5XX_Count\",\"dimensions\":{\"LoadBalancer\":\"app/checkout-prod/50dc6c495c0c9188\"}},"
                + "\"period\":60,\"stat\":\"Sum\"},\"returnData\":true}]}}}").getBytes(StandardCharsets.UTF_8);
    }
}
