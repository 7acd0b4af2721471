package dev.firebell.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleLinksTest {

    private static final Instant FROM = Instant.parse("2026-11-27T08:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-27T09:42:00Z");

    @Test
    void jsurl_shouldWriteTheConsolesNotation() {
        // The notation of jsurl (github.com/Sage/jsurl), which CloudWatch console fragments use.
        assertThat(ConsoleLinks.Jsurl.stringify(Map.of("a", "AWS/EC2"))).isEqualTo("~(a~'AWS*2fEC2)");
        assertThat(ConsoleLinks.Jsurl.stringify(List.of("x", 60, false))).isEqualTo("~(~'x~60~false)");
        assertThat(ConsoleLinks.Jsurl.stringify(List.of())).isEqualTo("~(~)");
        assertThat(ConsoleLinks.Jsurl.stringify("a b$c:d'é\u20ac")).isEqualTo("~'a*20b!c*3ad*27*e9**20ac");
    }

    @Test
    void metrics_shouldGraphEveryMetric_withDimensionsStatAndPeriod_overTheWindow() {
        String url = ConsoleLinks.metrics("eu-west-1", List.of(new AlarmMetric("m1", "AWS/ApplicationELB",
                "HTTPCode_Target_5XX_Count", Map.of("TargetGroup", "tg/1", "LoadBalancer", "app/lb/1"), "Sum", 60, null,
                null)), FROM, TO);

        assertThat(url).isEqualTo("https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1"
                + "#metricsV2:graph=~(metrics~(~(~'AWS*2fApplicationELB~'HTTPCode_Target_5XX_Count~'LoadBalancer"
                + "~'app*2flb*2f1~'TargetGroup~'tg*2f1~(id~'m1~stat~'Sum~period~60)))~view~'timeSeries~stacked~false"
                + "~region~'eu-west-1~start~'2026-11-27T08*3a00*3a00Z~end~'2026-11-27T09*3a42*3a00Z)");
        assertThat(url).doesNotContain(" ", "<", ">", "\"");
    }

    @Test
    void metrics_shouldWriteExpressionsWithTheirLabels_andNothingForACompositeAlarm() {
        String url = ConsoleLinks.metrics("cn-north-1", List.of(
                new AlarmMetric("e1", null, null, Map.of(), null, null, "100 * m1 / m2", "Error rate (%)")), FROM, TO);

        assertThat(url).startsWith("https://cn-north-1.console.amazonaws.cn/cloudwatch/home?region=cn-north-1#metricsV2:")
                .contains("~(~(id~'e1~expression~'100*20*2a*20m1*20*2f*20m2~label~'Error*20rate*20*28*25*29))");
        assertThat(ConsoleLinks.metrics("eu-west-1", List.of(), FROM, TO)).isNull();
    }
}
