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

/** The on-call page and the list of schedules, rendered through the console's frame and read as a browser would. */
class OnCallPagesTest {

    private final OnCallScene scene = new OnCallScene();

    @Test
    void onCall_shouldShowEachServiceAndLevel_withNowAndNext_inUtcAndTheViewersZone() {
        HttpResponse response = scene.get(OnCallScene.alice(), "/console/on-call", "");
        Document page = html(response);

        assertThat(response.status()).isEqualTo(200);
        assertThat(page.select("h1")).singleElement().extracting(Element::text).isEqualTo("On call now and next");
        assertThat(page.select("h2").eachText()).containsExactly("checkout", "legacy");
        Element table = page.selectFirst("table");
        assertThat(table.selectFirst("caption").text()).isEqualTo("Who checkout pages");
        assertThat(table.select("thead th[scope=col]").eachText()).containsExactly("Level", "Target", "On call now",
                "Next");
        List<Element> rows = table.select("tbody tr");
        assertThat(rows).hasSize(3);
        Element first = rows.get(0);
        assertThat(first.selectFirst("th[scope=row]").text()).isEqualTo("1 (at once)");
        assertThat(first.selectFirst("a[href=/console/schedules/checkout-oncall]")).isNotNull();
        String now = first.select("td").get(1).text();
        assertThat(now).isEqualTo("Bob since Wed 24 Mar 08:00 UTC (Wed 24 Mar 09:00 Europe/Paris)"
                + " until Thu 25 Mar 08:00 UTC (Thu 25 Mar 09:00 Europe/Paris)");
        assertThat(first.select("td").get(1).selectFirst("a").attr("href")).isEqualTo("/console/people/bob");
        assertThat(rows.get(1).selectFirst("th").text()).isEqualTo("2 (after 5 min)");
        assertThat(rows.get(1).text()).contains("Bob (paged directly, always)");
        assertThat(rows.get(2).text()).contains("SNS target team-checkout");
        assertThat(page.select("section").get(1).text()).contains("fixed target team-legacy");
        assertThat(scene.overrides.reads).as("one read of the overrides for the whole page").isEqualTo(1);
    }

    @Test
    void onCall_shouldMarkAnOverrideInForce_inWords() {
        scene.overrides.put(new ShiftOverride("o1", "paris-daily", "mallory", Instant.parse("2027-03-24T09:00:00Z"),
                Instant.parse("2027-03-24T12:00:00Z"), "bob", Instant.parse("2027-03-20T08:00:00Z"), "dentist"));

        Document page = html(scene.get(OnCallScene.reader(), "/console/on-call", ""));

        Element now = page.selectFirst("table tbody tr").select("td").get(1);
        assertThat(now.select(".badge.override").text()).isEqualTo("override set by bob");
        assertThat(now.text()).startsWith("<script>alert(1)</script> & Co override set by bob since Wed 24 Mar 09:00 UTC")
                .as("a reader outside the configuration reads UTC only").doesNotContain("Europe/Paris");
        assertThat(page.select("script")).isEmpty();
        assertThat(now.html()).contains("&lt;script&gt;");
        Element next = page.selectFirst("table tbody tr").select("td").get(2);
        assertThat(next.text()).isEqualTo("Bob from Wed 24 Mar 12:00 UTC until Thu 25 Mar 08:00 UTC");
    }

    @Test
    void schedules_shouldListRotationsAndSchedules_withTheirCalendars() {
        Document page = html(scene.get(OnCallScene.alice(), "/console/schedules", ""));

        assertThat(page.select("h1").text()).isEqualTo("Schedules");
        assertThat(page.select("table caption").text()).isEqualTo("Rotations and schedules, each with its calendar");
        assertThat(page.select("tbody th[scope=row] a").eachAttr("href")).containsExactly(
                "/console/schedules/paris-daily", "/console/schedules/weekends", "/console/schedules/checkout-oncall");
        assertThat(page.select("tbody tr").get(0).text()).contains("daily shifts handed off at 09:00 Europe/Paris")
                .contains("in turn: Alice Martin, Bob");
        assertThat(scene.overrides.reads).isEqualTo(1);
    }
}
