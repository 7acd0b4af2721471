package dev.firebell.heartbeat;

import dev.firebell.alarm.AlarmKind;
import dev.firebell.alarm.AlarmState;
import dev.firebell.alarm.AlarmStateChange;
import dev.firebell.alarm.DeliveryShape;
import dev.firebell.routing.RoutingDecision;
import java.time.Instant;
import java.util.List;

/**
 * A monitor's misses, failures and recoveries as the alarm state changes the incident path already handles (ADR
 * 0117): its dedup key, its service and severity, and a state timestamp that names the miss exactly, so that a sweep
 * that runs twice folds nothing twice.
 */
final class MonitorAlarms {

    private MonitorAlarms() {
    }

    static RoutingDecision route(Monitor m) {
        return new RoutingDecision(m.service(), m.severity(), "heartbeat monitor '" + m.name() + "'", List.of());
    }

    /** The pending ALARM of a down record. */
    static AlarmStateChange alarm(Monitor m, MonitorRecord down) {
        return change(m, AlarmState.ALARM, AlarmState.OK, reason(m, down), down.alarmAt());
    }

    /** A success ping of a down monitor. */
    static AlarmStateChange ok(Monitor m, Instant pingedAt) {
        return change(m, AlarmState.OK, AlarmState.ALARM, "pinged at " + pingedAt + "; pings resumed", pingedAt);
    }

    static String reason(Monitor m, MonitorRecord down) {
        String expected = " (expected every " + m.interval() + ", grace " + m.grace() + ")";
        String since = down.lastPingAt() == null ? "" : " since " + down.lastPingAt();
        boolean repeat = down.alarmAt() != null && down.downSince() != null && down.alarmAt().isAfter(down.downSince());
        String still = repeat ? "; still no successful ping" : "";
        return switch (down.cause() == null ? DownCause.MISSED : down.cause()) {
            case FAILED -> "the job reported a failure (/fail) at " + down.downSince() + still;
            case RAN_TOO_LONG -> "a run started at " + down.lastPingAt() + " did not finish within the grace of "
                    + m.grace() + still;
            case MISSED -> (repeat ? "still no ping" : "no ping") + since + expected;
        };
    }

    private static AlarmStateChange change(Monitor m, AlarmState state, AlarmState previous, String reason, Instant at) {
        return new AlarmStateChange(m.dedupKey(), m.alarmName(), "heartbeat monitor " + m.name(), null, null,
                AlarmKind.HEARTBEAT, state, previous, reason, at, List.of(), List.of(), DeliveryShape.HEARTBEAT);
    }
}
