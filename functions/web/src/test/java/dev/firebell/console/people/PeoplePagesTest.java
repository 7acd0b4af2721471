package dev.firebell.console.people;

import static dev.firebell.calendar.CalendarFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.calendar.CalendarFeeds;
import dev.firebell.calendar.CalendarFixture;
import dev.firebell.calendar.FeedSubject;
import dev.firebell.calendar.InMemoryFeedTokenStore;
import dev.firebell.config.FirebellConfig;
import dev.firebell.console.ConsoleRequest;
import dev.firebell.console.Viewer;
import dev.firebell.link.PublicBase;
import dev.firebell.link.SecretTokens;
import dev.firebell.oncall.OnCallService;
import dev.firebell.web.HttpRequest;
import dev.firebell.web.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** A person's page read as a browser reads it (jsoup), and its calendar form, on the Paris fixture with "now" pinned. */
class PeoplePagesTest {

    private static final String CSRF = "csrf-of-this-session";
    private static final Viewer ALICE = new Viewer("alice", "Alice Martin", true);
    private static final Viewer BOB = new Viewer("bob", "Bob Lee", true);

    private final FirebellConfig config = CalendarFixture.config();
    private final CalendarFixture.Overrides overrides = new CalendarFixture.Overrides();
    private final OnCallService onCall = new OnCallService(() -> config, overrides, () -> NOW);
    private final InMemoryFeedTokenStore tokens = new InMemoryFeedTokenStore();
    private final CalendarFeeds feeds = new CalendarFeeds(() -> config, onCall, tokens, () -> NOW);
    private final PeoplePages pages = new PeoplePages(() -> config, feeds,
            PublicBase.of("https://oncall.example.com"), () -> NOW);

    @Test
    void ownPage_showsWhoTheyAre_theirShiftsInTheirZoneAndUtc_andTheEscalationsThatReachThem() {
        Document page = get(ALICE, "/console/people/alice");

        assertThat(page.select("h1")).singleElement().extracting(Element::text).isEqualTo("Alice Martin");
        assertThat(page.select("h2").eachText()).containsExactly("About", "Upcoming shifts",
                "Escalations that page them", "Subscribe in your calendar");
        assertThat(page.select("dl.facts dd").eachText()).contains("Alice Martin", "Europe/Paris");
        assertThat(page.select("ul.contacts li").eachText()).containsExactly("SMS ending 78",
                "E-mail a…@example.com");
        assertThat(page.html()).doesNotContain("612345678").doesNotContain("alice@example.com");

        // Alice's next week starts Monday 2027-03-29 09:00 Paris, summer time: 07:00 UTC; in the rotation and the
        // schedule that layers it.
        Element shifts = page.selectFirst("h2#shifts + div.scroll table");
        assertThat(shifts.selectFirst("caption").text()).contains("Europe/Paris and UTC");
        assertThat(shifts.select("thead th[scope=col]").eachText()).containsExactly("Rotation or schedule", "From",
                "Until", "Notes");
        assertThat(shifts.select("tbody tr")).hasSize(2);
        Element first = shifts.selectFirst("tbody tr");
        assertThat(first.selectFirst("th[scope=row]").text()).isEqualTo("checkout-primary rotation");
        assertThat(first.select("td").get(0).text()).isEqualTo("Mon 29 Mar 09:00 CEST Mon 29 Mar 07:00 UTC");
        assertThat(first.select("td").get(1).text()).isEqualTo("Mon 5 Apr 09:00 CEST Mon 5 Apr 07:00 UTC");
        assertThat(first.selectFirst("time").attr("datetime")).isEqualTo("2027-03-29T07:00:00Z");

        assertThat(page.select("table").get(1).select("tbody tr").eachText())
                .containsExactly("checkout checkout-policy 1 rotation checkout-primary");
    }

