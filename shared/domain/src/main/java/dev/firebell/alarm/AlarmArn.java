package dev.firebell.alarm;

/**
 * Reads the parts of an alarm ARN, {@code arn:aws:cloudwatch:eu-west-1:123456789012:alarm:name}.
 * The alarm name may itself contain colons, so only the first six fields are split.
 */
public record AlarmArn(String partition, String region, String accountId, String alarmName) {

    public static AlarmArn parse(String arn) {
        if (arn == null || arn.isBlank()) {
            throw new MalformedAlarmException("alarm ARN is missing");
        }
        String[] parts = arn.split(":", 7);
        if (parts.length < 7 || !"arn".equals(parts[0]) || !"cloudwatch".equals(parts[2]) || !"alarm".equals(parts[5])) {
            throw new MalformedAlarmException("alarm ARN '" + arn
                    + "' is not of the form arn:<partition>:cloudwatch:<region>:<account>:alarm:<name>");
        }
        return new AlarmArn(parts[1], parts[3], parts[4], parts[6]);
    }
}
