package dev.firebell.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentHistory;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.ListedIncidentHistory;
import dev.firebell.routing.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Six incidents whose MTTA and MTTR are worked out by hand below. */
class IncidentReportsTest {

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant T0 = Instant.parse("2026-11-10T10:00:00Z");

    private final List<IncidentMetrics> recorded = new ArrayList<>();

    private final ListedIncidentHistory listed = new ListedIncidentHistory();
    private final List<Incident> incidents = listed.incidents;
    private final IncidentHistory history = listed;

    private final IncidentMetricsStore store = new IncidentMetricsStore() {
        @Override
        public boolean record(IncidentMetrics metrics) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<IncidentMetrics> openedBetween(Instant from, Instant to) {
            return recorded;
        }
    };

    /** Opened at T0 + offset (min); acknowledged after ack min; resolved after res min (alarm fired = opened). */
    private Incident add(String id, String service, Severity severity, String alarm, int offset, Integer ack,
                         Integer res, String resolvedBy, int reopens, boolean record) {
        Instant opened = T0.plus(Duration.ofMinutes(offset));
        Incident i = Incident.builder().id(id).title(alarm).service(service).severity(severity)
                .status(res == null ? IncidentStatus.TRIGGERED : IncidentStatus.RESOLVED).dedupKey("arn:" + alarm)
                .alarmArn("arn:" + alarm).alarmName(alarm).triggeredAt(opened).openedAt(opened)
                .acknowledgedAt(ack == null ? null : opened.plus(Duration.ofMinutes(ack)))
                .resolvedAt(res == null ? null : opened.plus(Duration.ofMinutes(res))).resolvedBy(resolvedBy)
                .reopenCount(reopens).build();
        incidents.add(i);
        if (record) {
            recorded.add(IncidentMetrics.of(i, List.of()));
        }
        return i;
    }

    private IncidentReport report() {
        // checkout: A ack 4 res 12, B ack 10 res 60, C auto 2, D auto 3 (C and D are the same alarm X)
        add("A", "checkout", Severity.SEV2, "checkout-5xx", 0, 4, 12, "alice", 0, true);
        Incident b = add("B", "checkout", Severity.SEV2, "checkout-latency", 60, 10, 60, "bob", 0, false);
        add("C", "checkout", Severity.SEV3, "X", 200, null, 2, "alarm", 0, true);
        add("D", "checkout", Severity.SEV3, "X", 300, null, 3, "alarm", 0, false);
        // payments: E ack 1 res 30 reopened once (alarm Y), F still open
        add("E", "payments", Severity.SEV1, "Y", 400, 1, 30, "alarm", 1, true);
        add("F", "payments", Severity.SEV1, "Z", 500, null, null, null, 0, false);
        // B's record is of an earlier resolution: it reopened since, so the record no longer applies.
        recorded.add(IncidentMetrics.of(b.toBuilder().resolvedAt(b.openedAt().plusSeconds(60)).build(), List.of()));
        add("old", "checkout", Severity.SEV2, "checkout-5xx", -60 * 24 * 30, 1, 1, "alice", 0, true);
        return new IncidentReports(history, store).report(FROM, TO, Duration.ofMinutes(5));
    }

