package dev.firebell.console.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class SvgBarChartTest {

    private static Document svg(String markup) {
        return Jsoup.parse(markup, "", Parser.xmlParser());
    }

    @Test
    void render_shouldScaleBarsToAnAxisOfWholeHumanSteps() {
        // GIVEN 4 min and 10 min (p90 for the first at 10 min): the axis runs 0, 5, 10 min
        String markup = SvgBarChart.render("mtta", "Time to acknowledge", "Bars show the median.", List.of(
                SvgBarChart.Row.bar("checkout", Duration.ofMinutes(4), Duration.ofMinutes(10), "median 4 min"),
                SvgBarChart.Row.bar("payments", Duration.ofMinutes(10), null, "median 10 min")));

        Document doc = svg(markup);
        List<Element> bars = doc.select("rect");
        assertThat(bars).hasSize(2);
        double plot = SvgBarChart.WIDTH - SvgBarChart.LEFT - SvgBarChart.RIGHT;
        assertThat(Double.parseDouble(bars.get(0).attr("width"))).isCloseTo(plot * 4 / 10, within());
        assertThat(Double.parseDouble(bars.get(1).attr("width"))).isCloseTo(plot, within());
        assertThat(bars.get(0).attr("x")).isEqualTo(Integer.toString(SvgBarChart.LEFT));
        assertThat(doc.select("text[text-anchor]")).extracting(Element::text)
                .containsExactly("0 s", "5 min", "10 min");
        // the p90 tick of the first bar, at the axis end
        Element tick = doc.select("line[stroke-width=3]").first();
        assertThat(Double.parseDouble(tick.attr("x1"))).isCloseTo(SvgBarChart.LEFT + plot, within());
        assertThat(doc.select("svg").attr("viewBox"))
                .isEqualTo("0 0 " + SvgBarChart.WIDTH + " " + (SvgBarChart.TOP + 2 * SvgBarChart.ROW + SvgBarChart.AXIS));
    }

    @Test
    void render_shouldBeOneAccessibleImage_whoseDescriptionSaysEveryRowsFigures() {
        Document doc = svg(SvgBarChart.render("mttr-service", "Time to resolve", "Bars show the median.", List.of(
                SvgBarChart.Row.bar("checkout", Duration.ofMinutes(3), null, "median 3 min, 4 resolved"))));

        Element root = doc.selectFirst("svg");
        assertThat(root.attr("role")).isEqualTo("img");
        assertThat(root.attr("aria-labelledby")).isEqualTo("mttr-service-title mttr-service-desc");
        assertThat(doc.selectFirst("title#mttr-service-title").text()).isEqualTo("Time to resolve");
        assertThat(doc.selectFirst("desc#mttr-service-desc").text())
                .isEqualTo("Bars show the median. checkout: median 3 min, 4 resolved.");
        assertThat(root.hasAttr("width")).as("scales to its container through the view box").isFalse();
    }

    @Test
    void render_shouldEscapeLabels_andCutLongOnes() {
        String hostile = "</text><script>alert(1)</script><text>";
        String markup = SvgBarChart.render("c", "A & B", "d", List.of(
                SvgBarChart.Row.bar(hostile, Duration.ofSeconds(30), null, "x < y"),
                SvgBarChart.Row.bar("s".repeat(80), Duration.ofSeconds(30), null, "")));

        assertThat(markup).doesNotContain("<script>").contains("&lt;script&gt;").contains("A &amp; B")
                .contains("x &lt; y");
        Document doc = svg(markup);
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("text[font-weight=600]").get(1).text()).hasSize(SvgBarChart.MAX_LABEL)
                .endsWith("\u2026");
    }

    @Test
    void render_shouldDrawPointsAsDiamonds_andSpansFromTheirStart() {
        Document doc = svg(SvgBarChart.render("milestones", "Milestones", "d", List.of(
                SvgBarChart.Row.point("Detected", Duration.ZERO, "09:00"),
                SvgBarChart.Row.point("Resolved", Duration.ofMinutes(20), "09:20"),
                new SvgBarChart.Row("Open", Duration.ofMinutes(10), Duration.ofMinutes(20), null, ""))));

        assertThat(doc.select("polygon")).hasSize(2);
        Element open = doc.selectFirst("rect");
        double plot = SvgBarChart.WIDTH - SvgBarChart.LEFT - SvgBarChart.RIGHT;
        assertThat(Double.parseDouble(open.attr("x"))).isCloseTo(SvgBarChart.LEFT + plot / 2, within());
        assertThat(Double.parseDouble(open.attr("width"))).isCloseTo(plot / 2, within());
    }

    @Test
    void render_shouldRefuseAnIdThatIsNotAnXmlName_andRowsRunningBackwards() {
        assertThatThrownBy(() -> SvgBarChart.render("a b\"", "t", "d", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chart id");
        assertThatThrownBy(() -> new SvgBarChart.Row("x", Duration.ofMinutes(2), Duration.ofMinutes(1), null, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void axis_shouldPickTheSmallestStepWithAtMostFourTicks() {
        assertThat(SvgBarChart.Axis.of(List.of(SvgBarChart.Row.bar("a", Duration.ofHours(7), null, ""))))
                .isEqualTo(new SvgBarChart.Axis(Duration.ofHours(2), 4));
        assertThat(SvgBarChart.Axis.of(List.of(SvgBarChart.Row.bar("a", Duration.ZERO, null, ""))))
                .as("nothing to show still has an axis").isEqualTo(new SvgBarChart.Axis(Duration.ofSeconds(1), 1));
        assertThat(SvgBarChart.n(12.345)).isEqualTo("12.3");
        assertThat(SvgBarChart.n(12.0)).isEqualTo("12");
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.11);
    }
}
