package dev.firebell.cli;

import dev.firebell.chat.PeopleDirectory;
import dev.firebell.chat.Responder;
import dev.firebell.function.chat.ChatOverrides;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.function.web.WebHandler;
import dev.firebell.local.ShiftedClock;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * The chat endpoint on 127.0.0.1 against the local stack, for {@code curl} (or a tunnel from a real Slack app):
 * the signing secret goes into the local Secrets Manager secret the template names, this workspace is allowed the way the
 * {@code SlackTeamIds} parameter allows one, and the people of the applied configuration (those with a
 * {@code chatUserId}) are responders, as in a deployment; {@code --person} replaces them for quick trials.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the chat endpoint (Slack slash commands) on 127.0.0.1 against the local stack, until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {

    /** Who the printed example types as when nobody in the configuration has a chat user id. */
    static final String EXAMPLE_USER = "U0LOCAL";
    /** Where the web function (the console, the pages behind links) is served unless --web-port says otherwise. */
    static final int DEFAULT_WEB_PORT = 3001;
    static final String WEB_FUNCTION = "WebFunction";
    private static final Pattern PERSON = Pattern.compile("([UW][A-Z0-9]{2,20})=([a-z0-9][a-z0-9._-]{0,63})(?::(.+))?");

    @Mixin
    StackOptions stack;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "3000", description = "Port on 127.0.0.1 (0: any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--web-port", defaultValue = "" + DEFAULT_WEB_PORT, description = "Port on 127.0.0.1 of the web"
            + " function: the web console and the pages behind links (0: any free port). Default: ${DEFAULT-VALUE}.")
    int webPort;

    @Option(names = "--config", description = "Configuration file or directory to apply once the stack is up.")
    Path config;

    @Option(names = "--signing-secret", description = "The Slack signing secret to accept (default: the one already in"
            + " the local Secrets Manager secret, or a new random one).")
    String signingSecret;

    @Option(names = "--team", defaultValue = "T0LOCAL", description = "The Slack team id allowed (template parameter"
            + " SlackTeamIds). Default: ${DEFAULT-VALUE}.")
    String team;

    /** Commands (on call now, maintenance, incident times) as of --at; signatures keep to the real time Slack signs with. */
    @Mixin
    AtOption at;

    @Option(names = "--person", description = "Someone in the people directory, as SLACK_USER_ID=person-id[:Time/Zone];"
            + " repeatable. Replaces the configuration's people (default: the people of --config with a chatUserId).")
    List<String> people;

    /** A running endpoint: the stack (if started here), the server and what a client needs to call it. */
    record Served(LocalStack local, ChatServer server, FunctionUrlServer web, URI console, String secret, String team,
                  List<Responder> people, String secretName) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
            web.close();
            local.close();
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Served served = serve(out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            served.close();
            stopped.countDown();
        }, "firebell-serve-stop"));
        printUsage(served, out);
        stopped.await();
        return 0;
    }

    /** Starts (or attaches to) the stack, prepares it for chat and starts the server. */
    Served serve(PrintStream out) throws Exception {
        List<Responder> given = directory();
        if (!team.matches("[TE][A-Z0-9]{2,20}")) {
            throw new ParameterException(spec.commandLine(), "--team: '" + team + "' is not a Slack team id (T...)");
        }
        LocalStack local = stack.open();
        try {
            LocalResources resources = stack.provision(local, Map.of("SlackTeamIds", team));
            if (config != null) {
                out.println("configuration: " + StackOptions.applyConfig(local, resources, config, "firebell serve"));
            }
            String secretName = resources.environmentOf(ChatServer.FUNCTION).get("SLACK_SIGNING_SECRET_NAME");
            String secret = signingSecret(local, secretName);
            FunctionRunner runner = new FunctionRunner(resources, out);
            ChatOverrides overrides = ChatOverrides.none();
            ShiftedClock clock = at.runningClock();
            if (at.given()) {
                overrides.clock(clock);
            }
            // The web function first: its address is the public base of every link, the console's sign-in links too.
            runner.handler(WEB_FUNCTION, environment -> new WebHandler(environment, clock));
            FunctionUrlServer web = FunctionUrlServer.start(runner, WEB_FUNCTION, webPort, out);
            URI console = ConsoleLinkCommand.localBase(web.url());
            resources.serveFunctionUrl(WEB_FUNCTION, console);
            List<Responder> directory = given;
            if (given.isEmpty()) {
                directory = configuredPeople(local, resources);
            } else {
                overrides.people(PeopleDirectory.of(given));
            }
            ChatServer server;
            try {
                server = ChatServer.start(runner, port, overrides, out);
            } catch (IOException | RuntimeException e) {
                web.close();
                throw e;
            }
            return new Served(local, server, web, console, secret, team, directory, secretName);
        } catch (Exception | Error e) {
            local.close();
            throw e;
        }
    }

    /**
     * The secret given, else the one the local secret holds, else a new one; stored as the secret's current value
     * (the secret is created as docs/chat.md tells users to, with {@code aws secretsmanager create-secret}).
     */
    private String signingSecret(LocalStack local, String name) {
        String secret = signingSecret != null ? signingSecret : stored(local, name).orElseGet(() -> {
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            return HexFormat.of().formatHex(random);
        });
        if (secret.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--signing-secret must not be empty");
        }
        var secrets = local.secretsManager();
        try {
            secrets.putSecretValue(r -> r.secretId(name).secretString(secret));
        } catch (ResourceNotFoundException notYet) {
            secrets.createSecret(r -> r.name(name).secretString(secret));
        } catch (InvalidRequestException scheduledForDeletion) {
            secrets.restoreSecret(r -> r.secretId(name));
            secrets.putSecretValue(r -> r.secretId(name).secretString(secret));
        }
        return secret;
    }

    /** The plain-text secret the local secret holds, if any. */
    private static Optional<String> stored(LocalStack local, String name) {
        try {
            return Optional.ofNullable(local.secretsManager().getSecretValue(r -> r.secretId(name)).secretString())
                    .map(String::strip).filter(value -> !value.isEmpty() && !value.startsWith("{"));
        } catch (ResourceNotFoundException | InvalidRequestException noneOrDeleted) {
            return Optional.empty();
        }
    }

    /** The configuration's people with a chat user id: the chat function's own directory reads the same. */
    private static List<Responder> configuredPeople(LocalStack local, LocalResources resources) {
        var config = new dev.firebell.aws.dynamodb.DynamoConfigStore(local.dynamoDb(), resources.tableName("FirebellTable"),
                java.time.InstantSource.system(), java.time.Duration.ZERO);
        return config.current().onCall().people().values().stream()
                .filter(p -> p.chatUserId() != null)
                .sorted(java.util.Comparator.comparing(p -> p.id()))
                .map(p -> new Responder(p.id(), p.name(), p.chatUserId(), p.timeZone()))
                .toList();
    }

    private List<Responder> directory() {
        List<Responder> result = new java.util.ArrayList<>();
        for (String given : people == null ? List.<String>of() : people) {
            Matcher m = PERSON.matcher(given);
            if (!m.matches()) {
                throw new ParameterException(spec.commandLine(), "--person '" + given + "': write SLACK_USER_ID=person-id"
                        + " or SLACK_USER_ID=person-id:Europe/Berlin, e.g. U0ALICE=alice");
            }
            ZoneId zone;
            try {
                zone = m.group(3) == null ? ZoneId.of("UTC") : ZoneId.of(m.group(3));
            } catch (DateTimeException e) {
                throw new ParameterException(spec.commandLine(), "--person '" + given + "': '" + m.group(3)
                        + "' is not a time zone (e.g. Europe/Berlin)");
            }
            result.add(new Responder(m.group(2), m.group(2), m.group(1), zone));
        }
        return result;
    }


    private void printUsage(Served served, PrintStream out) {
        String you = served.people().isEmpty() ? EXAMPLE_USER : served.people().get(0).chatUserId();
        out.println();
        out.println("Chat endpoint on " + served.server().url() + " (Ctrl-C stops it; local stack at "
                + served.local().endpoint() + ")");
        out.println("  signing secret (Secrets Manager " + served.secretName() + "): " + served.secret());
        if (at.given()) {
            out.println("  commands run as if it were " + at.at + " when the server started (requests are still signed"
                    + " and checked with the real time)");
        }
        out.println("  workspace " + served.team() + "; responders (Slack user id = person): " + (served.people().isEmpty()
                ? "nobody, so every change is refused: apply a --config whose people have a chatUserId, or pass --person"
                : String.join(", ", served.people().stream().map(r -> r.chatUserId() + " = " + r.personId()).toList())));
        out.println();
        out.println("In another shell (bash; needs curl and openssl):");
        out.println();
        out.println(curlExample(served.server().url().toString(), served.secret(), served.team(), you));
        out.println();
        out.println("  incident help");
        out.println("  incident declare SEV2 Checkout is failing");
        out.println("  incident list");
        out.println("  incident ack 1");
        out.println("  incident console");
        out.println();
        out.println("Web console on " + served.console() + "console (and the pages behind links): sign in with the link"
                + " 'incident console' answers, or print one for a person of the configuration with");
        out.println("  ./firebell console-link <person> --endpoint " + served.local().endpoint()
                + (served.console().getPort() == DEFAULT_WEB_PORT ? "" : " --base-url " + served.console()));
        out.println();
    }

    /** A shell function that signs a slash command the way Slack does and posts it: what README and docs show. */
    static String curlExample(String url, String secret, String team, String user) {
        return String.join("\n",
                "export FIREBELL_URL=" + url + " FIREBELL_SECRET=" + secret + " FIREBELL_TEAM=" + team
                        + " FIREBELL_USER=" + user,
                "incident() {",
                "  local text body ts sig",
                "  text=$(printf %s \"$*\" | od -An -tx1 -v | tr -d ' \\n' | sed 's/../%&/g')",
                "  body=\"team_id=$FIREBELL_TEAM&user_id=$FIREBELL_USER&user_name=local&channel_id=C0LOCAL&command=%2Fincident\\",
                "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F$FIREBELL_TEAM%2F1%2Flocal&text=$text\"",
                "  ts=$(date +%s)",
                "  sig=\"v0=$(printf 'v0:%s:%s' \"$ts\" \"$body\" | openssl dgst -sha256 -hmac \"$FIREBELL_SECRET\" -r | cut -d' ' -f1)\"",
                "  curl -sS \"$FIREBELL_URL\" -H \"X-Slack-Request-Timestamp: $ts\" -H \"X-Slack-Signature: $sig\" --data-binary \"$body\"; echo",
                "}");
    }
}
