package dev.firebell.bench.coldstart;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.firebell.answer.PageAction;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.secrets.SecretsManagerLinkKeys;
import dev.firebell.bench.BrowserRequest;
import dev.firebell.function.alarm.AlarmIngestHandler;
import dev.firebell.function.web.WebHandler;
import dev.firebell.incident.Channel;
import dev.firebell.link.ActionLinks;
import dev.firebell.link.LinkKeys;
import dev.firebell.link.SignInLinks;
import dev.firebell.local.LocalLambdaContext;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web function in the cold-start bench, with two first events: a console page (the incidents list) for a signed-in
 * person, and the Acknowledge link of a page (what the function served before the console). Before the runs (not
 * timed), through the real code in this JVM on the local stack: an alarm opens an incident, bob's Acknowledge link is
 * signed with the stack's link key, and alice signs in through a one-time link's button, whose session cookie every
 * console run sends. Neither event writes, so every run does the same work. The deployed code runs on the wall clock
 * (as the other cold-start programs: ADR 0090); the session lasts 12 hours, far longer than a run.
 */
final class WebColdStart {

    /** The host requests arrive at, as a Function URL's. */
    static final String HOST = "coldstartwebfunctionurl0000000000.lambda-url.us-east-1.on.aws";
    static final String CONSOLE_PAGE = "/console/incidents";

    /** The incidents page, signed in, listing the incident opened for the bench. */
    final Predicate<String> consoleOk;
    /** The link's confirmation page. */
    final Predicate<String> linkOk;

    private final Map<String, String> environment;
    private final String cookie;
    private final String linkPath;

    WebColdStart(LocalStack local, LocalResources resources) {
        local.exportSdkSettings();
        environment = new LinkedHashMap<>(resources.environmentOf("WebFunction"));
        Map<String, String> alarmEnv = resources.environmentOf("AlarmIngestFunction");
        String incident = openIncident(new AlarmIngestHandler(new FunctionEnvironment(alarmEnv)));
        LinkKeys keys = new SecretsManagerLinkKeys(local.secretsManager(), environment.get("LINK_KEY_SECRET_ARN"),
                InstantSource.system());
        Optional<String> base = Optional.of("https://" + HOST + "/");
        linkPath = URI.create(new ActionLinks(keys, () -> base, ActionLinks.DEFAULT_VALIDITY, InstantSource.system())
                .forPerson(incident, "bob", Channel.EMAIL_LINK, EnumSet.of(PageAction.ACKNOWLEDGE)).orElseThrow()
                .url(PageAction.ACKNOWLEDGE)).getRawPath();
        String signIn = URI.create(new SignInLinks(keys, () -> base, InstantSource.system()).issue("alice", false).url())
                .getRawPath();
        String signedIn = handle(new WebHandler(new FunctionEnvironment(environment)), request("POST", signIn, null));
        Matcher cookie = Pattern.compile("\"cookies\":\\[\"([^\";]+)").matcher(signedIn);
        if (!signedIn.contains("\"statusCode\":303") || !cookie.find()) {
            throw new IllegalStateException("could not sign in for the web runs: " + signedIn);
        }
        this.cookie = cookie.group(1);
        consoleOk = out -> out.contains("\"statusCode\":200") && out.contains("<h1>Incidents</h1>")
                && out.contains("#" + incident);
        linkOk = out -> out.contains("\"statusCode\":200") && out.contains("Acknowledge incident #" + incident);
    }

    /** The function's environment: the template's, on the stack's table. */
    Map<String, String> environment() {
        return environment;
    }

    /** GET of the console's incidents page with the session cookie. */
    String consolePage(int round) {
        return new String(request("GET", CONSOLE_PAGE, cookie), StandardCharsets.UTF_8);
    }

    /** GET of the Acknowledge link of bob's page. */
    String linkPage(int round) {
        return new String(request("GET", linkPath, null), StandardCharsets.UTF_8);
    }

    private static byte[] request(String method, String path, String cookie) {
        return BrowserRequest.of(method, HOST, path, cookie, "");
    }

    private static String openIncident(AlarmIngestHandler alarms) {
        String out = handle(alarms, ColdStartBench.alarmEvent("coldstart-web-" + System.nanoTime(), "ALARM",
                Instant.now().toString()).getBytes(StandardCharsets.UTF_8));
        Matcher m = Pattern.compile("\"incidentId\":\"(\\d+)\"").matcher(out);
        if (!out.contains("\"OPENED\"") || !m.find()) {
            throw new IllegalStateException("could not open an incident for the web runs: " + out);
        }
        return m.group(1);
    }

    private static String handle(RequestStreamHandler handler, byte[] event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out,
                    new LocalLambdaContext("bench", 30, new PrintStream(OutputStream.nullOutputStream())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