    @Test
    void report_shouldComputeMttaAndMttr_perService() {
        IncidentReport r = report();

        assertThat(r.incidents()).isEqualTo(6);
        assertThat(r.open()).isEqualTo(1);
        assertThat(r.estimated()).as("B (stale record) and D (none)").isEqualTo(2);
        IncidentReport.Stats checkout = r.byService().get(0);
        assertThat(checkout.key()).isEqualTo("checkout");
        assertThat(checkout.incidents()).isEqualTo(4);
        assertThat(checkout.acknowledged()).isEqualTo(2);
        // TTA 4 and 10 min: mean 7, nearest-rank p50 = 4, p90 = 10
        assertThat(checkout.acknowledge()).isEqualTo(new DurationSummary(2, Duration.ofMinutes(7), Duration.ofMinutes(4),
                Duration.ofMinutes(10), Duration.ofMinutes(10)));
        // TTR 12, 60, 2, 3 min: mean 77/4 = 19.25 min = 1155 s; sorted 2, 3, 12, 60: p50 = 3, p90 = 60
        assertThat(checkout.resolve()).isEqualTo(new DurationSummary(4, Duration.ofSeconds(1155), Duration.ofMinutes(3),
                Duration.ofMinutes(60), Duration.ofMinutes(60)));
        assertThat(checkout.autoResolved()).isEqualTo(2);

        IncidentReport.Stats payments = r.byService().get(1);
        assertThat(payments.incidents()).isEqualTo(2);
        assertThat(payments.acknowledge().mean()).isEqualTo(Duration.ofMinutes(1));
        assertThat(payments.resolve().count()).isEqualTo(1);
        assertThat(payments.resolve().mean()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void report_shouldComputeMttaAndMttr_perSeverity() {
        IncidentReport r = report();

        assertThat(r.bySeverity()).extracting(IncidentReport.Stats::key).containsExactly("SEV1", "SEV2", "SEV3");
        IncidentReport.Stats sev2 = r.bySeverity().get(1);
        assertThat(sev2.incidents()).isEqualTo(2);
        assertThat(sev2.resolve().mean()).isEqualTo(Duration.ofMinutes(36));     // (12 + 60) / 2
        IncidentReport.Stats sev3 = r.bySeverity().get(2);
        assertThat(sev3.acknowledged()).isZero();
        assertThat(sev3.acknowledge()).isEqualTo(DurationSummary.NONE);
        assertThat(sev3.resolve().mean()).isEqualTo(Duration.ofSeconds(150));    // (2 + 3) / 2 min
        assertThat(r.overall().incidents()).isEqualTo(6);
        assertThat(r.overall().acknowledge().mean()).isEqualTo(Duration.ofMinutes(5)); // (4 + 10 + 1) / 3
    }

    @Test
    void report_shouldRankNoisyAlarms_byQuickAutoResolvesAndFlaps() {
        List<IncidentReport.NoisyAlarm> noisy = report().noisiest();

        assertThat(noisy).extracting(IncidentReport.NoisyAlarm::alarm).containsExactly("X", "Y");
        assertThat(noisy.get(0)).isEqualTo(new IncidentReport.NoisyAlarm("X", "arn:X", "checkout", 2, 2, 0,
                Duration.ofMinutes(2)));
        assertThat(noisy.get(1).reopens()).isEqualTo(1);
        assertThat(noisy.get(1).quickAutoResolved()).as("resolved after 30 min, not within 5").isZero();
    }

    @Test
    void report_shouldRender_asText() {
        String text = IncidentReportText.render(report());

        assertThat(text).contains("Incidents opened 2026-11-01 00:00Z to 2026-12-01 00:00Z: 6 (1 still open)");
        assertThat(text).contains("2 resolved incident(s) have no recorded metrics yet");
        assertThat(text).containsPattern("checkout +4 +2 +7 min +4 min +10 min +4 +19 min +3 min +1 h");
        assertThat(text).containsPattern("X +checkout +2 +2 +0 +2 min");
    }

    @Test
    void report_shouldRefuseAnEmptyPeriod_orANonPositiveNoiseWindow() {
        IncidentReports reports = new IncidentReports(history, store);

        assertThatThrownBy(() -> reports.report(TO, FROM, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("period is empty");
        assertThatThrownBy(() -> reports.report(FROM, TO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noisy-within must be positive");
    }

    @Test
    void durationSummary_shouldUseNearestRank() {
        List<Duration> tens = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            tens.add(Duration.ofMinutes(i));
        }
        assertThat(DurationSummary.of(tens)).isEqualTo(new DurationSummary(10, Duration.ofSeconds(330),
                Duration.ofMinutes(5), Duration.ofMinutes(9), Duration.ofMinutes(10)));
        assertThat(DurationSummary.of(List.of())).isEqualTo(DurationSummary.NONE);
    }

    @Test
    void report_shouldRankLoudestAlarms_byIncidentsOpenedOrGroupedInto_thenByDeliveries() {
        // X opened C and D (3 and 1 deliveries); Y opened E (5 deliveries) with X and W grouped into it
        add("C", "checkout", Severity.SEV3, "X", 200, null, 2, "alarm", 0, true);
        add("D", "checkout", Severity.SEV3, "X", 300, null, 3, "alarm", 0, true);
        add("E", "payments", Severity.SEV1, "Y", 400, 1, 30, "alarm", 0, true);
        add("A", "checkout", Severity.SEV2, "checkout-5xx", 0, 4, 12, "alice", 0, true);
        incidents.set(0, incidents.get(0).toBuilder().alarmCount(3).build());
        incidents.set(2, incidents.get(2).toBuilder().alarmCount(5)
                .group(new dev.firebell.incident.AlarmGroup(1, 3, List.of("Y", "X", "W"))).build());

        List<IncidentReport.LoudAlarm> loud = new IncidentReports(history, store).report(FROM, TO,
                Duration.ofMinutes(5)).loudest();

        assertThat(loud).extracting(IncidentReport.LoudAlarm::alarm).containsExactly("X", "Y", "checkout-5xx", "W");
        assertThat(loud.get(0)).isEqualTo(new IncidentReport.LoudAlarm("X", "arn:X", "checkout", 2, 1, 4));
        assertThat(loud.get(0).incidents()).isEqualTo(3);
        assertThat(loud.get(1)).isEqualTo(new IncidentReport.LoudAlarm("Y", "arn:Y", "payments", 1, 0, 5));
        assertThat(loud.get(3)).as("only ever grouped: no key, no deliveries of its own")
                .isEqualTo(new IncidentReport.LoudAlarm("W", null, null, 0, 1, 0));
        String text = IncidentReportText.render(new IncidentReports(history, store).report(FROM, TO,
                Duration.ofMinutes(5)));
        assertThat(text).containsSubsequence("Alarms behind the most incidents", "X", "Y", "checkout-5xx", "W");
        assertThat(text).containsPattern("X +checkout +3 +2 +1 +4").containsPattern("W +- +1 +0 +1 +0");
    }
}
