package dev.firebell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.dynamodb.DynamoFeedTokenStore;
import dev.firebell.calendar.FeedSubject;
import dev.firebell.link.SecretTokens;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ./firebell calendar-link}: a URL created on first use and printed again, replaced, revoked, refused. */
@LocalStackTest
class CalendarLinkCommandIntegrationTest {

    private static final String EXAMPLE = "../config/firebell.example.yaml";
    private static final String BASE = "https://oncall.example.com/";

    private final LocalStack local;
    private final LocalResources resources;

    CalendarLinkCommandIntegrationTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @Test
    void aPersonsUrl_isCreatedOnce_printedAgain_replacedByRotate_andGoneByRevoke() {
        String table = resources.tableName("FirebellTable");
        local.emptyTable(table);
        String endpoint = local.endpoint().toString();
        assertThat(CliRun.of("config", "apply", EXAMPLE, "--endpoint", endpoint, "--no-subscriptions").exit()).isZero();
        DynamoFeedTokenStore store = new DynamoFeedTokenStore(local.dynamoDb(), table);

        CliRun first = CliRun.of("calendar-link", "alice", "--endpoint", endpoint, "--base-url", BASE);
        assertThat(first.exit()).as(first.err()).isZero();
        String token = store.tokens(List.of(FeedSubject.person("alice"))).get(FeedSubject.person("alice"));
        assertThat(first.out()).endsWith(":\n" + BASE + "calendar/" + token + ".ics\n"
                + "webcal://oncall.example.com/calendar/" + token + ".ics\n");
        assertThat(CliRun.of("calendar-link", "alice", "--endpoint", endpoint, "--base-url", BASE).out())
                .as("the same URL again").contains(token);

        CliRun rotate = CliRun.of("calendar-link", "alice", "--rotate", "--endpoint", endpoint, "--base-url", BASE);
        String fresh = store.tokens(List.of(FeedSubject.person("alice"))).get(FeedSubject.person("alice"));
        assertThat(rotate.out()).startsWith("replaced: the old calendar URL of person alice stopped working")
                .contains(BASE + "calendar/" + fresh + ".ics");
        assertThat(fresh).isNotEqualTo(token);
        assertThat(store.subjectOf(SecretTokens.hash(token))).isEmpty();

        CliRun revoke = CliRun.of("calendar-link", "alice", "--revoke", "--endpoint", endpoint);
        assertThat(revoke.out()).contains("revoked");
        assertThat(store.subjectOf(SecretTokens.hash(fresh))).isEmpty();
    }

    @Test
    void aRotationsAndAScheduleUrl_areTheirOwn_andUnknownNamesAreRefusedNamingThem() {
        String table = resources.tableName("FirebellTable");
        local.emptyTable(table);
        String endpoint = local.endpoint().toString();
        assertThat(CliRun.of("config", "apply", EXAMPLE, "--endpoint", endpoint, "--no-subscriptions").exit()).isZero();

        CliRun rotation = CliRun.of("calendar-link", "--rotation", "checkout-primary", "--endpoint", endpoint,
                "--base-url", BASE);
        CliRun schedule = CliRun.of("calendar-link", "--schedule", "payments-follow-the-sun", "--endpoint", endpoint,
                "--base-url", BASE);
        CliRun unknown = CliRun.of("calendar-link", "--rotation", "nightly", "--endpoint", endpoint);
        CliRun none = CliRun.of("calendar-link", "--endpoint", endpoint);

        assertThat(rotation.out()).startsWith("Firebell: rotation checkout-primary:\n" + BASE + "calendar/");
        assertThat(schedule.out()).startsWith("Firebell: schedule payments-follow-the-sun:\n");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("rotation nightly is not in the configuration");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("name one calendar: <person>, --rotation <name> or --schedule <name>");
    }
}
