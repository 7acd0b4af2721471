package dev.firebell.console.oncall;

import static dev.firebell.console.oncall.OnCallScene.html;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.oncall.ShiftOverride;
import dev.firebell.web.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** A rotation's calendar and its override form, through the console's frame, read as a browser would. */
class SchedulePagesTest {

    private static final String PATH = "/console/schedules/paris-daily";

    private final OnCallScene scene = new OnCallScene();

    @Test
    void calendar_shouldShowFourWeeksFromThisWeek_withTodayMarked_andATable() {
        HttpResponse response = scene.get(OnCallScene.alice(), PATH, "");
        Document page = html(response);

        assertThat(response.status()).isEqualTo(200);
        assertThat(page.select("h1")).singleElement().extracting(Element::text).isEqualTo("paris-daily");
        assertThat(page.select("h2").eachText()).containsExactly("Calendar", "Shifts", "Set an override");
        assertThat(page.select(".calendar li.day")).hasSize(28);
        assertThat(page.select(".calendar li.day").first().selectFirst("time").attr("datetime")).isEqualTo("2027-03-22");
        assertThat(page.select("li.day[aria-current=date]")).singleElement()
                .satisfies(d -> assertThat(d.selectFirst(".date").text()).isEqualTo("Wed 24 Mar today"));
        assertThat(page.select("nav.weeks a").eachAttr("href")).containsExactly(
                PATH + "?from=2027-02-22", PATH, PATH + "?from=2027-04-19");
        assertThat(page.text()).contains("From Monday 22 March 2027 to Sunday 18 April 2027, days and times in your"
                + " time zone, Europe/Paris.");
        Element sunday = page.select(".calendar li.day").get(6);
        assertThat(sunday.select("ul.shifts li").eachText()).containsExactly("until 09:00 Alice Martin",
                "from 09:00 Bob");
        Element table = page.selectFirst("table");
        assertThat(table.selectFirst("caption").text()).isEqualTo("Shifts of paris-daily in these four weeks, in order");
        assertThat(table.select("tbody tr")).hasSize(29);
        assertThat(table.select("tbody tr").get(7).text()).isEqualTo("Bob Sun 28 Mar 07:00 UTC (Sun 28 Mar 09:00"
                + " Europe/Paris) Mon 29 Mar 07:00 UTC (Mon 29 Mar 09:00 Europe/Paris) the rotation");
        assertThat(scene.overrides.reads).isEqualTo(1);
    }

    @Test
    void calendar_shouldFollowFrom_andRefuseABadOne() {
        Document later = html(scene.get(OnCallScene.alice(), PATH, "from=2027-10-28"));
        HttpResponse bad = scene.get(OnCallScene.alice(), PATH, "from=next-week");
        HttpResponse unknown = scene.get(OnCallScene.alice(), "/console/schedules/nope", "");

        assertThat(later.select(".calendar li.day time").first().attr("datetime")).isEqualTo("2027-10-25");
        Element autumnSunday = later.select(".calendar li.day").get(6);
        assertThat(autumnSunday.selectFirst("time").attr("datetime")).isEqualTo("2027-10-31");
        assertThat(autumnSunday.select("ul.shifts li .when").eachText()).containsExactly("until 09:00", "from 09:00");
        assertThat(later.select("li.day[aria-current]")).isEmpty();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(html(bad).text()).contains("The week asked for is not a date");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(html(unknown).text()).contains("No rotation or schedule is named 'nope'.");
    }

    @Test
    void calendar_shouldMarkOverrides_andEscapeNames() {
        scene.overrides.put(new ShiftOverride("o1", "paris-daily", "mallory", Instant.parse("2027-03-24T11:00:00Z"),
                Instant.parse("2027-03-24T13:00:00Z"), "bob", Instant.parse("2027-03-20T08:00:00Z"), "<b>dentist</b>"));

        Document page = html(scene.get(OnCallScene.alice(), PATH, ""));

        Element wednesday = page.select(".calendar li.day").get(2);
        assertThat(wednesday.select("ul.shifts li.override")).singleElement().satisfies(li -> assertThat(li.text())
                .isEqualTo("12:00–14:00 <script>alert(1)</script> & Co override set by bob"));
        assertThat(page.select("script, b")).isEmpty();
        assertThat(page.select("table tbody tr").eachText()).anySatisfy(row -> assertThat(row)
                .endsWith("override set by bob <b>dentist</b>"));
    }

