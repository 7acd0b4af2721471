package dev.firebell.alarm;

/** How the alarm's state change reached Firebell; all three occur in real accounts. */
public enum DeliveryShape {
    /** The alarm's action invokes the function directly ({@code lambda.alarms.cloudwatch.amazonaws.com}). */
    ALARM_ACTION,
    /** The EventBridge "CloudWatch Alarm State Change" event. */
    EVENTBRIDGE,
    /** The alarm notifies an SNS topic the function is subscribed to. */
    SNS,
    /** Not CloudWatch: a heartbeat monitor missed, failed or pinged again (the sweep or the ping endpoint). */
    HEARTBEAT
}
