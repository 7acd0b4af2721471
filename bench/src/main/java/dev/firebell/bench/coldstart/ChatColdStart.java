package dev.firebell.bench.coldstart;

import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.chat.slack.SlackSignature;
import dev.firebell.function.alarm.AlarmIngestHandler;
import dev.firebell.local.FunctionUrlEvent;
import dev.firebell.local.LocalLambdaContext;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * The chat function in the cold-start bench: the first command of the night, {@code /incident ack <id>} by the person
 * paged, signed as Slack signs it. Before each run (not timed) an alarm opens a new incident in this JVM, so every run
 * acknowledges an incident that is still unacknowledged and writes, as the real first ack does.
 */
final class ChatColdStart {

    /** The workspace the bench's requests come from, allowed by the function's environment. */
    static final String TEAM = "T0COLDSTART";
    /** alice's Slack user id in the example configuration: a person who may acknowledge. */
    static final String ALICE = "U024BE7LH";

    /** Slack's answer to an acknowledgement, as the function returns it. */
    static final Predicate<String> ACKNOWLEDGED = out -> out.contains("\"statusCode\":200") && out.contains("acknowledged");

    private static final Pattern INCIDENT = Pattern.compile("\"incidentId\":\"(\\d+)\"");

    private final byte[] secret;
    private final AlarmIngestHandler alarms;
    private final Map<String, String> environment;

    /** The signing secret made for this run and stored where the function reads it; incidents opened in {@code table}. */
    ChatColdStart(LocalStack local, LocalResources resources, String table) {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.secret = HexFormat.of().formatHex(random).getBytes(StandardCharsets.US_ASCII);
        String name = resources.environmentOf("ChatFunction").get("SLACK_SIGNING_SECRET_NAME");
        String value = new String(secret, StandardCharsets.US_ASCII);
        try {
            local.secretsManager().putSecretValue(r -> r.secretId(name).secretString(value));
        } catch (ResourceNotFoundException notYet) {
            local.secretsManager().createSecret(r -> r.name(name).secretString(value));
        }
        Map<String, String> alarmEnv = new LinkedHashMap<>(resources.environmentOf("AlarmIngestFunction"));
        alarmEnv.put("TABLE_NAME", table);
        this.alarms = new AlarmIngestHandler(new FunctionEnvironment(alarmEnv));
        this.environment = new LinkedHashMap<>(resources.environmentOf("ChatFunction"));
        environment.put("TABLE_NAME", table);
        environment.put("SLACK_TEAM_IDS", TEAM);
    }

    /** The function's environment: the template's, on the bench's table, the bench's workspace allowed. */
    Map<String, String> environment() {
        return environment;
    }

    /** A new incident, then the Function URL event of alice's {@code /incident ack} of it, signed now. */
    String event(int round) {
        String id = openIncident("coldstart-chat-" + round + "-" + System.nanoTime());
        String form = "team_id=" + TEAM + "&user_id=" + ALICE + "&user_name=alice&channel_id=C0INCIDENTS"
                + "&command=%2Fincident&trigger_id=" + round + "." + System.nanoTime()
                + "&response_url=" + URLEncoder.encode("https://hooks.slack.com/commands/" + TEAM + "/1/coldstart",
                StandardCharsets.UTF_8) + "&text=" + URLEncoder.encode("ack " + id, StandardCharsets.UTF_8);
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        return new String(FunctionUrlEvent.post(SlackSignature.signedFormHeaders(secret,
                Long.toString(Instant.now().getEpochSecond()), body), body), StandardCharsets.UTF_8);
    }

    private String openIncident(String alarmName) {
        byte[] event = ColdStartBench.alarmEvent(alarmName, "ALARM", Instant.now().toString())
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            alarms.handleRequest(new ByteArrayInputStream(event), out,
                    new LocalLambdaContext("AlarmIngestFunction", 30, new PrintStream(OutputStream.nullOutputStream())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m = INCIDENT.matcher(out.toString(StandardCharsets.UTF_8));
        if (!out.toString(StandardCharsets.UTF_8).contains("\"OPENED\"") || !m.find()) {
            throw new IllegalStateException("could not open an incident for the chat runs: " + out);
        }
        return m.group(1);
    }
}
