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
    /** The link key's secret as the template names it to the functions (by ARN), and a generated-looking value. */
    static final String LINK_KEY_SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:FirebellLinkKey-AbCdEf";
    static final String LINK_KEY = "Qm9vdHN0cmFwcGVkLWxpbmsta2V5LWZvci1iZW5jaG1hcmtz";
    /** The web function's Function URL, where links lead. */
    static final String PUBLIC_BASE_URL = "https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws/";
    /** The variables template.yaml gives the functions, with the canned region's names. */
    static final FunctionEnvironment ENVIRONMENT = new FunctionEnvironment(Map.ofEntries(
            Map.entry("TABLE_NAME", "FirebellTable"),
            Map.entry("PAGE_TOPIC_ARN", "arn:aws:sns:us-east-1:123456789012:PageTopic"),
            Map.entry("CHAT_JOB_TOPIC_ARN", "arn:aws:sns:us-east-1:123456789012:ChatJobsTopic"),
            Map.entry("SLACK_SIGNING_SECRET_NAME", SIGNING_SECRET_NAME),
            Map.entry("SLACK_TEAM_IDS", dev.firebell.bench.chat.SlackCommands.TEAM),
            Map.entry("POSTMORTEM_BUCKET", "firebell-postmortems"),
            Map.entry("PUBLIC_BASE_URL", PUBLIC_BASE_URL),
            Map.entry("LINK_KEY_SECRET_ARN", LINK_KEY_SECRET_ARN),
            Map.entry("LINK_VALIDITY_HOURS", "24"),
            Map.entry("SMS_REPLIES", "on"),
            // The sample alarms' own account and region: the bench measures alarms of Firebell's own account.
            Map.entry("HOME_ACCOUNT_ID", "123456789012"),
            Map.entry("HOME_REGION", "eu-west-1")));


    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private CannedFirebell() {
    }

    /**
     * The alarm and escalation functions' graph on {@code http} and the bench's clock, the example configuration applied
     * and the link key in Secrets Manager (pages carry links, as deployed).
     */
    static LatencyComponent configured(CannedHttpClient http) throws IOException {
        System.setProperty("aws.region", "us-east-1");
        http.putSecret(LINK_KEY_SECRET_ARN, LINK_KEY);
        LatencyComponent component = DaggerLatencyComponent.builder().environment(ENVIRONMENT).http(http)
                .clock(BenchClock.start()).build();
        component.configStore().apply(new YamlConfigLoader()
                .load(SamTemplate.locate().toAbsolutePath().getParent().resolve("infra/config/firebell.example.yaml"))
                .document(), "benchmark");
        return component;
    }

    /** {@link #OPEN_ALARM} goes to ALARM at {@code at} through the real alarm handler: its incident's id. */
    static String openIncident(AlarmIngestHandler alarms, Instant at) {
        return openIncident(alarms, OPEN_ALARM, at);
    }

    /** Alarm {@code name} goes to ALARM at {@code at}, opening an incident that pages: its id. */
    static String openIncident(AlarmIngestHandler alarms, String name, Instant at) {
        Matcher id = Pattern.compile("\"incidentId\":\"([^\"]+)\"").matcher(
                expect(handle(alarms, alarmEvent(name, "ALARM", at)), "\"OPENED\"", "\"pagesSent\":1"));
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
