package dev.firebell.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.routing.Severity;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every expected value here is worked out by hand from the times in the comments. */
class IncidentMetricsTest {

    private static Instant t(String hms) {
        return Instant.parse("2026-11-27T" + hms + "Z");
    }

    private static Incident.Builder incident() {
        String arn = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:payments-db-cpu";
        return Incident.builder().id("12").title("payments-db-cpu").service("payments").severity(Severity.SEV1)
                .status(IncidentStatus.RESOLVED).dedupKey(arn).alarmArn(arn).alarmName("payments-db-cpu")
                .region("eu-west-1").alarmKind(dev.firebell.alarm.AlarmKind.METRIC)
                // first breaching datapoint 01:58:00
                .reason("Threshold Crossed: 2 out of the last 2 datapoints [96.2 (27/11/26 01:59:00), 93.7 (27/11/26"
                        + " 01:58:00)] were greater than or equal to the threshold (90.0) (minimum 2 datapoints for OK ->"
                        + " ALARM transition).")
                .triggeredAt(t("02:00:01")).openedAt(t("02:00:03")).alarmCount(1)
                .resolvedAt(t("03:05:00")).resolvedBy("dave");
    }

    private static TimelineEntry entry(String at, TimelineEntryType type, String actor, Map<String, String> details) {
        return new TimelineEntry("12", t(at), type, actor, type.name(), details);
    }

    @Test
    void of_shouldMatchHandCalculations_forAnEscalatedIncident() {
        List<TimelineEntry> timeline = List.of(
                entry("02:00:03", TimelineEntryType.OPENED, "alarm:payments-db-cpu", Map.of()),
                entry("02:01:04", TimelineEntryType.PAGED, "firebell", Map.of("target", "team-payments")),
                entry("02:06:04", TimelineEntryType.ESCALATED, "firebell", Map.of("level", "2")),
                entry("02:06:04", TimelineEntryType.PAGED, "firebell", Map.of("target", "bob")),
                entry("02:11:04", TimelineEntryType.ESCALATED, "firebell", Map.of("level", "3")),
                entry("02:11:04", TimelineEntryType.PAGED, "firebell", Map.of("target", "carol")),
                entry("02:14:30", TimelineEntryType.ACKNOWLEDGED, "carol", Map.of()),
                entry("02:24:00", TimelineEntryType.ACKNOWLEDGED, "dave", Map.of()));

        IncidentMetrics m = IncidentMetrics.of(incident().acknowledgedAt(t("02:24:00")).build(), timeline);

        assertThat(m.timeToDetect()).isEqualTo(Duration.ofSeconds(121));      // 01:58:00 -> 02:00:01
        assertThat(m.timeToAcknowledge()).isEqualTo(Duration.ofSeconds(867)); // 02:00:03 -> 02:14:30, the first ack
        assertThat(m.timeToResolve()).isEqualTo(Duration.ofSeconds(3899));    // 02:00:01 -> 03:05:00
        assertThat(m.pagesSent()).isEqualTo(3);
        assertThat(m.escalationLevels()).isEqualTo(3);
        assertThat(m.autoResolved()).isFalse();
        assertThat(m.severity()).isEqualTo(Severity.SEV1);
    }

    @Test
    void of_shouldCountEscalatedEntries_whenTheyNameNoLevel() {
        List<TimelineEntry> timeline = List.of(
                entry("02:06:04", TimelineEntryType.ESCALATED, "firebell", Map.of()),
                entry("02:11:04", TimelineEntryType.ESCALATED, "firebell", Map.of("level", "not a number")));

        assertThat(IncidentMetrics.of(incident().build(), timeline).escalationLevels()).isEqualTo(2);
    }

    @Test
    void of_shouldLeaveWhatTheDataDoesNotSay_empty() {
        Incident declared = Incident.builder().id("50").title("checkout down").service("checkout")
                .severity(Severity.SEV2).status(IncidentStatus.TRIGGERED).triggeredAt(t("15:00:00"))
                .openedAt(t("15:00:00")).build();

        IncidentMetrics m = IncidentMetrics.of(declared, List.of(entry("15:00:00", TimelineEntryType.OPENED, "alice",
                Map.of())));

        assertThat(m.timeToDetect()).as("declared: nothing says when impact began").isNull();
        assertThat(m.timeToAcknowledge()).as("nobody acknowledged").isNull();
        assertThat(m.timeToResolve()).as("still open").isNull();
        assertThat(m.pagesSent()).isZero();
        assertThat(m.escalationLevels()).isZero();
    }

    @Test
    void of_shouldTakeTheAcknowledgementOnRecord_whenGivenNoTimeline() {
        IncidentMetrics m = IncidentMetrics.of(incident().acknowledgedAt(t("02:24:00")).build(), List.of());

        assertThat(m.timeToAcknowledge()).isEqualTo(Duration.ofSeconds(1437)); // 02:00:03 -> 02:24:00
        assertThat(m.pagesSent()).isZero();
    }

    @Test
    void of_shouldMeasureACompositeFromItsChildAlarm() {
        String child = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:payments-api-latency-p99";
        Incident composite = incident().alarmKind(dev.firebell.alarm.AlarmKind.COMPOSITE)
                .reason(child + " transitioned to ALARM at Friday 27 November, 2026 09:07:58 UTC")
                .triggeredAt(Instant.parse("2026-11-27T09:08:02.154Z")).openedAt(t("09:08:03"))
                .resolvedAt(t("09:31:00")).build();

        assertThat(IncidentMetrics.of(composite, List.of()).timeToDetect()).isEqualTo(Duration.ofMillis(4154));
    }

    @Test
    void of_shouldIgnoreEvidence_thatIsAfterTheAlarmOrMoreThanADayBefore() {
        Incident after = incident().triggeredAt(t("01:57:00")).build();      // datapoint 01:58 is after it fired
        Incident stale = incident().triggeredAt(Instant.parse("2026-11-28T02:00:01Z")).build();

        assertThat(IncidentMetrics.of(after, List.of()).timeToDetect()).isNull();
        assertThat(IncidentMetrics.of(stale, List.of()).timeToDetect()).isNull();
    }

    @Test
    void of_shouldCallItAutoResolved_onlyWhenTheAlarmResolvedIt() {
        assertThat(IncidentMetrics.of(incident().resolvedBy("alarm").build(), List.of()).autoResolved()).isTrue();
        assertThat(IncidentMetrics.of(incident().build(), List.of()).autoResolved()).isFalse();
    }
}
