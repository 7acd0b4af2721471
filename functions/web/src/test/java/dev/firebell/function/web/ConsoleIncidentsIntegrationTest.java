package dev.firebell.function.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.dynamodb.DynamoIncidentStore;
import dev.firebell.console.Console;
import dev.firebell.console.ConsoleSessions;
import dev.firebell.console.Viewer;
import dev.firebell.escalation.EscalationStatus;
import dev.firebell.function.web.WebFixture.Response;
import dev.firebell.incident.IncidentQuery;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.local.FunctionUrlEvent;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.web.HttpRequest;
import dev.firebell.web.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The console's incident pages end to end on the local stack: an incident declared and paged, listed and opened through
 * the real web handler as its Function URL invokes it, acknowledged from the console, and the table read back. The
 * session is a stand-in (alice signed in, with her CSRF token): signing in is another area's.
 */
@LocalStackTest
class ConsoleIncidentsIntegrationTest {

    private static final String ALICE_TOKEN = "csrf-of-alices-session";

    private final LocalStack local;
    private final LocalResources resources;
    private WebFixture fixture;
    private WebHandler handler;

    ConsoleIncidentsIntegrationTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @BeforeEach
    void scene() {
        fixture = new WebFixture(local, resources);
        ConsoleSessions alice = new ConsoleSessions() {
            @Override
            public Optional<Session> session(HttpRequest request) {
                return request.header("x-test-viewer").filter("alice"::equals)
                        .map(c -> new Session(new Viewer("alice", "Alice", true), ALICE_TOKEN));
            }

            @Override
            public boolean handles(String path) {
                return false;
            }

            @Override
            public HttpResponse handle(HttpRequest request) {
                throw new IllegalStateException("no sign-in here");
            }
        };
        Console console = new Console(alice, Set.of(fixture.web.incidentPages()));
        handler = new WebHandler(fixture.web.links(), fixture.web.pings(), fixture.web.calendars(), console);
    }

    @Test
    void alice_listsOpensAndAcknowledgesFromTheConsole_andASecondPostChangesNothing() {
        String id = fixture.declare("checkout", "Checkout <b>5xx</b> high");
        fixture.declare("legacy", "Legacy batch late");
        fixture.clock.advance(Duration.ofMinutes(2));

        Response list = request("GET", "/console/incidents", "status=open&service=checkout", "");
        Document listed = Jsoup.parse(list.body());
        assertThat(list.status()).isEqualTo(200);
        assertThat(listed.select("tbody tr th a")).extracting(Element::text).containsExactly("#" + id);
        assertThat(listed.select("tbody tr td").first().text()).isEqualTo("Checkout <b>5xx</b> high");

        Response opened = request("GET", "/console/incidents/" + id, "", "");
        Document page = Jsoup.parse(opened.body());
        assertThat(opened.status()).isEqualTo(200);
        assertThat(page.select("h1").text()).isEqualTo("Incident #" + id + ": Checkout <b>5xx</b> high");
        assertThat(page.select("table caption:contains(Who was paged) ~ tbody tr").text()).contains("person:alice")
                .contains("Sent");
        assertThat(page.select("form[action$=/acknowledge] input[name=csrf]").val()).isEqualTo(ALICE_TOKEN);

        Response acknowledged = request("POST", "/console/incidents/" + id + "/acknowledge", "",
                "csrf=" + ALICE_TOKEN);
        assertThat(acknowledged.status()).isEqualTo(303);
        assertThat(acknowledged.headers()).containsEntry("location", "/console/incidents/" + id + "?done=acknowledged");

        List<Map<String, AttributeValue>> entries = timelineItems(id);
        assertThat(entries).filteredOn(e -> e.get("summary").s().startsWith("acknowledged by alice from the console"))
                .singleElement().satisfies(e -> {
                    assertThat(e.get("actor").s()).isEqualTo("alice");
                    assertThat(e.get("details").m()).containsEntry("via", AttributeValue.fromS("console"));
                });
        assertThat(fixture.paging.store().incident(id).orElseThrow().status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(fixture.paging.store().escalation(id).orElseThrow().status()).isEqualTo(EscalationStatus.PAUSED);

        var before = fixture.items();
        Response again = request("POST", "/console/incidents/" + id + "/acknowledge", "", "csrf=" + ALICE_TOKEN);
        assertThat(again.headers()).containsEntry("location", "/console/incidents/" + id
                + "?done=already-acknowledged");
        assertThat(fixture.items()).as("a second acknowledgement writes nothing").isEqualTo(before);

        Document after = Jsoup.parse(request("GET", "/console/incidents/" + id, "done=already-acknowledged", "")
                .body());
        assertThat(after.select("[role=status]").text()).isEqualTo("It was already acknowledged; nothing changed.");
        assertThat(after.select("dl.facts dt:containsOwn(Status) + dd").text())
                .startsWith("Acknowledged by alice at 2026-11-27 09:02:00 UTC (Fri 27 Nov 10:02 Europe/Paris)");
        assertThat(after.select("form[action$=/acknowledge]")).isEmpty();
    }

    @Test
    void anEmptyNote_orAForgedListPosition_isRefused_andNothingIsWritten() {
        String id = fixture.declare("checkout", "Checkout 5xx high");
        var before = fixture.items();

        Response note = request("POST", "/console/incidents/" + id + "/note", "", "csrf=" + ALICE_TOKEN + "&note=");
        Response forged = request("GET", "/console/incidents", "after=MXw5OTk5OTk5OTk5OTk5fDE", "");
        Response noSession = request("GET", "/console/incidents/" + id, "", "", Map.of());

        assertThat(note.status()).isEqualTo(400);
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body()).contains("after=");
        assertThat(noSession.status()).isEqualTo(401);
        assertThat(fixture.items()).isEqualTo(before);
    }