    @Test
    void form_shouldBeOfferedToViewersWhoMayAct_withLabelsAndTheCsrfField() {
        Document page = html(scene.get(OnCallScene.alice(), PATH, ""));
        Document reader = html(scene.get(OnCallScene.reader(), PATH, ""));

        Element form = page.selectFirst("main form");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo(PATH + "?from=2027-03-22");
        assertThat(form.select("input[type=hidden][name=csrf]").attr("value")).isEqualTo(OnCallScene.TOKEN);
        for (Element input : form.select("input:not([type=hidden]), select")) {
            assertThat(page.select("label[for=" + input.id() + "]")).as("label of %s", input.attr("name")).hasSize(1);
        }
        assertThat(page.selectFirst("label[for=override-start]").text()).isEqualTo("Start, in your time zone (Europe/Paris)");
        assertThat(form.selectFirst("input[name=start]").attr("value")).isEqualTo("2027-03-24T11:00");
        assertThat(form.select("select[name=person] option").eachAttr("value")).containsExactly("mallory",
                "alice", "bob");
        assertThat(form.selectFirst("option[selected]").val()).isEqualTo("alice");
        assertThat(form.selectFirst("button[type=submit]").text()).isEqualTo("Set the override");
        assertThat(reader.select("main form")).isEmpty();
        assertThat(reader.select("h2").eachText()).doesNotContain("Set an override");
    }

    @Test
    void post_shouldSetTheOverride_asTheViewerFromTheConsole_andSeeOtherToTheCalendar() {
        HttpResponse response = scene.post(OnCallScene.alice(), PATH, "from=2027-03-22", form("bob",
                "2027-03-25T20:00", "3h", ""));

        assertThat(response.status()).isEqualTo(303);
        assertThat(response.header("location")).isEqualTo(PATH + "?from=2027-03-25&done=override");
        assertThat(scene.overrides.byKey.values()).singleElement().satisfies(o -> {
            assertThat(o.person()).isEqualTo("bob");
            assertThat(o.start()).isEqualTo(Instant.parse("2027-03-25T19:00:00Z"));
            assertThat(o.end()).isEqualTo(Instant.parse("2027-03-25T22:00:00Z"));
            assertThat(o.createdBy()).isEqualTo("alice");
            assertThat(o.reason()).isEqualTo("set by alice from the console");
        });
        Document after = html(scene.get(OnCallScene.alice(), PATH, "from=2027-03-25&done=override"));
        assertThat(after.select("p.notice").text()).startsWith("The override is saved");
        assertThat(after.select(".calendar li.day").get(3).select("li.override").text())
                .isEqualTo("20:00–23:00 Bob override set by alice");
    }

    @Test
    void post_twice_shouldStoreOneOverride_andSayTheSecondWasAlreadyDone() {
        String form = form("bob", "2027-03-25T20:00", "", "2027-03-25T23:00");

        scene.post(OnCallScene.alice(), PATH, "", form);
        int writes = scene.overrides.writes;
        HttpResponse again = scene.post(OnCallScene.alice(), PATH, "", form);

        assertThat(again.status()).isEqualTo(303);
        assertThat(again.header("location")).endsWith("&done=already");
        assertThat(scene.overrides.byKey).hasSize(1);
        assertThat(scene.overrides.writes).isEqualTo(writes);
        assertThat(html(scene.get(OnCallScene.alice(), PATH, "done=already")).select("p.notice").text())
                .contains("nothing new was written");
    }