    @Test
    void ownPage_withoutALink_offersToCreateIt_inAPostFormCarryingTheCsrfField() {
        Document page = get(ALICE, "/console/people/alice");

        Element form = page.selectFirst("form[action=/console/people/alice/calendar]");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.selectFirst("input[name=csrf]").val()).isEqualTo(CSRF);
        assertThat(form.selectFirst("input[name=feed]").val()).isEqualTo("person:alice");
        assertThat(form.selectFirst("button").text()).isEqualTo("Create my calendar link");
        assertThat(page.select("form[action=/console/people/alice/calendar] button").eachText())
                .contains("Create a link for rotation checkout-primary", "Create a link for schedule payments");
    }

    @Test
    void ownPage_withALink_showsItAsWebcalAndHttps_withALabel_andTheFormToReplaceIt() {
        String token = feeds.token(FeedSubject.person("alice"));
        String rotation = feeds.token(FeedSubject.rotation("checkout-primary"));

        Document page = get(ALICE, "/console/people/alice");

        assertThat(page.select("a[href^=webcal:]").eachAttr("href")).contains(
                "webcal://oncall.example.com/calendar/" + token + ".ics",
                "webcal://oncall.example.com/calendar/" + rotation + ".ics");
        Element url = page.selectFirst("input#feed-person");
        assertThat(url.val()).isEqualTo("https://oncall.example.com/calendar/" + token + ".ics");
        assertThat(url.hasAttr("readonly")).isTrue();
        assertThat(page.selectFirst("label[for=feed-person]")).isNotNull();
        for (Element input : page.select("input[type=url]")) {
            assertThat(page.selectFirst("label[for=" + input.id() + "]")).as(input.id()).isNotNull();
        }
        Element replace = page.selectFirst("form:has(input[name=action][value=replace])");
        assertThat(replace.selectFirst("button").text()).isEqualTo("Replace this link");
        assertThat(replace.selectFirst("input[name=csrf]").val()).isEqualTo(CSRF);
        assertThat(replace.selectFirst("input[name=replaces]").val()).isEqualTo(SecretTokens.hash(token));
    }

    @Test
    void someoneElsesPage_showsTheirShifts_escaped_butNoLinkAndNoForm() {
        feeds.token(FeedSubject.person("carol"));

        HttpResponse response = pages.handle(request(BOB, "GET", "/console/people/carol", ""));
        Document page = Jsoup.parse(response.body());

        assertThat(response.status()).isEqualTo(200);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Carol <Diaz>");
        assertThat(response.body()).contains("Carol &lt;Diaz&gt;").doesNotContain("<Diaz>");
        assertThat(page.select("form[action*=/calendar]")).isEmpty();
        assertThat(page.select("a[href^=webcal:], input[type=url]")).isEmpty();
        assertThat(response.body()).doesNotContain(tokens.tokens(List.of(FeedSubject.person("carol")))
                .get(FeedSubject.person("carol")));
        assertThat(page.text()).contains("Calendar links are secret: Carol <Diaz> sees theirs on their own page.");
        assertThat(page.selectFirst("a[aria-current=page]")).as("not 'My shifts'").isNull();
    }

    @Test
    void aReadOnlyViewer_seesNoForm() {
        Document page = get(new Viewer("U024BE7LH", "Visitor", false), "/console/people/alice");

        assertThat(page.select("form[action*=/calendar]")).isEmpty();
        assertThat(page.select("h2#shifts")).hasSize(1);
    }

    @Test
    void anOverride_isMarkedInTheShiftsTable_withWhomItCovers() {
        onCall.override("checkout-primary", "alice", Instant.parse("2027-03-24T08:00:00Z"), Duration.ofDays(1),
                "alice", "swap <with> carol");

        Element row = get(ALICE, "/console/people/alice").select("h2#shifts + div.scroll tbody tr").first();

        assertThat(row.select("td").get(0).text()).startsWith("Wed 24 Mar 09:00 CET");
        assertThat(row.select("td").get(2).text()).isEqualTo("Override covers Carol <Diaz>: swap <with> carol");
        assertThat(row.selectFirst(".badge").text()).isEqualTo("Override");
    }

    @Test
    void replacing_stopsTheOldLink_andRedirects_andARepeatedPostSaysItWasAlreadyDone() {
        String old = feeds.token(FeedSubject.person("alice"));
        String form = "csrf=" + CSRF + "&feed=person%3Aalice&action=replace&replaces=" + SecretTokens.hash(old);

        HttpResponse first = pages.handle(request(ALICE, "POST", "/console/people/alice/calendar", form));
        String fresh = tokens.tokens(List.of(FeedSubject.person("alice"))).get(FeedSubject.person("alice"));
        HttpResponse again = pages.handle(request(ALICE, "POST", "/console/people/alice/calendar", form));

        assertThat(first.status()).isEqualTo(303);
        assertThat(first.headers()).containsEntry("location", "/console/people/alice?done=replaced#calendar");
        assertThat(fresh).isNotEqualTo(old);
        assertThat(feeds.feed(old)).isEmpty();
        assertThat(again.headers()).containsEntry("location", "/console/people/alice?done=already-replaced#calendar");
        assertThat(tokens.tokens(List.of(FeedSubject.person("alice")))).containsEntry(FeedSubject.person("alice"),
                fresh);
        Document shown = Jsoup.parse(pages.handle(request(ALICE, "GET", "/console/people/alice",
                "done=already-replaced")).body());
        assertThat(shown.selectFirst("p.notice[role=status]").text()).startsWith("That link had already been replaced");
    }

    @Test
    void creating_isIdempotent_andARotationsLinkIsCreatedByItsMembersOnly() {
        String form = "csrf=" + CSRF + "&feed=rotation%3Acheckout-primary&action=create";

        HttpResponse first = pages.handle(request(ALICE, "POST", "/console/people/alice/calendar", form));
        String token = tokens.tokens(List.of(FeedSubject.rotation("checkout-primary")))
                .get(FeedSubject.rotation("checkout-primary"));
        HttpResponse again = pages.handle(request(ALICE, "POST", "/console/people/alice/calendar", form));

        assertThat(first.headers()).containsEntry("location", "/console/people/alice?done=created#calendar");
        assertThat(again.headers()).containsEntry("location", "/console/people/alice?done=exists#calendar");
        assertThat(tokens.tokens(List.of(FeedSubject.rotation("checkout-primary"))))
                .containsEntry(FeedSubject.rotation("checkout-primary"), token);
    }

    @Test
    void badInput_getsThePageAgainWithWhatIsWrong_status400_andChangesNothing() {
        String old = feeds.token(FeedSubject.person("alice"));

        HttpResponse ghost = pages.handle(request(ALICE, "POST", "/console/people/alice/calendar",
                "csrf=" + CSRF + "&feed=rotation%3Aghost&action=create"));
        HttpResponse garbled = pages.handle(request(ALICE, "POST", "/console/people/alice/calendar",
                "csrf=" + CSRF + "&feed=team%3Ax&action=create"));
        HttpResponse shared = pages.handle(request(ALICE, "POST", "/console/people/alice/calendar",
                "csrf=" + CSRF + "&feed=rotation%3Acheckout-primary&action=replace"));
        HttpResponse others = pages.handle(request(ALICE, "POST", "/console/people/alice/calendar",
                "csrf=" + CSRF + "&feed=person%3Abob&action=create"));

        assertThat(ghost.status()).isEqualTo(400);
        assertThat(Jsoup.parse(ghost.body()).selectFirst("p.notice.error").text())
                .isEqualTo("You are not in rotation ghost, so its link is not yours to create. Nothing was changed.");
        assertThat(Jsoup.parse(garbled.body()).selectFirst("p.notice.error").text())
                .startsWith("Which calendar? 'team' is not person, rotation or schedule");
        assertThat(Jsoup.parse(shared.body()).selectFirst("p.notice.error").text())
                .contains("./firebell calendar-link --rotation checkout-primary --rotate");
        assertThat(List.of(garbled.status(), shared.status(), others.status())).containsOnly(400);
        assertThat(tokens.tokens(List.of(FeedSubject.person("alice"), FeedSubject.person("bob"),
                FeedSubject.rotation("checkout-primary")))).containsOnly(Map.entry(FeedSubject.person("alice"), old));
    }

    @Test
    void onlyThePersonActsOnTheirPage() {
        String old = feeds.token(FeedSubject.person("alice"));

        HttpResponse response = pages.handle(request(BOB, "POST", "/console/people/alice/calendar",
                "csrf=" + CSRF + "&feed=person%3Aalice&action=replace&replaces=" + SecretTokens.hash(old)));

        assertThat(response.status()).isEqualTo(403);
        assertThat(Jsoup.parse(response.body()).text()).contains("Only Alice Martin may create or replace their"
                + " calendar links. Nothing was changed.");
        assertThat(feeds.feed(old)).isPresent();
    }

    @Test
    void anUnknownPerson_is404_namingTheIdEscaped() {
        HttpResponse response = pages.handle(request(ALICE, "GET", "/console/people/%3Cscript%3E", ""));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).contains("&lt;script&gt;").doesNotContain("<script>");
    }

    private Document get(Viewer viewer, String path) {
        HttpResponse response = pages.handle(request(viewer, "GET", path, ""));
        assertThat(response.status()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private static ConsoleRequest request(Viewer viewer, String method, String path, String body) {
        boolean post = method.equals("POST");
        HttpRequest http = new HttpRequest(method, path, post ? "" : body,
                post ? Map.of("content-type", "application/x-www-form-urlencoded") : Map.of(),
                post ? body.getBytes(StandardCharsets.UTF_8) : new byte[0], "oncall.example.com", "198.51.100.7");
        return new ConsoleRequest(http, viewer, CSRF);
    }
}
