package dev.firebell.alarm;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Deep links into the CloudWatch console of the alarm's own region. */
public final class ConsoleLinks {
    private ConsoleLinks() {
    }

    public static String alarm(String region, String alarmName) {
        return base(region) + "#alarmsV2:alarm/" + URLEncoder.encode(alarmName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String base(String region) {
        String host = region.startsWith("cn-") ? region + ".console.amazonaws.cn"
                : region.startsWith("us-gov-") ? region + ".console.amazonaws-us-gov.com"
                : region + ".console.aws.amazon.com";
        return "https://" + host + "/cloudwatch/home?region=" + region;
    }
}
