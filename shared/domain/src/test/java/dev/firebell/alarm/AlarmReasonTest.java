package dev.firebell.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlarmReasonTest {

    @Test
    void firstBreachingDatapoint_shouldBeTheEarliestListed_forAnOkToAlarmTransition() {
        String reason = "Threshold Crossed: 3 out of the last 3 datapoints [57.0 (27/11/26 08:59:00), 44.0 (27/11/26"
                + " 08:58:00), 31.0 (27/11/26 08:57:00)] were greater than the threshold (25.0) (minimum 3 datapoints for"
                + " OK -> ALARM transition).";
        assertThat(AlarmReason.firstBreachingDatapoint(reason)).contains(Instant.parse("2026-11-27T08:57:00Z"));
    }

    @Test
    void firstBreachingDatapoint_shouldReadBandThresholds_andOneDatapoint() {
        String reason = "Thresholds Crossed: 1 out of the last 1 datapoints [1.92 (05/08/25 13:57:00)] was less than the"
                + " lower thresholds [0.08] or greater than the upper thresholds [0.61] (minimum 1 datapoint for OK ->"
                + " ALARM transition).";
        assertThat(AlarmReason.firstBreachingDatapoint(reason)).contains(Instant.parse("2025-08-05T13:57:00Z"));
    }

    @Test
    void firstBreachingDatapoint_shouldBeUnknown_forOtherTransitionsAndShapes() {
        assertThat(AlarmReason.firstBreachingDatapoint("Threshold Crossed: 1 out of the last 2 datapoints [0.12"
                + " (12/03/25 18:29:00)] was not greater than the threshold (5.0) (minimum 1 datapoint for ALARM -> OK"
                + " transition).")).isEmpty();
        assertThat(AlarmReason.firstBreachingDatapoint("Threshold Crossed: 1 datapoint [42.0] was greater than the"
                + " threshold (10.0).")).isEmpty();
        assertThat(AlarmReason.firstBreachingDatapoint("Threshold Crossed: 1 out of the last 1 datapoints [1.0"
                + " (99/99/26 25:00:00)] was greater (minimum 1 datapoint for OK -> ALARM transition).")).isEmpty();
        assertThat(AlarmReason.firstBreachingDatapoint(null)).isEmpty();
        assertThat(AlarmReason.firstBreachingDatapoint("Insufficient Data: 5 datapoints were unknown.")).isEmpty();
    }

    @Test
    void compositeTrigger_shouldNameTheChildAndWhen() {
        String child = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:payments-api-latency-p99";
        assertThat(AlarmReason.compositeTrigger(child + " transitioned to ALARM at Friday 27 November, 2026 09:07:58 UTC"))
                .contains(new AlarmReason.ChildTransition(child, Instant.parse("2026-11-27T09:07:58Z")));
        assertThat(AlarmReason.compositeTrigger(child + " transitioned to OK at Wednesday 12 March, 2025 18:30:55 UTC"))
                .isEmpty();
        assertThat(AlarmReason.compositeTrigger("something else")).isEmpty();
    }
}
