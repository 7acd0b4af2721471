package dev.firebell.function.chat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.firebell.aws.Json;
import dev.firebell.aws.runtime.RestorableCredentials;
import dev.firebell.chat.slack.SigningSecrets;
import dev.firebell.chat.slack.SlackEndpoint;
import dev.firebell.chat.slack.SlackSignature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The chat function under SnapStart (ADR 0053, which lists what a snapshot must not hold and why).
 *
 * <p>{@link #prime}, before the snapshot: read-only commands ({@link #PRIMING_COMMANDS}) run through the whole
 * request path (Function URL event, signature, form, the chat service and its reads, the reply's JSON), so that
 * environments restored from the snapshot start with those classes loaded and initialised. They are signed with a
 * key made for priming and verified by an endpoint built for it, from a workspace and a user that exist nowhere: the
 * signing secret is never read, nothing is deferred, posted or written. A failure only costs the optimisation: it is
 * logged, and the snapshot is taken anyway.
 *
 * <p>{@link #afterRestore}, in each restored environment: the signing secret's cache and the credentials are dropped,
 * so both are read again by the first request.
 */
final class ChatSnapStart {

    /** What a first command of the night reads: the list, an incident's status, who is on call for a service. */
    static final List<String> PRIMING_COMMANDS = List.of("help", "list", "status 1", "oncall %s");
    static final String PRIMING_TEAM = "T0SNAPSTART";
    static final String PRIMING_USER = "U0SNAPSTART";

    private final ChatComponent component;

    ChatSnapStart(ChatComponent component) {
        this.component = component;
    }

    /** Runs the priming commands; returns the HTTP status of each answer (all 200 when priming worked). */
    List<Integer> prime() {
        List<Integer> statuses = new ArrayList<>();
        try {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            SigningSecrets primingKey = new SigningSecrets() {
                @Override
                public byte[] current() {
                    return key;
                }

                @Override
                public boolean reloadAfterMismatch() {
                    return false;
                }
            };
            SlackEndpoint endpoint = new SlackEndpoint(primingKey, component.wallClock(), Set.of(PRIMING_TEAM),
                    component.chat(), command -> {
                        throw new IllegalStateException("priming defers nothing");
                    }, (url, message) -> {
                        throw new IllegalStateException("priming posts nothing");
                    }, signature -> false);
            ChatHandler handler = new ChatHandler(endpoint, component.jobs());
            String service = component.config().current().serviceNames().stream().sorted().findFirst().orElse("");
            for (String command : PRIMING_COMMANDS) {
                byte[] event = event(key, String.format(command, service));
                ByteArrayOutputStream answer = new ByteArrayOutputStream();
                handler.handleRequest(new ByteArrayInputStream(event), answer, PRIMING_CONTEXT);
                Object status = Json.readObject(answer.toString(StandardCharsets.UTF_8)).get("statusCode");
                statuses.add(status instanceof Number n ? n.intValue() : -1);
            }
            if (statuses.stream().anyMatch(s -> s != 200)) {
                System.err.println("SnapStart priming: answers " + statuses + " (expected 200 each)");
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("SnapStart priming skipped: " + e);
        }
        return statuses;
    }

    /** Nothing read before the snapshot may be used after it: the signing secret and the credentials. */
    void afterRestore() {
        component.signingSecrets().forget();
        if (component.credentials() instanceof RestorableCredentials credentials) {
            credentials.afterRestore();
        }
    }

    /** A Function URL event carrying a slash command signed now with the priming key, as Slack would send it. */
    private byte[] event(byte[] key, String text) throws IOException {
        String form = "team_id=" + PRIMING_TEAM + "&user_id=" + PRIMING_USER + "&user_name=snapstart"
                + "&channel_id=C0SNAPSTART&command=%2Fincident&trigger_id=snapstart"
                + "&response_url=" + URLEncoder.encode("https://hooks.slack.com/commands/" + PRIMING_TEAM + "/0/0",
                StandardCharsets.UTF_8)
                + "&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(component.wallClock().instant().getEpochSecond());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("headers", SlackSignature.signedFormHeaders(key, timestamp, body));
        event.put("requestContext", Map.of("http", Map.of("method", "POST")));
        event.put("body", Base64.getEncoder().encodeToString(body));
        event.put("isBase64Encoded", true);
        return Json.write(event).getBytes(StandardCharsets.UTF_8);
    }

    /** Priming's invocations have no request: their log lines (refusals of the made-up user) are dropped. */
    private static final Context PRIMING_CONTEXT = new Context() {
        @Override public String getAwsRequestId() { return "snapstart-priming"; }
        @Override public String getLogGroupName() { return null; }
        @Override public String getLogStreamName() { return null; }
        @Override public String getFunctionName() { return null; }
        @Override public String getFunctionVersion() { return null; }
        @Override public String getInvokedFunctionArn() { return null; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 10_000; }
        @Override public int getMemoryLimitInMB() { return 0; }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override public void log(String message) { }
                @Override public void log(byte[] message) { }
            };
        }
    };
}
