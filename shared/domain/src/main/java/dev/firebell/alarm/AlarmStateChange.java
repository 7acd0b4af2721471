package dev.firebell.alarm;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A CloudWatch alarm changed state: the one thing every delivery shape is decoded into.
 *
 * @param alarmArn          the alarm's ARN; the default dedup key
 * @param region            region code taken from the ARN (SNS only gives a display name)
 * @param description       the alarm description, often null
 * @param stateTimestamp    when CloudWatch changed the state; orders deliveries that arrive out of order
 * @param metrics           what a metric alarm evaluates; empty for composite alarms
 * @param triggeringAlarms  ARNs of the child alarms that put a composite alarm into its state
 */
public record AlarmStateChange(
        String alarmArn,
        String alarmName,
        String description,
        String accountId,
        String region,
        AlarmKind kind,
        AlarmState state,
        AlarmState previousState,
        String reason,
        Instant stateTimestamp,
        List<AlarmMetric> metrics,
        List<String> triggeringAlarms,
        DeliveryShape deliveredBy) {

    public AlarmStateChange {
        requireText(alarmArn, "alarm ARN");
        requireText(alarmName, "alarm name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(stateTimestamp, "state timestamp");
        Objects.requireNonNull(deliveredBy, "deliveredBy");
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        triggeringAlarms = triggeringAlarms == null ? List.of() : List.copyOf(triggeringAlarms);
    }

    /**
     * Identifies this state change whatever shape delivered it and however often: CloudWatch stamps
     * every transition, so ARN, state and timestamp together name it exactly.
     */
    public String eventKey() {
        return alarmArn + "|" + state + "|" + stateTimestamp.toEpochMilli();
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new MalformedAlarmException(what + " is missing");
        }
    }
}