    @Test
    void anOverride_shouldBeListedWithARemoveButton_whichRemovesIt_once_andReadersSeeNoButton() {
        scene.post(OnCallScene.alice(), PATH, "", form("bob", "2027-03-25T20:00", "3h", ""));
        String id = scene.overrides.byKey.values().iterator().next().id();

        Document page = html(scene.get(OnCallScene.alice(), PATH, "from=2027-03-22"));
        Document read = html(scene.get(OnCallScene.reader(), PATH, "from=2027-03-22"));
        assertThat(page.select("#overrides + div table tbody tr")).singleElement().satisfies(row -> {
            assertThat(row.select("th").text()).isEqualTo("Bob");
            assertThat(row.select("input[name=remove]").val()).isEqualTo(id);
            assertThat(row.select("input[name=csrf]").val()).isEqualTo(OnCallScene.TOKEN);
            assertThat(row.select("button").text()).isEqualTo("Remove the override of Bob from Thu 25 Mar 20:00");
        });
        assertThat(read.select("#overrides + div table tbody tr")).hasSize(1);
        assertThat(read.select("#overrides + div form")).isEmpty();

        String remove = "csrf=" + OnCallScene.TOKEN + "&remove=" + id;
        HttpResponse removed = scene.post(OnCallScene.alice(), PATH, "from=2027-03-22", remove);
        HttpResponse again = scene.post(OnCallScene.alice(), PATH, "from=2027-03-22", remove);

        assertThat(removed.status()).isEqualTo(303);
        assertThat(removed.header("location")).isEqualTo(PATH + "?from=2027-03-22&done=removed");
        assertThat(scene.overrides.byKey).isEmpty();
        assertThat(again.header("location")).isEqualTo(PATH + "?from=2027-03-22&done=already-removed");
        Document after = html(scene.get(OnCallScene.alice(), PATH, "from=2027-03-22&done=removed"));
        assertThat(after.select("p.notice").text()).startsWith("The override is removed");
        assertThat(after.select("#overrides")).isEmpty();
        assertThat(after.select("li.override")).isEmpty();
    }

    @Test
    void removing_anOverrideThatIsNotThisCalendars_orAReaderRemoving_changesNothing() {
        scene.post(OnCallScene.alice(), PATH, "", form("bob", "2027-03-25T20:00", "3h", ""));
        String id = scene.overrides.byKey.values().iterator().next().id();
        int writes = scene.overrides.writes;

        HttpResponse unknown = scene.post(OnCallScene.alice(), PATH, "", "csrf=" + OnCallScene.TOKEN
                + "&remove=0123456789abcdef");
        HttpResponse reader = scene.post(OnCallScene.reader(), PATH, "", "csrf=" + OnCallScene.TOKEN + "&remove=" + id);

        assertThat(unknown.header("location")).endsWith("&done=already-removed");
        assertThat(reader.status()).isEqualTo(403);
        assertThat(scene.overrides.byKey).hasSize(1);
        assertThat(scene.overrides.writes).isEqualTo(writes);
    }

    @Test
    void post_withProblems_shouldAnswer400_withEachNamed_theValuesKept_andNothingWritten() {
        HttpResponse past = scene.post(OnCallScene.alice(), PATH, "", form("bob", "2027-03-24T08:00", "1h", ""));
        HttpResponse tooLong = scene.post(OnCallScene.alice(), PATH, "", form("bob", "2027-03-25T08:00", "40d", ""));
        HttpResponse backwards = scene.post(OnCallScene.alice(), PATH, "", form("bob", "2027-03-25T08:00", "",
                "2027-03-25T07:00"));
        HttpResponse stranger = scene.post(OnCallScene.alice(), PATH, "", form("eve<i>", "2027-03-25T08:00", "1h", ""));

        for (HttpResponse r : List.of(past, tooLong, backwards, stranger)) {
            assertThat(r.status()).isEqualTo(400);
            assertThat(html(r).select("#override-problems li")).hasSize(1);
        }
        assertThat(html(past).select("#override-problems").text()).contains("Start is in the past");
        assertThat(html(tooLong).select("#override-problems").text()).contains("at most 31 days");
        assertThat(html(backwards).select("#override-problems").text()).contains("End is not after start");
        assertThat(html(stranger).select("#override-problems li").text())
                .isEqualTo("'eve<i>' is not a person of the configuration: choose one from the list.");
        assertThat(html(stranger).select("main i")).isEmpty();
        assertThat(html(tooLong).selectFirst("input[name=duration]").val()).isEqualTo("40d");
        assertThat(scene.overrides.writes).isZero();
    }

    @Test
    void post_byAReader_orWithoutTheCsrfToken_changesNothing() {
        HttpResponse reader = scene.post(OnCallScene.reader(), PATH, "", form("bob", "2027-03-25T20:00", "1h", ""));
        HttpResponse forged = scene.post(OnCallScene.alice(), PATH, "", "person=bob&start=2027-03-25T20:00&duration=1h");

        assertThat(reader.status()).isEqualTo(403);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(scene.overrides.writes).isZero();
    }

    private static String form(String person, String start, String duration, String end) {
        return "csrf=" + OnCallScene.TOKEN + "&person=" + enc(person) + "&start=" + enc(start) + "&duration="
                + enc(duration) + "&end=" + enc(end);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
