package dev.firebell.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlarmTimestampsTest {

    @ParameterizedTest
    @CsvSource({
            "2023-08-04T12:36:15.490+0000, 2023-08-04T12:36:15.490Z",
            "2023-08-04T12:36:15.490Z, 2023-08-04T12:36:15.490Z",
            "2023-08-04T12:36:15Z, 2023-08-04T12:36:15Z",
            "2023-08-04T14:36:15.490+02:00, 2023-08-04T12:36:15.490Z",
            "2023-08-04T14:36:15.490+0200, 2023-08-04T12:36:15.490Z"
    })
    void parse_shouldReadEveryOffsetStyleCloudWatchUses(String text, String expected) {
        assertThat(AlarmTimestamps.parse("StateChangeTime", text)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void parse_shouldNameTheField_whenTheValueIsNotATimestamp() {
        assertThatThrownBy(() -> AlarmTimestamps.parse("detail.state.timestamp", "yesterday"))
                .isInstanceOf(MalformedAlarmException.class)
                .hasMessageContaining("detail.state.timestamp")
                .hasMessageContaining("yesterday");
    }

    @Test
    void arn_shouldKeepColonsInTheAlarmName() {
        AlarmArn arn = AlarmArn.parse("arn:aws:cloudwatch:ap-southeast-2:210987654321:alarm:team:checkout:5xx");
        assertThat(arn.region()).isEqualTo("ap-southeast-2");
        assertThat(arn.accountId()).isEqualTo("210987654321");
        assertThat(arn.alarmName()).isEqualTo("team:checkout:5xx");
    }

    @Test
    void arn_shouldRejectOtherResourceArns() {
        assertThatThrownBy(() -> AlarmArn.parse("arn:aws:sns:eu-west-1:123456789012:topic"))
                .isInstanceOf(MalformedAlarmException.class).hasMessageContaining("not of the form");
    }
}
