package dev.firebell.cli;

import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.aws.secrets.SecretsManagerLinkKeys;
import dev.firebell.config.FirebellConfig;
import dev.firebell.link.LinkKeys;
import dev.firebell.link.PublicBase;
import dev.firebell.link.SignInLinks;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * {@code ./firebell console-link <person>}: a one-time sign-in link to the web console for a person of the stored
 * configuration, for a platform admin to hand over (ADR 0120). Nothing is written: the link is only signed.
 */
@Command(name = "console-link", mixinStandardHelpOptions = true,
        description = "Print a one-time link (15 minutes) that signs a person of the configuration in to the web console.")
final class ConsoleLinkCommand implements Callable<Integer> {

    /**
     * The host the local console is served under (ADR 0122): Chromium keeps {@code Secure} and {@code __Host-} cookies
     * of http://127.0.0.1 as of https (a loopback address is a secure context), which ConsoleInBrowserTest checks.
     */
    static final String LOCAL_HOST = "127.0.0.1";
    /** Where {@code ./firebell serve} serves the web function (and so the console) by default. */
    static final String LOCAL_BASE = "http://" + LOCAL_HOST + ":" + ServeCommand.DEFAULT_WEB_PORT + "/";

    @Parameters(index = "0", description = "The person's id in the configuration, e.g. alice.")
    String person;

    @Option(names = "--table", description = "DynamoDB table of a deployed stack (the IncidentsTableName output).")
    String table;

    @Option(names = "--link-key-secret", description = "With --table: the link key secret's ARN (the LinkKeySecretArn"
            + " output).")
    String linkKeySecret;

    @Option(names = "--base-url", description = "The console's public address (the PublicEndpointUrl output); for the"
            + " local stack, where './firebell serve' serves it: " + LOCAL_BASE + " by default.")
    String baseUrl;

    /** When the link is made: it works for 15 minutes from then. */
    @Mixin
    AtOption at;

    @Mixin
    StackOptions stack = new StackOptions();

    @Override
    public Integer call() {
        if (table != null && (linkKeySecret == null || baseUrl == null)) {
            System.err.println("with --table, also give --link-key-secret <arn> and --base-url <url> (the stack's"
                    + " LinkKeySecretArn and PublicEndpointUrl outputs)");
            return 2;
        }
        return stack.onTable(table, "say where the stack is: --endpoint <url> of a local stack started with"
                + " './firebell stack' (or './firebell serve'), or --table, --link-key-secret and --base-url of a"
                + " deployed one", (dynamo, name, local) -> {
                    FirebellConfig config = new DynamoConfigStore(dynamo, name, InstantSource.system(), Duration.ZERO)
                            .current();
                    String secret = local != null ? local.environmentOf("WebFunction").get("LINK_KEY_SECRET_ARN")
                            : linkKeySecret;
                    try (SecretsManagerClient secrets = SecretsManagerClient.create()) {
                        LinkKeys keys = new SecretsManagerLinkKeys(secrets, secret, InstantSource.system());
                        String base = baseUrl != null ? baseUrl : LOCAL_BASE;
                        try {
                            SignInLinks.Issued issued = link(config, keys, base, person,
                                    at.clock(ZoneOffset.UTC));
                            System.out.println(issued.url());
                            System.err.println("Signs in " + person + " once, until " + issued.claim().expiresAt()
                                    + "; the session lasts 12 hours or until they sign out.");
                            return 0;
                        } catch (IllegalArgumentException e) {
                            System.err.println(e.getMessage());
                            return 1;
                        }
                    }
                });
    }

    /**
     * A sign-in link for {@code person} of {@code config}, pointing at {@code base}: what the command prints.
     *
     * @throws IllegalArgumentException the person is not in the configuration, or the base is not a URL links may use
     */
    static SignInLinks.Issued link(FirebellConfig config, LinkKeys keys, String base, String person,
                                   InstantSource clock) {
        if (!config.onCall().people().containsKey(person)) {
            TreeSet<String> known = new TreeSet<>(config.onCall().people().keySet());
            throw new IllegalArgumentException("'" + person + "' is not a person of the stored configuration"
                    + (known.isEmpty() ? " (it has no people: apply one with './firebell config apply')"
                    : "; its people: " + String.join(", ", known)));
        }
        PublicBase at = PublicBase.of(base);
        return new SignInLinks(keys, at::url, clock).issue(person, false);
    }

    /** The address links give for the web function served locally at {@code served} (127.0.0.1, any port). */
    static URI localBase(URI served) {
        return URI.create("http://" + LOCAL_HOST + ":" + served.getPort() + "/");
    }
}
