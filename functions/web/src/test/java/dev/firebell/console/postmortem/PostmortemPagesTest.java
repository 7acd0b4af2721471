package dev.firebell.console.postmortem;

import static dev.firebell.console.ConsolePagesFixture.get;
import static dev.firebell.console.ConsolePagesFixture.parse;
import static dev.firebell.console.ConsolePagesFixture.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.postmortem.DraftVersions;
import dev.firebell.web.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class PostmortemPagesTest {

    private final Map<String, String> texts = new LinkedHashMap<>();
    private final List<DraftVersions.Version> versions = new ArrayList<>();
    private final List<String> read = new ArrayList<>();

    private final DraftVersions drafts = new DraftVersions() {
        @Override
        public List<Version> versions(String incidentId) {
            return incidentId.equals("41") ? versions : List.of();
        }

        @Override
        public Optional<String> text(String incidentId, String versionId) {
            read.add(versionId);
            return Optional.ofNullable(texts.get(versionId));
        }
    };

    private final PostmortemPages pages = new PostmortemPages(() -> drafts);

    private void twoVersions() {
        versions.add(new DraftVersions.Version("v2", Instant.parse("2026-11-27T10:02:00Z"), 2048, true));
        versions.add(new DraftVersions.Version("v1", Instant.parse("2026-11-27T09:32:00Z"), 900, false));
        texts.put("v2", DraftHtmlTest.golden("composite.md"));
        texts.put("v1", "# Postmortem: first draft\n\n## Summary\n\nThe <b>first</b> words.\n");
    }

    @Test
    void handles_shouldTakeOnlyPostmortemPaths_leavingTheIncidentPagesToTheirArea() {
        assertThat(pages.handles("/console/incidents/41/postmortem")).isTrue();
        assertThat(pages.handles("/console/incidents/41")).isFalse();
        assertThat(pages.handles("/console/incidents")).isFalse();
        assertThat(pages.handles("/console/incidents/41/postmortem/x")).isFalse();
        assertThat(pages.handles("/console/reports")).isFalse();
    }

    @Test
    void get_shouldRenderTheLatestDraft_withItsChart_andListEveryVersion() {
        twoVersions();

        HttpResponse response = pages.handle(get("/console/incidents/41/postmortem", ""));

        assertThat(response.status()).isEqualTo(200);
        Document doc = parse(response);
        assertThat(doc.select("h1")).extracting(Element::text).containsExactly("Postmortem of incident 41");
        assertThat(doc.select("article.draft h2").first().text()).startsWith("Postmortem:");
        assertThat(doc.select("article.draft svg[role=img]")).hasSize(1);
        assertThat(doc.select("h2#versions").text()).isEqualTo("Versions");
        Element table = doc.selectFirst("h2#versions ~ div.scroll table");
        assertThat(table.selectFirst("caption").text()).isEqualTo("Versions of the draft, newest first");
        assertThat(table.select("tbody tr")).hasSize(2);
        assertThat(table.select("tbody tr").get(0).text()).contains("2026-11-27 10:02:00 UTC", "2.0 KB", "shown");
        assertThat(table.select("tbody tr").get(1).selectFirst("a").attr("href"))
                .isEqualTo("/console/incidents/41/postmortem?version=v1");
        assertThat(doc.select(".notice")).as("the latest needs no notice").isEmpty();
        assertThat(read).containsExactly("v2");
        assertThat(doc.select("a[href=/console/incidents/41]")).hasSize(1);
    }

    @Test
    void get_ofAnEarlierVersion_shouldSaySo_andLinkToTheLatest() {
        twoVersions();

        Document doc = parse(pages.handle(get("/console/incidents/41/postmortem", "version=v1")));

        assertThat(doc.selectFirst(".notice").text()).contains("earlier version, saved 2026-11-27 09:32:00 UTC")
                .contains("Read the latest version");
        assertThat(doc.selectFirst("article.draft").text()).contains("The <b>first</b> words.");
        assertThat(doc.select("article.draft b")).isEmpty();
        assertThat(read).containsExactly("v1");
    }

    @Test
    void get_ofAVersionNotListed_shouldAnswer400_withoutReadingAnything() {
        twoVersions();

        HttpResponse response = pages.handle(get("/console/incidents/41/postmortem",
                "version=%3Cscript%3Ealert(1)%3C%2Fscript%3E"));

        assertThat(response.status()).isEqualTo(400);
        Document doc = parse(response);
        assertThat(doc.selectFirst("[role=alert]").text())
                .contains("The version you asked for (<script>alert(1)</script>) is not a version of this draft");
        assertThat(doc.select("script")).isEmpty();
        assertThat(read).isEmpty();
    }

    @Test
    void get_withoutADraft_shouldAnswer404_sayingWhenOneIsWritten() {
        HttpResponse response = pages.handle(get("/console/incidents/7/postmortem", ""));

        assertThat(response.status()).isEqualTo(404);
        Document doc = parse(response);
        assertThat(doc.select("h1").text()).isEqualTo("No postmortem draft yet");
        assertThat(doc.select("main p").first().text()).contains("writes the draft when the incident is resolved");
    }

    @Test
    void get_ofAnIdThatNamesNoIncident_shouldAnswer404_withoutAskingS3() {
        HttpResponse response = pages.handle(get("/console/incidents/..%2F..%2Fsecret/postmortem", ""));

        assertThat(response.status()).isEqualTo(404);
        assertThat(read).isEmpty();
    }

    @Test
    void post_shouldChangeNothing() {
        twoVersions();

        HttpResponse response = pages.handle(post("/console/incidents/41/postmortem"));

        assertThat(response.status()).isEqualTo(405);
        assertThat(read).isEmpty();
    }
}
