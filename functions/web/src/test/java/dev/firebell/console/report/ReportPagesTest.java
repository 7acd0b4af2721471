package dev.firebell.console.report;

import static dev.firebell.console.ConsolePagesFixture.get;
import static dev.firebell.console.ConsolePagesFixture.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.ListedIncidentHistory;
import dev.firebell.metrics.IncidentMetrics;
import dev.firebell.metrics.IncidentMetricsStore;
import dev.firebell.metrics.IncidentReports;
import dev.firebell.routing.Severity;
import dev.firebell.web.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ReportPagesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T15:00:00Z");
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";

    private final ListedIncidentHistory history = new ListedIncidentHistory();
    private final List<Incident> incidents = history.incidents;
    private final List<Instant[]> asked = history.asked;

    private final IncidentMetricsStore recorded = new IncidentMetricsStore() {
        @Override
        public boolean record(IncidentMetrics metrics) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<IncidentMetrics> openedBetween(Instant from, Instant to) {
            return incidents.stream().filter(i -> i.resolvedAt() != null).map(i -> IncidentMetrics.of(i, List.of()))
                    .toList();
        }
    };

    private final ReportPages pages = new ReportPages(new IncidentReports(history, recorded), InstantSource.fixed(NOW));

    private void add(String id, String service, Severity severity, String alarm, String opened, int ackMin,
                     int resMin, String resolvedBy) {
        Instant at = Instant.parse(opened);
        incidents.add(Incident.builder().id(id).title(alarm).service(service).severity(severity)
                .status(IncidentStatus.RESOLVED).dedupKey("arn:" + alarm).alarmArn("arn:" + alarm).alarmName(alarm)
                .triggeredAt(at).openedAt(at).acknowledgedAt(ackMin < 0 ? null : at.plus(Duration.ofMinutes(ackMin)))
                .resolvedAt(at.plus(Duration.ofMinutes(resMin))).resolvedBy(resolvedBy).alarmCount(2).build());
    }

    private void scene() {
        add("1", "checkout", Severity.SEV2, "checkout-5xx", "2026-11-20T10:00:00Z", 4, 30, "alice");
        add("2", "checkout", Severity.SEV2, "checkout-5xx", "2026-11-21T10:00:00Z", 10, 60, "alice");
        add("3", HOSTILE, Severity.SEV1, "flappy", "2026-12-01T10:00:00Z", -1, 2, "alarm");
        add("old", "checkout", Severity.SEV2, "checkout-5xx", "2026-10-01T10:00:00Z", 1, 1, "alice");
    }

    @Test
    void get_withoutAPeriod_shouldReportTheLast30Days_asChartsAndTables() {
        scene();

        HttpResponse response = pages.handle(get("/console/reports", ""));

        assertThat(response.status()).isEqualTo(200);
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0)).containsExactly(Instant.parse("2026-11-07T00:00:00Z"),
                Instant.parse("2026-12-07T00:00:00Z"));
        Document doc = parse(response);
        assertThat(doc.select("h1")).extracting(Element::text).containsExactly("Reports");
        assertThat(doc.select("h2")).extracting(Element::text).containsExactly("By service", "By severity",
                "Alarms behind the most incidents", "Noisiest alarms");
        assertThat(doc.selectFirst("main > p").text()).startsWith("3 incidents opened from 2026-11-07 to 2026-12-06");
        assertThat(doc.select("svg[role=img]")).extracting(s -> s.attr("aria-labelledby")).containsExactly(
                "mtta-service-title mtta-service-desc", "mttr-service-title mttr-service-desc",
                "mtta-severity-title mtta-severity-desc", "mttr-severity-title mttr-severity-desc");
        Element byService = doc.selectFirst("h2#by-service ~ div.scroll table");
        assertThat(byService.selectFirst("caption").text()).isEqualTo("By service: time to acknowledge and to resolve");
        assertThat(byService.select("thead th")).allSatisfy(th -> assertThat(th.attr("scope")).isEqualTo("col"));
        Element checkout = byService.select("tbody tr").stream()
                .filter(tr -> tr.selectFirst("th").text().equals("checkout")).findFirst().orElseThrow();
        // TTA 4 and 10 min: nearest-rank median 4, p90 10; TTR 30 and 60
        assertThat(checkout.select("td")).extracting(Element::text)
                .containsExactly("2", "2", "4 min", "10 min", "2", "30 min", "1 h");
        assertThat(doc.selectFirst("desc#mtta-service-desc").text())
                .contains("checkout: median 4 min, p90 10 min, 2 acknowledged");
    }

    @Test
    void get_shouldEscapeServiceAndAlarmNames_everywhere() {
        scene();

        Document doc = parse(pages.handle(get("/console/reports", "")));

        assertThat(doc.select("main img")).isEmpty();
        assertThat(doc.select("tbody th[scope=row]").eachText()).contains(HOSTILE);
        assertThat(doc.selectFirst("desc#mttr-service-desc").text()).contains(HOSTILE + ": median 2 min");
    }

    @Test
    void get_shouldListTheLoudestAndTheNoisiestAlarms() {
        scene();

        Document doc = parse(pages.handle(get("/console/reports", "")));

        Element loud = doc.selectFirst("h2#loudest ~ div.scroll table");
        assertThat(loud.select("tbody tr").get(0).text()).isEqualTo("checkout-5xx checkout 2 0 4");
        Element noisy = doc.selectFirst("h2#noisiest ~ div.scroll table");
        assertThat(noisy.select("tbody tr")).hasSize(1);
        assertThat(noisy.selectFirst("tbody th").text()).isEqualTo("flappy");
    }

    @Test
    void get_ofAChosenPeriod_shouldAskForExactlyItsDays_andOfferPresets() {
        scene();

        Document doc = parse(pages.handle(get("/console/reports", "from=2026-11-21&to=2026-11-21")));

        assertThat(asked.get(0)).containsExactly(Instant.parse("2026-11-21T00:00:00Z"),
                Instant.parse("2026-11-22T00:00:00Z"));
        assertThat(doc.selectFirst("main > p").text()).startsWith("1 incident opened from 2026-11-21 to 2026-11-21");
        assertThat(doc.select("label[for=report-from]")).hasSize(1);
        assertThat(doc.select("input#report-from").attr("value")).isEqualTo("2026-11-21");
        assertThat(doc.select("ul.presets a")).extracting(a -> a.attr("href")).containsExactly(
                "/console/reports?from=2026-11-30&to=2026-12-06", "/console/reports?from=2026-11-07&to=2026-12-06",
                "/console/reports?from=2026-09-08&to=2026-12-06");
        assertThat(doc.select("form[method=post]")).as("only the layout's sign-out posts").hasSize(1);
    }

    @Test
    void get_ofABadPeriod_shouldAnswer400_namingTheProblem_andReadNothing() {
        HttpResponse response = pages.handle(get("/console/reports", "from=2026-02-30&to=%3Cb%3E"));

        assertThat(response.status()).isEqualTo(400);
        Document doc = parse(response);
        assertThat(doc.selectFirst("[role=alert]").text()).startsWith("'to' (<b>) is not a date like 2026-11-01");
        assertThat(doc.select("main b")).isEmpty();
        assertThat(doc.select("input#report-to").attr("value")).isEqualTo("<b>");
        assertThat(asked).isEmpty();
    }

    @Test
    void get_ofAPeriodWithoutIncidents_shouldSaySo_withoutCharts() {
        Document doc = parse(pages.handle(get("/console/reports", "from=2026-01-01&to=2026-01-31")));

        assertThat(doc.selectFirst("main > p").text()).startsWith("No incident opened");
        assertThat(doc.select("svg")).isEmpty();
        assertThat(doc.text()).contains("No alarm opened an incident in this period.");
    }
}
