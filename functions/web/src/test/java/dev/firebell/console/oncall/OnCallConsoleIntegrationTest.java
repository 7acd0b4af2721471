package dev.firebell.console.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.console.Console;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.faults.FaultProxy;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.oncall.OnCallService;
import dev.firebell.testing.MutableClock;
import dev.firebell.web.HttpRequest;
import dev.firebell.web.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The on-call pages against the local stack through the production wiring: the configuration stored as
 * {@code config apply} stores it, an override set from the console's form into the table, seen on the calendar, on the
 * on-call page and in {@link OnCallService}'s own answer; every AWS request counted at a proxy in front of the emulator.
 */
@LocalStackTest
class OnCallConsoleIntegrationTest {

    private static final String CALENDAR = "/console/schedules/paris-daily";

    private final LocalStack local;
    private final LocalResources resources;
    private final MutableClock clock = new MutableClock(OnCallScene.NOW);
    private LocalStack.ProxiedEndpoint proxied;
    private FaultProxy proxy;
    private OnCallConsoleComponent graph;
    private Console console;

    OnCallConsoleIntegrationTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @BeforeEach
    void scene() {
        local.emptyTable(resources.tableName("FirebellTable"));
        proxied = local.proxyForNewClients();
        proxy = proxied.proxy();
        graph = DaggerOnCallConsoleComponent.builder()
                .environment(new FunctionEnvironment(resources.environmentOf("WebFunction"))).clock(clock).build();
        graph.configStore().apply(OnCallScene.document(), "test");
        console = OnCallScene.console(graph.pages(), OnCallScene.alice());
    }

    @AfterEach
    void stopProxy() {
        proxied.close();
    }

    @Test
    void anOverrideSetFromTheConsole_isStoredOnce_andShowsOnTheCalendar_theOnCallPage_andInOnCallService() {
        graph.configStore().current();
        proxy.resetCounts();
        HttpResponse set = post(CALENDAR, "csrf=" + OnCallScene.TOKEN + "&person=mallory&start=2027-03-24T11:30"
                + "&duration=2h&end=");
        List<String> setting = proxy.requests();
        proxy.resetCounts();
        HttpResponse again = post(CALENDAR, "csrf=" + OnCallScene.TOKEN + "&person=mallory&start=2027-03-24T11:30"
                + "&duration=2h&end=");
        List<String> repeating = proxy.requests();

        assertThat(set.status()).isEqualTo(303);
        assertThat(set.header("location")).isEqualTo(CALENDAR + "?from=2027-03-24&done=override");
        assertThat(setting).as("the duplicate check, the service's own read, one write")
                .containsExactly("dynamodb:Query", "dynamodb:Query", "dynamodb:PutItem");
        assertThat(again.header("location")).endsWith("&done=already");
        assertThat(repeating).containsExactly("dynamodb:Query");
        assertThat(local.dynamoDb().scan(r -> r.tableName(resources.tableName("FirebellTable"))).items().stream()
                .filter(i -> "mallory".equals(i.getOrDefault("person", null) == null ? null
                        : i.get("person").s())).count()).as("one override item").isEqualTo(1);

        clock.advance(java.time.Duration.ofMinutes(45));
        var answer = graph.onCall().whoIsOnCall("paris-daily", clock.instant()).get(0);
        assertThat(answer.now().person()).isEqualTo("mallory");
        assertThat(answer.override().createdBy()).isEqualTo("alice");
        assertThat(answer.override().reason()).isEqualTo("set by alice from the console");

        proxy.resetCounts();
        Document calendar = get(CALENDAR, "from=2027-03-24&done=override");
        assertThat(proxy.requests()).as("the calendar's one read").containsExactly("dynamodb:Query");
        assertThat(calendar.select("p.notice").text()).startsWith("The override is saved");
        assertThat(calendar.select(".calendar li.day").get(2).select("li.override").text())
                .isEqualTo("11:30–13:30 <script>alert(1)</script> & Co override set by alice");

        proxy.resetCounts();
        Document onCall = get("/console/on-call", "");
        assertThat(proxy.requests()).as("the whole on-call page: one read of the overrides")
                .containsExactly("dynamodb:Query");
        assertThat(onCall.selectFirst("table tbody tr").select("td").get(1).text())
                .startsWith("<script>alert(1)</script> & Co override set by alice since Wed 24 Mar 10:30 UTC");
    }

    @Test
    void theOnCallPage_coldStarted_readsTheConfigurationAndTheOverridesOnly() {
        OnCallConsoleComponent cold = DaggerOnCallConsoleComponent.builder()
                .environment(new FunctionEnvironment(resources.environmentOf("WebFunction"))).clock(clock).build();
        Console fresh = OnCallScene.console(cold.pages(), OnCallScene.reader());
        proxy.resetCounts();

        HttpResponse page = fresh.handle(new HttpRequest("GET", "/console/on-call", "", Map.of(), null, "c", "i"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(proxy.requests()).as("cold: the configuration's pointer (the document inline), then the overrides"
                + " of every source shown").containsExactly("dynamodb:GetItem", "dynamodb:Query");
    }

    private HttpResponse post(String path, String form) {
        return console.handle(new HttpRequest("POST", path, "", Map.of("content-type",
                "application/x-www-form-urlencoded"), form.getBytes(StandardCharsets.UTF_8), "c", "i"));
    }

    private Document get(String path, String query) {
        HttpResponse response = console.handle(new HttpRequest("GET", path, query, Map.of(), null, "c", "i"));
        assertThat(response.status()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }
}
