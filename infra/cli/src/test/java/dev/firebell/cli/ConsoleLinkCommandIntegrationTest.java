package dev.firebell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.secrets.SecretsManagerLinkKeys;
import dev.firebell.link.SignInClaim;
import dev.firebell.link.SignInTokens;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/** {@code ./firebell console-link}: a link for a person of the stored configuration, as of --at; anyone else refused. */
@LocalStackTest
class ConsoleLinkCommandIntegrationTest {

    private static final String EXAMPLE = "../config/firebell.example.yaml";
    private static final String AT = "2027-01-04T08:00:00Z";

    private final LocalStack local;
    private final LocalResources resources;

    ConsoleLinkCommandIntegrationTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @Test
    void consoleLink_printsAOneTimeLinkForAPerson_andRefusesAnyoneElse_writingNothing() {
        String table = resources.tableName("FirebellTable");
        local.emptyTable(table);
        String endpoint = local.endpoint().toString();
        assertThat(CliRun.of("config", "apply", EXAMPLE, "--endpoint", endpoint, "--no-subscriptions").exit())
                .isZero();
        long items = local.dynamoDb().scan(r -> r.tableName(table)).count();

        CliRun alice = CliRun.of("console-link", "alice", "--at", AT, "--endpoint", endpoint);
        CliRun other = CliRun.of("console-link", "mallory", "--endpoint", endpoint);
        CliRun elsewhere = CliRun.of("console-link", "alice", "--at", AT, "--endpoint", endpoint, "--base-url",
                "https://firebell.example.com/");

        assertThat(alice.exit()).isZero();
        String link = alice.out().strip();
        assertThat(link).startsWith(ConsoleLinkCommand.LOCAL_BASE + "console/sign-in/");
        assertThat(alice.err()).contains("Signs in alice once, until 2027-01-04T08:15:00Z");
        var keys = new SecretsManagerLinkKeys(local.secretsManager(),
                resources.environmentOf("WebFunction").get("LINK_KEY_SECRET_ARN"), InstantSource.system());
        assertThat(SignInTokens.verify(link.substring(link.lastIndexOf('/') + 1), keys.verificationKeys(),
                Instant.parse(AT))).isInstanceOfSatisfying(SignInTokens.Verification.Valid.class, v -> {
                    SignInClaim claim = v.claim();
                    assertThat(claim.personId()).isEqualTo("alice");
                    assertThat(claim.reader()).isFalse();
                });
        assertThat(other.exit()).isNotZero();
        assertThat(other.out()).isEmpty();
        assertThat(other.err()).contains("'mallory' is not a person of the stored configuration")
                .contains("alice, bob");
        assertThat(elsewhere.out()).startsWith("https://firebell.example.com/console/sign-in/");
        assertThat(local.dynamoDb().scan(r -> r.tableName(table)).count()).as("items: nothing written").isEqualTo(items);
    }
}