    @Test
    void aPage_isOneQuery_anIncidentIsOneQueryOfItsPartition() {
        String id = fixture.declare("checkout", "Checkout 5xx high");
        fixture.declare("legacy", "Legacy batch late");
        List<String> requests = new CopyOnWriteArrayList<>();
        try (DynamoDbClient counted = local.configure(DynamoDbClient.builder()).overrideConfiguration(o -> o
                .addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                        requests.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
                    }
                })).build()) {
            DynamoIncidentStore store = new DynamoIncidentStore(counted, fixture.table, fixture.clock);

            var detail = store.detail(id).orElseThrow();
            List<String> forDetail = List.copyOf(requests);
            requests.clear();
            var page = store.incidents(IncidentQuery.between(WebFixture.T0.minus(Duration.ofDays(10)),
                    WebFixture.T0.plus(Duration.ofDays(1)), 25));

            assertThat(detail.timeline()).isNotEmpty();
            assertThat(detail.pages()).isNotEmpty();
            assertThat(detail.escalation()).isNotNull();
            assertThat(forDetail).as("AWS calls for one incident").containsExactly("Query");
            assertThat(page.incidents()).hasSize(2);
            assertThat(requests).as("AWS calls for a list within one month").containsExactly("Query");
        }
    }

    private List<Map<String, AttributeValue>> timelineItems(String id) {
        return fixture.items().entrySet().stream().filter(e -> e.getKey().startsWith("INCIDENT#" + id + " | TIMELINE#"))
                .map(Map.Entry::getValue).toList();
    }

    private Response request(String method, String path, String query, String form) {
        return request(method, path, query, form, Map.of("x-test-viewer", "alice"));
    }

    private Response request(String method, String path, String query, String form, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(extra);
        headers.put("host", "abc.lambda-url.eu-west-1.on.aws");
        if (method.equals("POST")) {
            headers.put("content-type", "application/x-www-form-urlencoded");
        }
        return WebFixture.invoke(handler, FunctionUrlEvent.of(method, path, query, headers,
                form.getBytes(StandardCharsets.UTF_8), true, "198.51.100.7"));
    }
}
