package dev.firebell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.aws.sns.PersonSubscriptions;
import dev.firebell.aws.sns.SmsSandbox;
import dev.firebell.local.FakeAccountEndpoint;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;

/**
 * {@code ./firebell config validate|diff|apply} against the emulator: every kind of invalid file is
 * reported at its file and line and applies nothing; the example applies, subscribes the people's
 * contacts, and applying it again changes nothing.
 */
@LocalStackTest
class ConfigCommandIntegrationTest {

    private static final Path EXAMPLE = Path.of("../config/firebell.example.yaml");

    private final LocalStack local;
    private final LocalResources resources;

    ConfigCommandIntegrationTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @BeforeEach
    void emptyTableAndTopic() {
        String table = resources.tableName("FirebellTable");
        local.dynamoDb().scanPaginator(r -> r.tableName(table)).items().forEach(item ->
                local.dynamoDb().deleteItem(r -> r.tableName(table).key(Map.of("PK", item.get("PK"), "SK", item.get("SK")))));
        for (Subscription s : subscriptions()) {
            local.sns().unsubscribe(r -> r.subscriptionArn(s.subscriptionArn()));
        }
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private List<Subscription> subscriptions() {
        List<Subscription> out = new ArrayList<>();
        local.sns().listSubscriptionsByTopicPaginator(r -> r.topicArn(resources.topicArn("PageTopic")))
                .subscriptions().forEach(out::add);
        return out;
    }

    private String endpoint() {
        return local.endpoint().toString();
    }

    private long storedVersion() {
        return new DynamoConfigStore(local.dynamoDb(), resources.tableName("FirebellTable"), InstantSource.system(),
                Duration.ZERO).currentVersion();
    }

    static Stream<Path> invalidFiles() throws IOException {
        return Files.list(Path.of("src/test/resources/config/invalid")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void everyKindOfInvalidFile_isReportedAtItsFileAndLine_andAppliesNothing(Path file) throws IOException {
        List<String> expected = Files.readAllLines(file).stream().filter(l -> l.startsWith("# expect: "))
                .map(l -> l.substring("# expect: ".length())).toList();
        assertThat(expected).as("the fixture says what it expects").isNotEmpty();

        CliRun validate = run("config", "validate", file.toString());
        CliRun apply = run("config", "apply", file.toString(), "--endpoint", endpoint());

        for (CliRun r : List.of(validate, apply)) {
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).as(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
            for (String line : expected) {
                assertThat(r.err()).contains(line);
            }
        }
        assertThat(storedVersion()).as("nothing stored").isZero();
        assertThat(subscriptions()).as("nobody subscribed").isEmpty();
    }

    @Test
    void theExample_appliesWithItsPeoplesSubscriptions_andApplyingItAgainChangesNothing() {
        CliRun diff = run("config", "diff", EXAMPLE.toString(), "--endpoint", endpoint());
        assertThat(diff.exit()).as(diff.err()).isEqualTo(2);
        assertThat(diff.out()).contains("+ people/alice").contains("+ rotations/checkout-primary")
                .contains("+ subscription sms +33612345678 -> [person:alice]");

        CliRun first = run("config", "apply", EXAMPLE.toString(), "--endpoint", endpoint());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("+ escalationPolicies/checkout").contains("+ schedules/payments-follow-the-sun")
                .contains("stored as configuration version 1");
        List<Subscription> subscribed = subscriptions();
        assertThat(subscribed).hasSize(9);
        assertThat(subscribed).extracting(Subscription::endpoint).contains("+33612345678", "alice.martin@example.com");
        assertThat(local.sns().getSubscriptionAttributes(r -> r.subscriptionArn(subscribed.stream()
                .filter(s -> s.endpoint().equals("+12125550143")).findFirst().orElseThrow().subscriptionArn()))
                .attributes().get("FilterPolicy")).contains("person:dave");

        CliRun second = run("config", "apply", EXAMPLE.toString(), "--endpoint", endpoint());
        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains("no changes").doesNotContain("subscription");
        assertThat(storedVersion()).isEqualTo(1);
        assertThat(subscriptions()).hasSize(9);
        assertThat(run("config", "diff", EXAMPLE.toString(), "--endpoint", endpoint()).exit()).isZero();
    }

    @Test
    void someoneLeaving_isUnsubscribed_butSubscriptionsMadeByHandAreLeftAlone(@TempDir Path dir) throws IOException {
        String topic = resources.topicArn("PageTopic");
        String mailbox = local.sns().subscribe(r -> r.topicArn(topic).protocol("email").endpoint("checkout@example.com")
                .attributes(Map.of("FilterPolicy", "{\"target\":[\"team-checkout\"]}")).returnSubscriptionArn(true))
                .subscriptionArn();
        assertThat(run("config", "apply", EXAMPLE.toString(), "--endpoint", endpoint()).exit()).isZero();

        // grace leaves: her person, her rotation seats and her SMS go.
        String without = Files.readString(EXAMPLE)
                .replace("  grace:\n    name: Grace Tan\n    timeZone: Australia/Sydney\n    contacts:\n      - sms: \"+61412345678\"\n", "")
                .replace("[erin, frank, grace, dave]", "[erin, frank, dave]")
                .replace("[erin, grace]", "[erin]")
                .replace("[erin, frank, grace]", "[erin, frank]");
        Path file = dir.resolve("firebell.yaml");
        Files.writeString(file, without);
        CliRun apply = run("config", "apply", file.toString(), "--endpoint", endpoint());

        assertThat(apply.exit()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("- people/grace").contains("- subscription sms +61412345678");
        assertThat(subscriptions()).extracting(Subscription::endpoint).doesNotContain("+61412345678")
                .contains("checkout@example.com");
        assertThat(subscriptions()).extracting(Subscription::subscriptionArn).contains(mailbox);
    }

    @Test
    void subscriptionsChangedByHand_areDriftThatDiffReports_andApplyRepairs() {
        // GIVEN the example applied, then changed by hand in SNS: alice's SMS unsubscribed, dave's filter widened
        assertThat(run("config", "apply", EXAMPLE.toString(), "--endpoint", endpoint()).exit()).isZero();
        Subscription alice = subscriptions().stream().filter(s -> s.endpoint().equals("+33612345678")).findFirst()
                .orElseThrow();
        local.sns().unsubscribe(r -> r.subscriptionArn(alice.subscriptionArn()));
        Subscription dave = subscriptions().stream().filter(s -> s.endpoint().equals("+12125550143")).findFirst()
                .orElseThrow();
        local.sns().setSubscriptionAttributes(r -> r.subscriptionArn(dave.subscriptionArn()).attributeName("FilterPolicy")
                .attributeValue("{\"target\":[\"person:dave\",\"person:mallory\"]}"));

        // WHEN the drift check runs: the configuration itself is unchanged
        CliRun drift = run("config", "diff", EXAMPLE.toString(), "--endpoint", endpoint());

        // THEN it exits 2 and names both subscriptions
        assertThat(drift.exit()).as(drift.err()).isEqualTo(2);
        assertThat(drift.out()).contains("no changes: the stored configuration is the same")
                .contains("+ subscription sms +33612345678 -> [person:alice]")
                .contains("~ subscription sms +12125550143 -> [person:dave]");

        // AND applying the file repairs both, after which there is no drift
        assertThat(run("config", "apply", EXAMPLE.toString(), "--endpoint", endpoint()).exit()).isZero();
        assertThat(run("config", "diff", EXAMPLE.toString(), "--endpoint", endpoint()).exit()).isZero();
    }

    @Test
    void applyingToADeployedTable_withContactsButNoTopic_saysWhatIsMissing_andStoresNothing() {
        CliRun apply = run("config", "apply", EXAMPLE.toString(), "--table", resources.tableName("FirebellTable"));
        assertThat(apply.exit()).isEqualTo(1);
        assertThat(apply.err()).contains("--page-topic");
        assertThat(storedVersion()).isZero();
    }
    @Test
    void apply_onADeployedStack_shouldSayWhichSmsPagesTheAccountsSandboxWouldStop() throws IOException {
        // GIVEN a deployed stack's table and topic (here the emulator's), in an account whose SMS sandbox (answered by a
        // 127.0.0.1 endpoint: moto does not serve it) has verified alice's number and waits for bob's code
        try (FakeAccountEndpoint account = FakeAccountEndpoint.start();
             SnsClient sandboxSns = SnsClient.builder().endpointOverride(account.endpoint()).region(local.region())
                     .credentialsProvider(local.credentialsProvider()).build()) {
            account.smsSandbox(true, Map.of("+33612345678", "Verified", "+4915112345678", "Pending"));
            ConfigCommand.Apply apply = new ConfigCommand.Apply();
            apply.sandbox = new SmsSandbox(sandboxSns);
            YamlConfigLoader.Loaded loaded = new YamlConfigLoader().load(EXAMPLE);
            loaded.validate();
            DynamoConfigStore store = new DynamoConfigStore(local.dynamoDb(), resources.tableName("FirebellTable"),
                    InstantSource.system(), Duration.ZERO);
            ConfigApplier applier = new ConfigApplier(store, new PersonSubscriptions(local.sns(),
                    resources.topicArn("PageTopic")));
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            // WHEN
            int exit = apply.run(applier, store, loaded, new PrintStream(out, true, StandardCharsets.UTF_8));

            // THEN everyone is subscribed and the configuration stored, and the numbers SNS would not text are named
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(exit).isZero();
            assertThat(printed).contains("stored as configuration version 1")
                    .contains("warning: this account is in the SNS SMS sandbox of its region: SNS texts only verified"
                            + " numbers, so these SMS pages would never arrive:")
                    .contains("  +4915112345678 (bob, verification pending)")
                    .contains("  +12125550143 (dave)")
                    .doesNotContain("  +33612345678");
            assertThat(subscriptions()).extracting(Subscription::endpoint).contains("+4915112345678");
        }
    }
}
