package dev.firebell.function.web;

import static dev.firebell.function.web.WebFixture.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.function.web.WebFixture.Response;
import dev.firebell.heartbeat.MonitorState;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.web.PlainText;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Heartbeat pings end to end on the local stack: the configuration stored as {@code config apply} stores it, tokens in
 * the table, requests through the real web handler as its Function URL invokes it, the expiry check of the production
 * graph, pages through SNS into alice's queue, and the table showing what happened, or that nothing did.
 */
@LocalStackTest
class HeartbeatPingIntegrationTest {

    private static final String BASE = "https://abcdefghij.lambda-url.eu-west-1.on.aws";

    private final LocalStack local;
    private final LocalResources resources;
    private WebFixture fixture;

    HeartbeatPingIntegrationTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @BeforeEach
    void scene() {
        fixture = new WebFixture(local, resources);
        Map<String, Object> config = WebFixture.config();
        config.put("heartbeats", map(
                "nightly-backup", map("service", "checkout", "severity", "SEV2", "interval", "1h", "grace", "10m")));
        fixture.paging.configStore().apply(config, "test");
        fixture.web.heartbeatStore().createToken("nightly-backup", "tok-nightly-backup-0123456789abcdefghijklmnopq");
    }

    @Test
    void ping_shouldAnswerOkInPlainText_andWriteOncePerSlice() {
        Response first = fixture.request("GET", url(""));
        var afterFirst = fixture.items();
        fixture.clock.advance(Duration.ofSeconds(30));
        Response again = fixture.request("POST", url(""));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("OK\n");
        assertThat(first.headers()).containsAllEntriesOf(PlainText.HEADERS);
        assertThat(again.status()).isEqualTo(200);
        assertThat(fixture.items()).as("a second ping in the same slice writes nothing").isEqualTo(afterFirst);
        var record = fixture.web.heartbeatStore().record("nightly-backup");
        assertThat(record.state()).isEqualTo(MonitorState.UP);
        assertThat(record.lastPingAt()).isEqualTo(WebFixture.T0);
    }

    @Test
    void unknownTokens_andPathsThatAreNotPings_shouldGetTheSame404_andWriteNothing() {
        var before = fixture.items();

        List<Response> refused = List.of(
                fixture.request("GET", BASE + "/ping/tok-nightly-backup-0123456789abcdefghijklmnopQ"),
                fixture.request("POST", BASE + "/ping/"),
                fixture.request("GET", url("/finish")),
                fixture.request("GET", url("/fail/now")),
                fixture.request("GET", BASE + "/ping/" + "x".repeat(2000)));

        assertThat(refused).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.body()).isEqualTo("Not found: no heartbeat monitor has this URL.\n");
            assertThat(r.headers()).containsAllEntriesOf(PlainText.HEADERS);
        });
        Response put = fixture.request("PUT", url(""));
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.headers()).containsEntry("allow", "GET, POST, HEAD");
        assertThat(fixture.items()).isEqualTo(before);
    }

    @Test
    void aMiss_shouldOpenAnIncidentAndPage_andThePingThatFollows_shouldResolveIt() {
        fixture.request("GET", url(""));
        fixture.clock.advance(Duration.ofMinutes(70));
        assertThat(fixture.web.heartbeats().sweep(100).alarmed()).isZero();
        fixture.clock.advance(Duration.ofMinutes(5));

        assertThat(fixture.web.heartbeats().sweep(100).alarmed()).isEqualTo(1);

        Incident incident = fixture.paging.store().openIncidents().get(0);
        assertThat(incident.dedupKey()).isEqualTo("firebell:heartbeat:nightly-backup");
        assertThat(incident.service()).isEqualTo("checkout");
        List<Map<String, Object>> pages = fixture.pages("person:alice");
        assertThat(pages).singleElement().satisfies(p -> assertThat(p.toString()).contains("heartbeat/nightly-backup"));

        fixture.clock.advance(Duration.ofMinutes(3));
        assertThat(fixture.request("GET", url("")).body()).isEqualTo("OK\n");

        assertThat(fixture.paging.store().incident(incident.id()).orElseThrow().status())
                .isEqualTo(IncidentStatus.RESOLVED);
        assertThat(fixture.web.heartbeatStore().record("nightly-backup").state()).isEqualTo(MonitorState.UP);
    }

    @Test
    void fail_shouldOpenAnIncidentAtOnce_andAStartPingShouldTimeTheRun() {
        assertThat(fixture.request("POST", url("/fail")).status()).isEqualTo(200);

        assertThat(fixture.paging.store().openIncidents()).singleElement().satisfies(i ->
                assertThat(i.reason()).startsWith("the job reported a failure (/fail)"));
        assertThat(fixture.pages("person:alice")).hasSize(1);

        fixture.clock.advance(Duration.ofMinutes(1));
        fixture.request("GET", url(""));
        assertThat(fixture.paging.store().openIncidents()).isEmpty();
        fixture.clock.advance(Duration.ofMinutes(10));
        fixture.request("GET", url("/start"));
        assertThat(fixture.web.heartbeatStore().record("nightly-backup").state()).isEqualTo(MonitorState.RUNNING);
    }

    @Test
    void aRotatedToken_shouldStopWorkingAtOnce() {
        fixture.web.heartbeatStore().rotateToken("nightly-backup", "tok-rotated-0123456789abcdefghijklmnopqrstuvw");

        assertThat(fixture.request("GET", url("")).status()).isEqualTo(404);
        assertThat(fixture.request("GET", BASE + "/ping/tok-rotated-0123456789abcdefghijklmnopqrstuvw").status())
                .isEqualTo(200);
    }

    private static String url(String suffix) {
        return BASE + "/ping/tok-nightly-backup-0123456789abcdefghijklmnopq" + suffix;
    }
}
