package dev.firebell.alarm;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Test data: alarm state changes as the decoder would produce them. */
public final class Alarms {
    public static final String ACCOUNT = "123456789012";

    private Alarms() {
    }

    public static String arn(String name) {
        return "arn:aws:cloudwatch:eu-west-1:" + ACCOUNT + ":alarm:" + name;
    }

    public static AlarmStateChange change(String name, AlarmState state, String at) {
        return change(name, state, at, null);
    }

    public static AlarmStateChange change(String name, AlarmState state, String at, String description) {
        return change(ACCOUNT, "eu-west-1", name, state, at, description);
    }

    /** An alarm of another account or region, as a member account forwards it. */
    public static AlarmStateChange in(String account, String region, String name, AlarmState state, String at) {
        return change(account, region, name, state, at, null);
    }

    private static AlarmStateChange change(String account, String region, String name, AlarmState state, String at,
                                           String description) {
        return new AlarmStateChange("arn:aws:cloudwatch:" + region + ":" + account + ":alarm:" + name, name,
                description, account, region, AlarmKind.METRIC, state,
                null, "Threshold Crossed: 1 datapoint [42.0] was greater than the threshold (10.0).", Instant.parse(at),
                List.of(AlarmMetric.metric("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count",
                        Map.of("LoadBalancer", "app/checkout-prod/50dc6c495c0c9188"))),
                List.of(), DeliveryShape.EVENTBRIDGE);
    }
}
