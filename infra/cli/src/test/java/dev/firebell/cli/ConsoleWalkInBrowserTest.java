package dev.firebell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.function.alarm.AlarmIngestHandler;
import dev.firebell.function.web.WebHandler;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.ShiftedClock;
import dev.firebell.local.TableStream;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.person.Person;
import dev.firebell.routing.Severity;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Every page of the web console in a real browser, on realistic data: the example configuration; the demo's sample
 * alarms through the real alarm function (checkout's incident acknowledged by whom it paged, resolved, drafted by the
 * real postmortem function from the table's stream, reopened and resolved again: a second version of its draft, and
 * the incident metrics the reports chart); payments' composite alarm paging its on-call and left triggered; a
 * declared platform incident acknowledged. Alice signs in with a console link, walks the incidents, acknowledges the
 * payments incident with the page's own form (DynamoDB then says so, "from the console"), the on-call page, the
 * schedules, a rotation's four weeks, sets an override with its form, creates her calendar link (the feed it shows is
 * fetched and read by ical4j), reads the postmortem and its earlier version, the reports, and signs out.
 *
 * <p>Each page is checked (strict headers, nothing from elsewhere, no script, no console message, one h1, labelled
 * controls, the skip link first, no sideways scrolling at 390 and 1280 px) and saved under
 * {@code target/console-screenshots/} (phone) and {@code target/console-screenshots/desktop/} (the README's).
 */
@LocalStackTest
class ConsoleWalkInBrowserTest {

    /** A Thursday morning in Europe; the replay starts at the next whole minute. */
    private static final Instant START = Instant.parse("2026-11-26T08:59:30Z");
    private static final Path EXAMPLE = Path.of("../config/firebell.example.yaml");
    private static final Path EVENTS = Path.of("../demo/events");
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private final LocalStack local;
    private final LocalResources resources;
    private final ShiftedClock clock = ShiftedClock.startingAt(START);
    private FunctionRunner runner;
    private Duration shift;

    ConsoleWalkInBrowserTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @Test
    void aResponder_walksEveryPage_andAcknowledgesFromTheConsole(@TempDir Path profile) throws Exception {
        // GIVEN the example configuration and the morning's incidents, through the real functions
        String table = resources.tableName("FirebellTable");
        local.emptyTable(table);
        assertThat(CliRun.of("config", "apply", EXAMPLE.toString(), "--endpoint", local.endpoint().toString(),
                "--no-subscriptions").exit()).isZero();
        LocalComponent paging = DaggerLocalComponent.builder()
                .environment(new FunctionRunner(resources, QUIET).environmentOf(DemoCommand.ESCALATION_FUNCTION))
                .clock(clock).build();
        runner = new FunctionRunner(resources, QUIET)
                .handler(DemoCommand.ALARM_FUNCTION, environment -> new AlarmIngestHandler(DaggerLocalComponent
                        .builder().environment(environment).clock(clock).build().alarmService()))
                .handler(ServeCommand.WEB_FUNCTION, environment -> new WebHandler(environment, clock));
        TableStream stream = new TableStream(local, resources.tableStreamArn("FirebellTable"));
        stream.read(); // what earlier tests left in the stream is not this test's to draft
        shift = SampleEvents.shiftToStartAt(SampleEvents.deliveredAt(
                Files.readAllBytes(EVENTS.resolve(DemoCommand.SCENARIO.get(0).file()))), clock.instant());

        String checkout = deliver("01-checkout-alarm.eventbridge.json");
        String pagedFirst = Person.idOfTarget(paging.store().pages(checkout).get(0).target());
        clock.advance(Duration.ofMinutes(3));
        paging.incidentCommands().acknowledge(checkout, pagedFirst);
        deliver("06-checkout-ok.eventbridge.json");
        PostmortemDemo.run(stream, local, resources, runner, QUIET);
        deliver("07-checkout-flap.sns.json");
        deliver("08-checkout-ok.alarm-action.json");
        PostmortemDemo.run(stream, local, resources, runner, QUIET);
        // payments' composite alarm, later in the morning than in the demo: its escalation is not yet due on the walk
        String payments = deliver("05-payments-composite.eventbridge.json", Duration.ofMinutes(25));
        String platform = paging.incidentCommands().declare("Orders database replica lag", Severity.SEV3, "platform",
                "carol").incident().id();
        clock.advance(Duration.ofMinutes(2));
        paging.incidentCommands().acknowledge(platform, "carol");
        assertThat(paging.store().incident(checkout).orElseThrow().status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(paging.store().incident(payments).orElseThrow().status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(paging.store().pages(payments)).as("payments' on-call paged").isNotEmpty();
        clock.advance(Duration.ofMinutes(1));

        try (FunctionUrlServer web = FunctionUrlServer.start(runner, ServeCommand.WEB_FUNCTION, 0, QUIET)) {
            resources.serveFunctionUrl(ServeCommand.WEB_FUNCTION, web.url());
            URI base = ConsoleLinkCommand.localBase(web.url());
            URI link = URI.create(ConsoleLinkCommand.link(paging.configSource().current(),
                    new dev.firebell.aws.secrets.SecretsManagerLinkKeys(local.secretsManager(),
                            resources.environmentOf(ServeCommand.WEB_FUNCTION).get("LINK_KEY_SECRET_ARN"), clock),
                    base.toString(), "alice", clock).url());
            try (ConsoleBrowser console = ConsoleBrowser.start(profile, base)) {
                WebDriver browser = console.driver();

                // WHEN alice signs in: the incidents, newest first
                assertThat(console.signIn(link, "incidents")).isEqualTo(200);
                page(console, "incidents");
                String list = browser.findElement(By.tagName("main")).getText();
                assertThat(list).contains("Orders database replica lag").contains("payments-platform-health")
                        .contains("checkout-api-5xx-high");

                // a filtered list: only the open ones
                console.open("/console/incidents?status=triggered", "incidents-triggered", 200);
                page(console, "incidents-triggered");
                assertThat(browser.findElement(By.tagName("main")).getText())
                        .contains("payments-platform-health").doesNotContain("checkout-api-5xx-high");

                // the payments incident's page, and its Acknowledge button
                console.open("/console/incidents/" + payments, "incident", 200);
                page(console, "incident");
                console.submit("Acknowledge #" + payments, "incident-acknowledged");
                page(console, "incident-acknowledged");
                assertThat(browser.findElement(By.tagName("main")).getText())
                        .contains("You acknowledged it: escalation stops.");

                // THEN DynamoDB says so: acknowledged by alice, from the console
                Incident acknowledged = paging.store().incident(payments).orElseThrow();
                assertThat(acknowledged.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
                assertThat(acknowledged.acknowledgedBy()).isEqualTo("alice");
                assertThat(paging.store().timeline(payments)).anySatisfy(e ->
                        assertThat(e.summary()).contains("acknowledged by alice from the console"));

                // on call, the schedules, a rotation's four weeks, and an override set with its form
                console.follow("On call", "on-call");
                page(console, "on-call");
                assertThat(browser.findElement(By.tagName("main")).getText())
                        .contains("Escalation policy checkout, repeated once.")
                        .contains("Escalation policy payments, repeated 2 times.");
                console.follow("Schedules", "schedules");
                page(console, "schedules");
                console.follow("checkout-primary", "schedule");
                page(console, "schedule");
                new Select(browser.findElement(By.id("override-person"))).selectByValue("carol");
                typeLocal(browser, "override-start", "2026-11-28T10:00");
                browser.findElement(By.id("override-duration")).sendKeys("4h");
                console.submit("Set the override", "schedule-override");
                page(console, "schedule-override");
                assertThat(browser.findElement(By.tagName("main")).getText()).containsIgnoringCase("override")
                        .contains("Carol Hughes");
                assertThat(paging.onCall().overrides(List.of("checkout-primary"), clock.instant())
                        .get("checkout-primary")).singleElement().satisfies(o -> assertThat(o.person()).isEqualTo("carol"));

                // her own page: her calendar link, created with its form; the feed it shows is a calendar
                console.open("/console/people/alice", "person", 200);
                page(console, "person");
                console.submit("Create my calendar link", "person-calendar-link");
                page(console, "person-calendar-link");
                String feed = browser.findElements(By.cssSelector("input[type=url]")).get(0).getAttribute("value");
                assertThat(URI.create(feed).resolve("/")).isEqualTo(base);
                HttpResponse<String> ics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(feed))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(ics.statusCode()).isEqualTo(200);
                Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));
                List<VEvent> shifts = calendar.getComponents(Component.VEVENT);
                assertThat(shifts).as("alice's shifts in her feed").isNotEmpty();

                // the checkout incident's postmortem (its milestone chart) and its earlier version
                console.open("/console/incidents/" + checkout + "/postmortem", "postmortem", 200);
                page(console, "postmortem");
                assertThat(browser.findElements(By.cssSelector("main svg"))).as("the milestone chart").isNotEmpty();
                List<WebElement> earlier = browser.findElements(By.cssSelector("a[href*='version=']"));
                assertThat(earlier).as("links to the draft's versions").isNotEmpty();
                console.chromium().clickThrough(earlier.get(earlier.size() - 1));
                console.assertStrictAndAlone(console.chromium().exchanges(), "GET", 200);
                console.saved("postmortem-earlier");
                page(console, "postmortem-earlier");
                assertThat(browser.findElement(By.tagName("main")).getText())
                        .contains("You are reading an earlier version");

                // the reports, charted
                console.follow("Reports", "reports");
                page(console, "reports");
                assertThat(browser.findElements(By.cssSelector("main svg"))).as("the reports' charts").isNotEmpty();
                assertThat(browser.findElement(By.tagName("main")).getText()).contains("checkout");

                // AND she signs out: the next page is the 401 page
                console.signOut();
                console.open("/console/incidents", "signed-out-401", 401);
            }
        }
    }

    /** The alarm function given a sample alarm, re-stamped, when it was delivered; the incident it names. */
    private String deliver(String file) throws Exception {
        return deliver(file, Duration.ZERO);
    }

    /** The same, {@code later} than in the demo's order. */
    private String deliver(String file, Duration later) throws Exception {
        byte[] event = SampleEvents.restamp(Files.readAllBytes(EVENTS.resolve(file)), shift.plus(later));
        clock.advanceTo(SampleEvents.deliveredAt(event));
        List<String> ids = DemoCommand.incidentIds(runner.invoke(DemoCommand.ALARM_FUNCTION, event));
        assertThat(ids).as("the incident of %s", file).isNotEmpty();
        return ids.get(0);
    }

    /** The page shown: its desktop screenshot, then what keyboard and screen-reader users need of it. */
    private static void page(ConsoleBrowser console, String name) {
        console.savedWide(name);
        console.assertUsable();
    }

    /**
     * A datetime-local field set as a person's picker would (typing into it depends on the browser's locale); the
     * form, sent with its button, is what is tested.
     */
    private static void typeLocal(WebDriver browser, String id, String value) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1]",
                id, value);
    }
}
