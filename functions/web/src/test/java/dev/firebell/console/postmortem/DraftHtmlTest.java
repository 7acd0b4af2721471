package dev.firebell.console.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class DraftHtmlTest {

    /** A draft as the postmortem function writes it (the domain's golden file). */
    static String golden(String name) {
        try (InputStream in = DraftHtmlTest.class.getResourceAsStream("/postmortem/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document html(String markdown) {
        return Jsoup.parseBodyFragment(DraftHtml.render(markdown));
    }

    @Test
    void render_shouldShowRawHtmlAsText_neverAsMarkup() {
        Document doc = html("Hello <script>alert(1)</script> <img src=x onerror=alert(2)>\n\n"
                + "<iframe src=\"https://evil.example\"></iframe>\n");

        assertThat(doc.select("script, img, iframe")).isEmpty();
        assertThat(doc.text()).contains("<script>alert(1)</script>").contains("<iframe src=\"https://evil.example\">");
    }

    @Test
    void render_shouldSendUnsafeLinksNowhere_andKeepSafeOnes() {
        Document doc = html("[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](<java\tscript:x>)"
                + " [d](data:text/html,x) [e](vbscript:x) [f](https://runbooks.example/db?x=1)"
                + " [g](mailto:sre@example.com) [h](/console/incidents/41)\n");

        assertThat(doc.select("a")).extracting(a -> a.attr("href")).containsExactly("#", "#", "#", "#", "#",
                "https://runbooks.example/db?x=1", "mailto:sre@example.com", "/console/incidents/41");
        assertThat(doc.select("a").first().attr("rel")).isEqualTo("nofollow noopener noreferrer");
    }

    @Test
    void render_shouldLinkToImages_neverLoadThem() {
        Document doc = html("![dashboard](https://grafana.example/d.png) ![x](javascript:alert(1))\n");

        assertThat(doc.select("img")).isEmpty();
        assertThat(doc.select("a")).extracting(Element::text).containsExactly("Image: dashboard", "Image: x");
        assertThat(doc.select("a")).extracting(a -> a.attr("href"))
                .containsExactly("https://grafana.example/d.png", "#");
    }

    @Test
    void render_shouldReplaceTheMermaidMilestoneChart_withAnSvgFigureAndATable() {
        String markdown = golden("composite.md");
        assertThat(markdown).contains("```mermaid");

        Document doc = html(markdown);

        assertThat(doc.select("code.language-mermaid")).isEmpty();
        assertThat(doc.text()).doesNotContain("dateFormat");
        Element figure = doc.selectFirst("figure.milestones");
        Element svg = figure.selectFirst("svg");
        assertThat(svg.attr("role")).isEqualTo("img");
        assertThat(svg.selectFirst("title").text()).isEqualTo("Milestones of the incident");
        assertThat(svg.selectFirst("desc").text()).contains("Detected: 09:08:02 UTC (+4 s)")
                .contains("Resolved: 09:31:00 UTC (+23 min)").contains("Open: 09:08:02 to 09:31:00 UTC (22 min)");
        assertThat(svg.select("polygon")).hasSize(5);
        assertThat(svg.select("rect")).hasSize(1);
        Element table = figure.selectFirst("table");
        assertThat(table.selectFirst("caption").text()).isEqualTo("Milestones (UTC)");
        assertThat(table.select("tbody th[scope=row]")).extracting(Element::text)
                .containsExactly("Child alarm fired", "Detected", "Paged", "Acknowledged", "Resolved", "Open");
        assertThat(table.select("tbody tr").get(1).select("td").get(0).text()).isEqualTo("2026-11-27 09:08:02");
    }

    @Test
    void render_shouldMoveHeadingsBelowThePagesH1_andLetTablesScroll() {
        Document doc = html(golden("simple.md"));

        assertThat(doc.select("h1")).isEmpty();
        assertThat(doc.select("h2")).isNotEmpty();
        assertThat(doc.select("h3").eachText()).contains("Summary", "Timeline", "Action items");
        assertThat(doc.select("table")).isNotEmpty().allSatisfy(t -> assertThat(t.parent().hasClass("scroll")).isTrue());
        assertThat(doc.select("thead th")).isNotEmpty().allSatisfy(th -> assertThat(th.attr("scope"))
                .isIn("col"));
    }

    @Test
    void render_shouldShowOtherCodeBlocksAsEscapedCode_andAMermaidBlockItCannotRead() {
        Document doc = html("```mermaid\nflowchart LR\n  A-->B\n```\n\n```sh\necho '<b>'\n```\n");

        assertThat(doc.select("svg")).isEmpty();
        assertThat(doc.select("code.language-mermaid").text()).contains("A-->B");
        assertThat(doc.select("code.language-sh").text()).isEqualTo("echo '<b>'");
        assertThat(doc.select("b")).isEmpty();
    }
}
