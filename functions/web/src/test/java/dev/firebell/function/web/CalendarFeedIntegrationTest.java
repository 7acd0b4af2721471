package dev.firebell.function.web;

import static dev.firebell.function.web.WebFixture.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.calendar.FeedSubject;
import dev.firebell.console.ConsoleRequest;
import dev.firebell.console.Viewer;
import dev.firebell.console.people.PeoplePages;
import dev.firebell.function.web.WebFixture.Response;
import dev.firebell.local.FunctionUrlEvent;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.link.PublicBase;
import dev.firebell.link.SecretTokens;
import dev.firebell.web.HttpRequest;
import dev.firebell.web.HttpResponse;
import dev.firebell.web.PlainText;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calendar feeds end to end on the local stack: the configuration stored as {@code config apply} stores it, tokens in
 * the table, requests through the real web handler as its Function URL invokes it.
 */
@LocalStackTest
class CalendarFeedIntegrationTest {

    private static final String BASE = "https://abcdefghij.lambda-url.eu-west-1.on.aws";

    private final LocalStack local;
    private final LocalResources resources;
    private WebFixture fixture;

    CalendarFeedIntegrationTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @BeforeEach
    void scene() {
        fixture = new WebFixture(local, resources);
        Map<String, Object> config = WebFixture.config();
        config.put("rotations", map("checkout-primary", map("participants", List.of("alice", "bob"),
                "shift", "weekly", "handoff", "09:00", "timeZone", "Europe/Paris", "start", "2026-11-02")));
        fixture.paging.configStore().apply(config, "test");
    }

    @Test
    void aPersonsToken_opensTheirCalendar_withCalendarHeaders_andNothingCached() {
        String token = fixture.web.calendarFeeds().token(FeedSubject.person("alice"));

        Response response = fixture.request("GET", BASE + "/calendar/" + token + ".ics");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("content-type", "text/calendar; charset=utf-8")
                .containsEntry("cache-control", "no-store").containsEntry("x-content-type-options", "nosniff")
                .doesNotContainKey("set-cookie");
        assertThat(response.body()).startsWith("BEGIN:VCALENDAR\r\n")
                .contains("X-WR-CALNAME:Firebell: Alice on call\r\n")
                // Weekly from Monday 2026-11-02 09:00 Paris: alice, bob, alice... now is 2026-11-27.
                .contains("DTSTART:20261116T080000Z\r\nDTEND:20261123T080000Z\r\n")
                .contains("SUMMARY:On call: checkout-primary\r\n");
    }

    @Test
    void thePersonsPage_readsTheConfigurationOverridesAndTokensFromTheTable_andItsFormReplacesTheLink() {
        PeoplePages pages = new PeoplePages(fixture.web.configStore(), fixture.web.calendarFeeds(),
                PublicBase.of(BASE), fixture.clock);
        String old = fixture.web.calendarFeeds().token(FeedSubject.person("alice"));
        Viewer alice = new Viewer("alice", "Alice", true);

        HttpResponse page = pages.handle(new ConsoleRequest(new HttpRequest("GET", "/console/people/alice", "",
                Map.of(), new byte[0], "abcdefghij.lambda-url.eu-west-1.on.aws", "198.51.100.7"), alice, "c"));
        HttpResponse replaced = pages.handle(new ConsoleRequest(new HttpRequest("POST",
                "/console/people/alice/calendar", "", Map.of("content-type", "application/x-www-form-urlencoded"),
                ("feed=person%3Aalice&action=replace&replaces=" + SecretTokens.hash(old))
                        .getBytes(StandardCharsets.UTF_8), "abcdefghij.lambda-url.eu-west-1.on.aws", "198.51.100.7"),
                alice, "c"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(BASE + "/calendar/" + old + ".ics")
                .contains("<time datetime=\"2026-11-30T08:00:00Z\">Mon 30 Nov 09:00 CET</time>");
        assertThat(replaced.status()).isEqualTo(303);
        assertThat(fixture.request("GET", BASE + "/calendar/" + old + ".ics").status()).isEqualTo(404);
    }

    @Test
    void head_answersTheSameStatusAndHeaders_withoutTheCalendar() {
        String token = fixture.web.calendarFeeds().token(FeedSubject.rotation("checkout-primary"));

        Response response = fixture.request("HEAD", BASE + "/calendar/" + token + ".ics");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("content-type", "text/calendar; charset=utf-8");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void aReplacedToken_answers404AtOnce_theSameAsOneNeverGivenOrMalformed() {
        String old = fixture.web.calendarFeeds().token(FeedSubject.person("bob"));
        String fresh = fixture.web.calendarFeeds().replace(FeedSubject.person("bob"));

        Response replaced = fixture.request("GET", BASE + "/calendar/" + old + ".ics");
        Response unknown = fixture.request("GET", BASE + "/calendar/" + "A".repeat(43) + ".ics");
        Response malformed = fixture.request("GET", BASE + "/calendar/../../etc/passwd");
        Response withoutSuffix = fixture.request("GET", BASE + "/calendar/" + fresh);

        for (Response r : List.of(replaced, unknown, malformed, withoutSuffix)) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.headers()).isEqualTo(PlainText.HEADERS);
            assertThat(r.body()).isEqualTo(replaced.body()).doesNotContain(old).doesNotContain(fresh);
        }
        assertThat(fixture.request("GET", BASE + "/calendar/" + fresh + ".ics").status()).isEqualTo(200);
    }

    @Test
    void aRevokedToken_answers404_andAPostIsRefused() {
        String token = fixture.web.calendarFeeds().token(FeedSubject.person("alice"));
        fixture.web.calendarFeeds().revoke(FeedSubject.person("alice"));

        assertThat(fixture.request("GET", BASE + "/calendar/" + token + ".ics").status()).isEqualTo(404);
        Response post = fixture.invoke(FunctionUrlEvent.of("POST", "/calendar/" + token + ".ics", "",
                Map.of("host", "abcdefghij.lambda-url.eu-west-1.on.aws"), new byte[0], true, "198.51.100.7"));
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.headers()).containsEntry("allow", "GET, HEAD");
    }
}
