package dev.firebell.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.aws.dynamodb.DynamoIncidentStore;
import dev.firebell.chat.slack.SlackSignature;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code ./firebell serve} as a user drives it: the README's curl + openssl shell function, run by bash against the
 * server on 127.0.0.1, through the real chat handler, on this test run's emulator.
 */
@LocalStackTest
class ServeCommandTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    /** What the commands take for now: a week Alice (U024BE7LH) is checkout's primary in the example rotation. */
    private static final String AT = "2027-03-24T10:00:00Z";

    private final LocalStack local;
    private final LocalResources resources;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private ServeCommand.Served served;

    ServeCommandTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @BeforeEach
    void serveWithTwoPeople() throws Exception {
        start("--person", "U0ALICE=alice:Europe/Berlin", "--person", "U0BOB=bob");
    }

    /** Starts ./firebell serve on this run's emulator, with the example configuration and these arguments. */
    private void start(String... people) throws Exception {
        if (served != null) {
            served.close();
        }
        local.emptyTable(resources.tableName("FirebellTable"));
        ServeCommand command = new ServeCommand();
        List<String> args = new java.util.ArrayList<>(List.of("--endpoint", local.endpoint().toString(), "--port", "0", "--web-port", "0",
                "--at", AT, "--signing-secret", SECRET, "--config", dev.firebell.local.SamTemplate.locate().toAbsolutePath()
                        .getParent().resolve("infra/config/firebell.example.yaml").toString()));
        args.addAll(List.of(people));
        new CommandLine(command).parseArgs(args.toArray(String[]::new));
        served = command.serve(new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        served.close();
    }

    @Test
    void theDocumentedShellFunction_shouldDriveCommandsThroughTheServer() throws Exception {
        String example = ServeCommand.curlExample(served.server().url().toString(), served.secret(), served.team(),
                "U0ALICE");

        String declared = bash(example + "\nincident declare SEV2 Checkout is failing checkout");
        awaitOutput("declared *#1* Checkout is failing (SEV2, checkout)");
        String acked = bash(example + "\nincident ack 1");
        String help = bash(example + "\nincident");
        String stranger = bash(example.replace("FIREBELL_USER=U0ALICE", "FIREBELL_USER=U0STRANGER")
                + "\nincident resolve 1 'done <!channel>'");

        assertThat(declared).contains("\"response_type\":\"ephemeral\"").contains("Declaring a SEV2 incident for checkout");
        assertThat(acked).contains("\"response_type\":\"in_channel\"").contains(":eyes: <@U0ALICE> acknowledged *#1*");
        assertThat(help).contains("/incident declare &lt;SEV1-5&gt; &lt;title&gt; [service]");
        assertThat(stranger).contains("You are not in Firebell's on-call configuration");
        Incident incident = store().incident("1").orElseThrow();
        assertThat(incident.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(incident.acknowledgedBy()).isEqualTo("alice");
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("POST / -> 200");
    }

    @Test
    void incidentConsole_shouldAnswerASignInLinkToTheServedConsole_thatSignsInOnce() throws Exception {
        String example = ServeCommand.curlExample(served.server().url().toString(), served.secret(), served.team(),
                "U0ALICE");

        String answer = bash(example + "\nincident console");

        assertThat(answer).contains("\"response_type\":\"ephemeral\"").contains("as alice");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(
                served.console().toString()) + "console/sign-in/[A-Za-z0-9_-]+").matcher(answer);
        assertThat(link.find()).as("a sign-in link to %s in %s", served.console(), answer).isTrue();
        HttpClient http = HttpClient.newHttpClient();
        URI signIn = URI.create(link.group());
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(signIn).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> pressed = http.send(HttpRequest.newBuilder(signIn).POST(HttpRequest.BodyPublishers
                .noBody()).header("content-type", "application/x-www-form-urlencoded").build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = pressed.headers().firstValue("set-cookie").orElse("");
        HttpResponse<String> console = http.send(HttpRequest.newBuilder(served.console().resolve("/console/incidents"))
                .header("cookie", cookie.substring(0, cookie.indexOf(';'))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(signIn).POST(HttpRequest.BodyPublishers
                .noBody()).header("content-type", "application/x-www-form-urlencoded").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sign in to Firebell as Alice");
        assertThat(pressed.statusCode()).isEqualTo(303);
        assertThat(pressed.headers().firstValue("location")).contains("/console/incidents");
        assertThat(cookie).startsWith("__Host-firebell=").contains("Secure").contains("HttpOnly");
        assertThat(console.statusCode()).as("signed in: the console, not its 401 page").isNotEqualTo(401);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("/console/sign-in/... -> 303")
                .doesNotContain(signIn.getPath());
    }

    @Test
    void withoutPersonFlags_theConfigurationsPeopleShouldBeTheResponders_asDeployed() throws Exception {
        start();
        String example = ServeCommand.curlExample(served.server().url().toString(), served.secret(), served.team(),
                "U024BE7LH");

        String oncall = bash(example + "\nincident oncall checkout-primary");
        String declared = bash(example + "\nincident declare SEV3 Search is slow platform");
        assertThat(declared).contains("Declaring a SEV3 incident for platform");
        awaitOutput("declared *#1* Search is slow (SEV3, platform)");
        String ack = bash(example + "\nincident ack 1");

        assertThat(served.people()).extracting(dev.firebell.chat.Responder::personId).containsExactly("alice", "bob");
        assertThat(oncall).contains("*checkout-primary*: now <@U024BE7LH");
        assertThat(ack).contains(":eyes: <@U024BE7LH> acknowledged *#1*");
    }

    @Test
    void theServer_shouldAnswerLikeTheFunctionUrl_forUnsignedOrOtherRequests() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI url = served.server().url();

        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(url)
                .POST(HttpRequest.BodyPublishers.ofString("team_id=T0LOCAL&user_id=U0ALICE&command=%2Fincident&text=ack+1"))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
        String body = "ssl_check=1&token=x";
        HttpResponse<String> probe = http.send(HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        String ts = Long.toString(Instant.now().getEpochSecond());
        String list = "team_id=T0LOCAL&user_id=U0BOB&command=%2Fincident&text=list";
        HttpResponse<String> signed = http.send(HttpRequest.newBuilder(url)
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", SlackSignature.sign(SECRET.getBytes(StandardCharsets.UTF_8), ts,
                        list.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(list)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(probe.statusCode()).isEqualTo(200);
        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(signed.headers().firstValue("content-type")).contains("application/json; charset=utf-8");
        assertThat(signed.body()).contains("Open incidents: none");
    }

    @Test
    void theServer_shouldListenOnLoopbackOnly_andStopWhenClosed() throws Exception {
        URI url = served.server().url();
        assertThat(url.getHost()).isEqualTo("127.0.0.1");
        for (InetAddress address : nonLoopbackAddresses()) {
            URI outside = URI.create("http://" + (address.getHostAddress().contains(":") ? "[" + address.getHostAddress()
                    + "]" : address.getHostAddress()) + ":" + url.getPort() + "/");
            assertThatThrownBy(() -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(outside).GET().build(), HttpResponse.BodyHandlers.ofString()))
                    .as("reachable on %s", address).isInstanceOf(IOException.class);
        }

        served.server().close();

        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).GET().build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
    }

    @Test
    void theSigningSecret_shouldBeInTheSecretTheTemplateNames_andKeptForTheNextServe() throws Exception {
        String stored = local.secretsManager().getSecretValue(r -> r.secretId("firebell/slack/signing_secret"))
                .secretString();

        assertThat(served.secretName()).isEqualTo("firebell/slack/signing_secret");
        assertThat(stored).isEqualTo(SECRET);

        // WHEN serve starts again without --signing-secret THEN it keeps accepting the stored one
        served.close();
        served = null;
        ServeCommand again = new ServeCommand();
        new CommandLine(again).parseArgs("--endpoint", local.endpoint().toString(), "--port", "0", "--web-port", "0", "--person",
                "U0ALICE=alice");
        served = again.serve(new PrintStream(output, true, StandardCharsets.UTF_8));
        assertThat(served.secret()).isEqualTo(SECRET);
    }

    @Test
    void declare_shouldReachTheHandlerAsTheSnsEventOfTheChatJobsTopic() throws Exception {
        String example = ServeCommand.curlExample(served.server().url().toString(), served.secret(), served.team(),
                "U0ALICE");

        bash(example + "\nincident declare SEV3 Payments are slow payments");

        awaitOutput("declared *#1* Payments are slow (SEV3, payments)");
        assertThat(output.toString(StandardCharsets.UTF_8)).doesNotContain("the deferred half of a command failed")
                .doesNotContain("ignored: an SNS message");
    }

    private DynamoIncidentStore store() {
        return new DynamoIncidentStore(local.dynamoDb(), resources.tableName("FirebellTable"), InstantSource.system());
    }

    private void awaitOutput(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!output.toString(StandardCharsets.UTF_8).contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(output.toString(StandardCharsets.UTF_8)).contains(text);
    }

    private static String bash(String script) throws Exception {
        Process process = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> !a.isLinkLocalAddress())
                .toList();
    }
}
