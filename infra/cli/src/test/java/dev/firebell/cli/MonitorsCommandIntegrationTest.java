package dev.firebell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.dynamodb.DynamoHeartbeatStore;
import dev.firebell.heartbeat.HeartbeatTokens;
import dev.firebell.heartbeat.MonitorRecord;
import dev.firebell.heartbeat.MonitorState;
import dev.firebell.heartbeat.PingKind;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code ./firebell monitors}: tokens given by config apply, the list as of --at, a URL, a rotation. */
@LocalStackTest
class MonitorsCommandIntegrationTest {

    private static final String EXAMPLE = "../config/firebell.example.yaml";

    private final LocalStack local;
    private final LocalResources resources;

    MonitorsCommandIntegrationTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @Test
    void configApply_givesEachMonitorAUrl_listShowsStateAsOfAt_andRotateRetiresTheOldUrl() {
        String table = resources.tableName("FirebellTable");
        local.emptyTable(table);
        String endpoint = local.endpoint().toString();
        CliRun apply = CliRun.of("config", "apply", EXAMPLE, "--endpoint", endpoint, "--no-subscriptions");
        assertThat(apply.exit()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("+ heartbeat orders-db-backup: ping token created")
                .contains("+ heartbeat payments-reconciliation: ping token created");
        assertThat(CliRun.of("config", "apply", EXAMPLE, "--endpoint", endpoint, "--no-subscriptions").out())
                .as("again: tokens kept").doesNotContain("ping token created");

        DynamoHeartbeatStore store = new DynamoHeartbeatStore(local.dynamoDb(), table);
        MonitorRecord read = store.record("orders-db-backup");
        store.replace(read, new MonitorRecord("orders-db-backup", MonitorState.UP,
                Instant.parse("2027-01-04T02:00:10Z"), PingKind.SUCCESS, Instant.parse("2027-01-05T03:30:00Z"), null,
                null, null, read.version()));

        CliRun list = CliRun.of("monitors", "list", "--at", "2027-01-04T08:00:10Z", "--endpoint", endpoint);
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).containsPattern("orders-db-backup +platform +SEV2 +1d +1h +up +"
                        + "2027-01-04T02:00:10Z \\(6h ago\\) +2027-01-05T03:30:00Z \\(in 19h29m50s\\)")
                .containsPattern("payments-reconciliation +payments +SEV3 +15m +5m +new \\(never pinged, never expires\\)");
        assertThat(CliRun.of("monitors", "list", "--at", "2027-01-05T03:31:00Z", "--endpoint", endpoint).out())
                .contains("LATE (up until 2027-01-05T03:30:00Z)");

        CliRun url = CliRun.of("monitors", "url", "orders-db-backup", "--endpoint", endpoint, "--base-url",
                "https://status.example.com/");
        String token = store.token("orders-db-backup").orElseThrow();
        assertThat(url.out()).isEqualTo("https://status.example.com/ping/" + token + "\n"
                + "https://status.example.com/ping/" + token + "/start\n"
                + "https://status.example.com/ping/" + token + "/fail\n");

        CliRun rotate = CliRun.of("monitors", "rotate", "orders-db-backup", "--endpoint", endpoint, "--base-url",
                "https://status.example.com");
        assertThat(rotate.exit()).as(rotate.err()).isZero();
        String rotated = store.token("orders-db-backup").orElseThrow();
        assertThat(rotated).isNotEqualTo(token);
        assertThat(rotate.out()).contains("https://status.example.com/ping/" + rotated + "\n");
        assertThat(store.byTokenHash(HeartbeatTokens.hash(token))).isEmpty();
        assertThat(store.byTokenHash(HeartbeatTokens.hash(rotated))).hasValueSatisfying(r ->
                assertThat(r.lastPingAt()).isEqualTo(Instant.parse("2027-01-04T02:00:10Z")));

        CliRun unknown = CliRun.of("monitors", "url", "nightly", "--endpoint", endpoint);
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("'nightly' is not a heartbeat monitor of the stored configuration"
                + " (declared: orders-db-backup, payments-reconciliation)");
    }
}
