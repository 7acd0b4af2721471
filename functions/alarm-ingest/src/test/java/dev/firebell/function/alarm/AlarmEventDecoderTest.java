package dev.firebell.function.alarm;

import dev.firebell.alarm.AlarmKind;
import dev.firebell.alarm.AlarmMetric;
import dev.firebell.alarm.AlarmState;
import dev.firebell.alarm.AlarmStateChange;
import dev.firebell.alarm.DeliveryShape;
import dev.firebell.alarm.MalformedAlarmException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Decodes the fixtures under {@code src/test/resources/events}: the same alarm transitions delivered as an alarm
 * action, an EventBridge event and an SNS notification, plus malformed payloads. The fuzzing lives in
 * {@link AlarmEventDecoderFuzzTest}.
 */
class AlarmEventDecoderTest {

    static final String ACCOUNT = "123456789012";
    static final String OTHER_ACCOUNT = "210987654321";

    static final String LB = "app/checkout-api-prod/7f3c1e2a9b6d4c10";
    static final String TG = "targetgroup/checkout-api-tg/3b9e8d7c6a5f4e21";

    static final String FIVE_XX_ARN = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:checkout-api-5xx-high";
    static final String FIVE_XX_DESCRIPTION = "Target 5xx responses from the checkout API above 25 a minute for 3 minutes."
            + " Runbook: https://wiki.example.com/runbooks/checkout-5xx";
    static final String FIVE_XX_ALARM_REASON = "Threshold Crossed: 3 out of the last 3 datapoints [57.0 (14/03/25 09:25:00),"
            + " 41.0 (14/03/25 09:24:00), 38.0 (14/03/25 09:23:00)] were greater than the threshold (25.0)"
            + " (minimum 3 datapoints for OK -> ALARM transition).";
    static final String FIVE_XX_OK_REASON = "Threshold Crossed: 3 out of the last 3 datapoints [4.0 (14/03/25 09:40:00),"
            + " 2.0 (14/03/25 09:39:00), 6.0 (14/03/25 09:38:00)] were not greater than the threshold (25.0)"
            + " (minimum 1 datapoint for ALARM -> OK transition).";
    static final Instant FIVE_XX_ALARM_AT = Instant.parse("2025-03-14T09:26:41.733Z");
    static final Instant FIVE_XX_OK_AT = Instant.parse("2025-03-14T09:41:03.067Z");

    static final String ERROR_RATE_ARN = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:checkout-api-error-rate";
    static final String ERROR_RATE_REASON = "Threshold Crossed: 2 out of the last 2 datapoints [6.81 (14/03/25 09:26:00),"
            + " 5.37 (14/03/25 09:25:00)] were greater than the threshold (5.0) (minimum 2 datapoints for OK -> ALARM transition).";

    static final String DEGRADED_ARN = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:checkout-degraded";

    static final String PAYMENTS_DB_ARN = "arn:aws:cloudwatch:ap-southeast-2:210987654321:alarm:payments-db-cpu";
    static final String PAYMENTS_DB_REASON = "Threshold Crossed: 1 out of the last 1 datapoints [91.46 (02/06/25 03:10:00)]"
            + " was greater than or equal to the threshold (85.0) (minimum 1 datapoint for OK -> ALARM transition).";

    private final AlarmEventDecoder decoder = new AlarmEventDecoder();

    // ---- expected values ---------------------------------------------------------------------------------------

    static AlarmMetric fiveXxMetric(String id) {
        return new AlarmMetric(id, "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count",
                Map.of("LoadBalancer", LB, "TargetGroup", TG), "Sum", 60, null, null);
    }

    static AlarmStateChange fiveXxAlarm(DeliveryShape shape, String metricId) {
        return new AlarmStateChange(FIVE_XX_ARN, "checkout-api-5xx-high", FIVE_XX_DESCRIPTION, ACCOUNT, "eu-west-1",
                AlarmKind.METRIC, AlarmState.ALARM, AlarmState.OK, FIVE_XX_ALARM_REASON, FIVE_XX_ALARM_AT,
                List.of(fiveXxMetric(metricId)), List.of(), shape);
    }

    static AlarmStateChange fiveXxOk(DeliveryShape shape, String metricId) {
        return new AlarmStateChange(FIVE_XX_ARN, "checkout-api-5xx-high", FIVE_XX_DESCRIPTION, ACCOUNT, "eu-west-1",
                AlarmKind.METRIC, AlarmState.OK, AlarmState.ALARM, FIVE_XX_OK_REASON, FIVE_XX_OK_AT,
                List.of(fiveXxMetric(metricId)), List.of(), shape);
    }

    static AlarmStateChange errorRateAlarm(DeliveryShape shape) {
        return new AlarmStateChange(ERROR_RATE_ARN, "checkout-api-error-rate",
                "Share of checkout requests answered with a 5xx above 5% for 2 minutes.", ACCOUNT, "eu-west-1",
                AlarmKind.METRIC, AlarmState.ALARM, AlarmState.OK, ERROR_RATE_REASON,
                Instant.parse("2025-03-14T09:27:12.409Z"),
                List.of(new AlarmMetric("e1", null, null, Map.of(), null, null,
                                "IF(requests > 0, 100 * errors / requests, 0)", "Checkout 5xx error rate (%)"),
                        new AlarmMetric("errors", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count",
                                Map.of("LoadBalancer", LB), "Sum", 60, null, null),
                        new AlarmMetric("requests", "AWS/ApplicationELB", "RequestCount",
                                Map.of("LoadBalancer", LB), "Sum", 60, null, null)),
                List.of(), shape);
    }

    static AlarmStateChange degradedAlarm(DeliveryShape shape) {
        return new AlarmStateChange(DEGRADED_ARN, "checkout-degraded", null, ACCOUNT, "eu-west-1",
                AlarmKind.COMPOSITE, AlarmState.ALARM, AlarmState.OK,
                FIVE_XX_ARN + " transitioned to ALARM at Friday 14 March, 2025 09:26:41 UTC",
                Instant.parse("2025-03-14T09:26:42.051Z"), List.of(), List.of(FIVE_XX_ARN), shape);
    }

    static AlarmStateChange paymentsDbAlarm(DeliveryShape shape, String metricId) {
        return new AlarmStateChange(PAYMENTS_DB_ARN, "payments-db-cpu", null, OTHER_ACCOUNT, "ap-southeast-2",
                AlarmKind.METRIC, AlarmState.ALARM, AlarmState.INSUFFICIENT_DATA, PAYMENTS_DB_REASON,
                Instant.parse("2025-06-02T03:15:27.904Z"),
                List.of(new AlarmMetric(metricId, "AWS/RDS", "CPUUtilization",
                        Map.of("DBInstanceIdentifier", "payments-prod-1"), "Average", 300, null, null)),
                List.of(), shape);
    }

    // ---- alarm action ------------------------------------------------------------------------------------------

    @Nested
    class AlarmAction {

        @Test
        void decode_shouldReadEveryField_whenMetricAlarmInvokesTheFunction() {
            // WHEN
            List<AlarmStateChange> changes = decode("alarm-action/metric-alarm.json");

            // THEN
            assertThat(changes).containsExactly(
                    fiveXxAlarm(DeliveryShape.ALARM_ACTION, "5f1d2e3c-8a7b-4c6d-9e0f-1a2b3c4d5e6f"));
        }

        @Test
        void decode_shouldReadOkTransition_whenAlarmRecovers() {
            assertThat(decode("alarm-action/ok.json")).containsExactly(
                    fiveXxOk(DeliveryShape.ALARM_ACTION, "5f1d2e3c-8a7b-4c6d-9e0f-1a2b3c4d5e6f"));
        }

        @Test
        void decode_shouldReadExpressionAndLabel_whenMetricMathAlarmInvokesTheFunction() {
            assertThat(decode("alarm-action/metric-math-alarm.json"))
                    .containsExactly(errorRateAlarm(DeliveryShape.ALARM_ACTION));
        }

        @Test
        void decode_shouldReadCompositeTriggeringAlarms_whenReasonDataIsAJsonString() {
            // WHEN
            AlarmStateChange change = decodeOne("alarm-action/composite-alarm.json");

            // THEN
            assertThat(change).isEqualTo(degradedAlarm(DeliveryShape.ALARM_ACTION));
            assertThat(change.kind()).isEqualTo(AlarmKind.COMPOSITE);
            assertThat(change.triggeringAlarms()).containsExactly(FIVE_XX_ARN);
            assertThat(change.metrics()).isEmpty();
        }

        @Test
        void decode_shouldTakeAccountFromArn_whenAccountIdIsAbsent() {
            // GIVEN
            String json = """
                    {"source":"aws.cloudwatch","alarmArn":"%s",
                     "alarmData":{"alarmName":"checkout-api-5xx-high",
                       "state":{"value":"ALARM","timestamp":"2025-03-14T09:26:41.733+0000"}}}
                    """.formatted(FIVE_XX_ARN);

            // WHEN
            AlarmStateChange change = decodeOne(json.getBytes(StandardCharsets.UTF_8));

            // THEN
            assertThat(change.accountId()).isEqualTo(ACCOUNT);
            assertThat(change.region()).isEqualTo("eu-west-1");
            assertThat(change.previousState()).isNull();
            assertThat(change.reason()).isNull();
            assertThat(change.description()).isNull();
            assertThat(change.metrics()).isEmpty();
        }
    }

    // ---- EventBridge -------------------------------------------------------------------------------------------

    @Nested
    class EventBridge {

        @Test
        void decode_shouldReadEveryField_whenSingleMetricAlarmChangesState() {
            assertThat(decode("eventbridge/metric-alarm.json")).containsExactly(
                    fiveXxAlarm(DeliveryShape.EVENTBRIDGE, "5f1d2e3c-8a7b-4c6d-9e0f-1a2b3c4d5e6f"));
        }

        @Test
        void decode_shouldReadExpressionAndLabel_whenMetricMathAlarmChangesState() {
            assertThat(decode("eventbridge/metric-math-alarm.json"))
                    .containsExactly(errorRateAlarm(DeliveryShape.EVENTBRIDGE));
        }

        @Test
        void decode_shouldReadCompositeTriggeringAlarms_whenReasonDataIsAJsonString() {
            assertThat(decode("eventbridge/composite-alarm.json"))
                    .containsExactly(degradedAlarm(DeliveryShape.EVENTBRIDGE));
        }

        @Test
        void decode_shouldReadInsufficientData_whenAlarmLosesItsDatapoints() {
            AlarmStateChange change = decodeOne("eventbridge/insufficient-data.json");

            assertThat(change).isEqualTo(new AlarmStateChange(
                    "arn:aws:cloudwatch:us-east-1:210987654321:alarm:orders-queue-depth", "orders-queue-depth",
                    "More than 500 orders waiting in the intake queue for 5 minutes.", OTHER_ACCOUNT, "us-east-1",
                    AlarmKind.METRIC, AlarmState.INSUFFICIENT_DATA, AlarmState.OK,
                    "Insufficient Data: 5 datapoints were unknown.", Instant.parse("2025-07-19T23:58:30.006Z"),
                    List.of(new AlarmMetric("e27c4a9f-6b3d-4f1e-8c2a-5d7b9e1f3a6c", "AWS/SQS",
                            "ApproximateNumberOfMessagesVisible", Map.of("QueueName", "orders-intake"), "Maximum", 60,
                            null, null)),
                    List.of(), DeliveryShape.EVENTBRIDGE));
        }

        @Test
        void decode_shouldKeepDescriptionNull_whenConfigurationDescriptionIsNull() {
            AlarmStateChange change = decodeOne("eventbridge/null-description.json");

            assertThat(change.description()).isNull();
            assertThat(change).isEqualTo(
                    paymentsDbAlarm(DeliveryShape.EVENTBRIDGE, "b83f5d1e-0c2a-4e7b-9f6d-3a1c5e7b9d0f"));
        }

        @Test
        void decode_shouldReadBandExpression_whenAnomalyDetectionAlarmChangesState() {
            AlarmStateChange change = decodeOne("eventbridge/anomaly-detection-alarm.json");

            assertThat(change.metrics()).containsExactly(
                    new AlarmMetric("m1", "AWS/ApplicationELB", "TargetResponseTime",
                            Map.of("LoadBalancer", "app/search-prod/0a1b2c3d4e5f6071"), "p90", 300, null, null),
                    new AlarmMetric("ad1", null, null, Map.of(), null, null,
                            "ANOMALY_DETECTION_BAND(m1, 2)", "TargetResponseTime (expected)"));
            assertThat(change.kind()).isEqualTo(AlarmKind.METRIC);
            assertThat(change.region()).isEqualTo("us-east-1");
            assertThat(change.stateTimestamp()).isEqualTo(Instant.parse("2025-08-05T14:02:09.322Z"));
        }

        @Test
        void decode_shouldAcceptZuluTimestamps_whenStateTimestampEndsInZ() {
            String json = """
                    {"detail-type":"CloudWatch Alarm State Change","source":"aws.cloudwatch","account":"%s",
                     "resources":["%s"],
                     "detail":{"alarmName":"checkout-api-5xx-high","state":{"value":"OK","timestamp":"2025-03-14T09:41:03.067Z"}}}
                    """.formatted(ACCOUNT, FIVE_XX_ARN);

            assertThat(decodeOne(json.getBytes(StandardCharsets.UTF_8)).stateTimestamp()).isEqualTo(FIVE_XX_OK_AT);
        }
    }

    // ---- SNS ---------------------------------------------------------------------------------------------------

    @Nested
    class Sns {

        @Test
        void decode_shouldTakeRegionCodeFromAlarmArn_whenRegionIsADisplayName() {
            // WHEN
            AlarmStateChange change = decodeOne("sns/metric-alarm.json");

            // THEN the message says "EU (Ireland)"; the ARN says eu-west-1. SNS spells the statistic "SUM".
            assertThat(change).isEqualTo(fiveXxAlarm(DeliveryShape.SNS, null));
            assertThat(change.region()).isEqualTo("eu-west-1");
            assertThat(change.metrics().get(0).stat()).isEqualTo("Sum");
        }

        @Test
        void decode_shouldReadOkTransition_whenAlarmRecovers() {
            assertThat(decode("sns/ok.json")).containsExactly(fiveXxOk(DeliveryShape.SNS, null));
        }

        @Test
        void decode_shouldReadTriggerMetrics_whenMultiMetricAlarmNotifies() {
            assertThat(decode("sns/multi-metric-alarm.json")).containsExactly(errorRateAlarm(DeliveryShape.SNS));
        }

        @Test
        void decode_shouldReadTriggeringChildren_whenCompositeAlarmNotifies() {
            assertThat(decode("sns/composite-alarm.json")).containsExactly(degradedAlarm(DeliveryShape.SNS));
        }

        @Test
        void decode_shouldReturnOneChangePerRecord_whenEventCarriesTwoRecords() {
            // WHEN
            List<AlarmStateChange> changes = decode("sns/two-records.json");

            // THEN
            assertThat(changes).hasSize(2);
            assertThat(changes.get(0)).isEqualTo(paymentsDbAlarm(DeliveryShape.SNS, null));
            assertThat(changes.get(1)).isEqualTo(new AlarmStateChange(
                    "arn:aws:cloudwatch:ap-southeast-2:210987654321:alarm:payments-api-latency-p99",
                    "payments-api-latency-p99", "p99 latency of the payments API above 1.5 s.", OTHER_ACCOUNT,
                    "ap-southeast-2", AlarmKind.METRIC, AlarmState.ALARM, AlarmState.OK,
                    "Threshold Crossed: 2 out of the last 3 datapoints [2.84 (02/06/25 03:15:00), 1.97 (02/06/25 03:14:00)]"
                            + " were greater than the threshold (1.5) (minimum 2 datapoints for OK -> ALARM transition).",
                    Instant.parse("2025-06-02T03:16:04.551Z"),
                    List.of(new AlarmMetric(null, "AWS/ApplicationELB", "TargetResponseTime",
                            Map.of("LoadBalancer", "app/payments-api-prod/4e5f6a7b8c9d0e1f"), "p99", 60, null, null)),
                    List.of(), DeliveryShape.SNS));
        }

        @Test
        void decode_shouldAskForAnObject_whenSnsMessageIsOtherJson() {
            String json = """
                    {"Records":[{"EventSource":"aws:sns","Sns":{"Type":"Notification","Message":"[\\"ALARM\\"]"}}]}
                    """;

            assertThatThrownBy(() -> decoder.decode(json.getBytes(StandardCharsets.UTF_8)))
                    .isExactlyInstanceOf(MalformedAlarmException.class)
                    .hasMessage("SNS alarm event: Records[0].Sns.Message holds a JSON array, expected a JSON object");
        }
    }

    // ---- across shapes -----------------------------------------------------------------------------------------

    static Stream<Arguments> sameTransitionInSeveralShapes() {
        return Stream.of(
                Arguments.of("checkout-api-5xx-high ALARM", List.of(
                        "alarm-action/metric-alarm.json", "eventbridge/metric-alarm.json", "sns/metric-alarm.json")),
                Arguments.of("checkout-api-5xx-high OK", List.of("alarm-action/ok.json", "sns/ok.json")),
                Arguments.of("checkout-api-error-rate ALARM", List.of("alarm-action/metric-math-alarm.json",
                        "eventbridge/metric-math-alarm.json", "sns/multi-metric-alarm.json")),
                Arguments.of("checkout-degraded ALARM", List.of("alarm-action/composite-alarm.json",
                        "eventbridge/composite-alarm.json", "sns/composite-alarm.json")),
                Arguments.of("payments-db-cpu ALARM", List.of(
                        "eventbridge/null-description.json", "sns/two-records.json#0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sameTransitionInSeveralShapes")
    void decode_shouldGiveEqualEventKeysAndContent_whenOneTransitionArrivesInDifferentShapes(
            String transition, List<String> fixtures) {
        // WHEN
        List<AlarmStateChange> changes = fixtures.stream().map(this::decodeFixtureRef).toList();

        // THEN the dedup key is the same, and so is everything but the delivery shape and generated metric ids
        assertThat(changes).extracting(AlarmStateChange::eventKey).containsOnly(changes.get(0).eventKey());
        assertThat(changes).extracting(AlarmStateChange::deliveredBy).doesNotHaveDuplicates();
        assertThat(changes).map(AlarmEventDecoderTest::withoutDeliveryDetails)
                .containsOnly(withoutDeliveryDetails(changes.get(0)));
    }

    @Test
    void decode_shouldGiveDifferentEventKeys_whenSameAlarmChangesStateTwice() {
        assertThat(decodeOne("alarm-action/metric-alarm.json").eventKey())
                .isNotEqualTo(decodeOne("alarm-action/ok.json").eventKey());
    }

    @Test
    void decode_shouldReadTheSameChange_whenGivenBytesOrAStream() throws IOException {
        byte[] bytes;
        try (InputStream in = fixture("eventbridge/composite-alarm.json")) {
            bytes = in.readAllBytes();
        }
        assertThat(decoder.decode(bytes)).isEqualTo(decoder.decode(new ByteArrayInputStream(bytes)));
    }

    // ---- malformed fixtures --------------------------------------------------------------------------------------

    static Stream<Arguments> malformedFixtures() {
        return Stream.of(
                Arguments.of("unknown-shape.json", "payload is a JSON object of no known alarm shape (expected an alarm"
                        + " action with alarmData, an EventBridge event with detail-type 'CloudWatch Alarm State Change',"
                        + " or an SNS event with Records[].Sns); its top-level fields are: awslogs"),
                Arguments.of("array-of-events.json", "payload is a JSON array, expected a JSON object"),
                Arguments.of("eventbridge-bad-state.json", "EventBridge alarm event: detail.state.value is 'BROKEN',"
                        + " expected one of OK, ALARM, INSUFFICIENT_DATA"),
                Arguments.of("eventbridge-configuration-change.json", "EventBridge alarm event: detail-type is"
                        + " 'CloudWatch Alarm Configuration Change', expected 'CloudWatch Alarm State Change'"),
                Arguments.of("eventbridge-period-not-a-number.json", "EventBridge alarm event:"
                        + " detail.configuration.metrics[0].metricStat.period is a string ('sixty'), expected a whole number"),
                Arguments.of("metric-without-stat-or-expression.json", "EventBridge alarm event:"
                        + " detail.configuration.metrics[0] has neither metricStat nor expression"),
                Arguments.of("alarm-action-missing-timestamp.json",
                        "Alarm action event: alarmData.state.timestamp is missing"),
                Arguments.of("alarm-action-not-an-alarm-arn.json", "Alarm action event: alarmArn: alarm ARN"
                        + " 'arn:aws:sns:eu-west-1:123456789012:firebell-alarms' is not of the form"),
                Arguments.of("composite-reason-data-not-json.json",
                        "Alarm action event: alarmData.state.reasonData is not JSON"),
                Arguments.of("sns-message-not-json.json", "SNS alarm event: Records[0].Sns.Message is not JSON"),
                Arguments.of("sns-message-not-an-alarm.json", "SNS alarm event: Records[0].Sns.Message"
                        + " (MessageId '51a8f0c2-7e3d-5b9a-a4c6-1d2e3f4a5b6c', TopicArn"
                        + " 'arn:aws:sns:eu-west-1:123456789012:firebell-alarms', Subject 'Amazon S3 Notification')"
                        + " is not a CloudWatch alarm notification"),
                Arguments.of("sns-message-without-alarm-arn.json",
                        "SNS alarm event: Records[0].Sns.Message.AlarmArn is missing"),
                Arguments.of("sns-bad-timestamp.json", "SNS alarm event: Records[0].Sns.Message.StateChangeTime"
                        + " 'Friday 14 March, 2025 09:26:41 UTC' is not a timestamp"),
                Arguments.of("sns-second-record-bad-state.json", "SNS alarm event: Records[1].Sns.Message.NewStateValue"
                        + " is 'FIRING', expected one of OK, ALARM, INSUFFICIENT_DATA"),
                Arguments.of("sqs-event.json",
                        "SNS alarm event: Records[0].Sns is missing (EventSource is 'aws:sqs'): not an SNS record"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFixtures")
    void decode_shouldNameShapeFieldAndProblem_whenFixtureIsMalformed(String fixture, String expectedMessage) {
        assertThatThrownBy(() -> decode("malformed/" + fixture))
                .isExactlyInstanceOf(MalformedAlarmException.class)
                .hasMessageStartingWith(expectedMessage);
    }

    // ---- degenerate input --------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t\r "})
    void decode_shouldSayPayloadIsEmpty_whenItHasNoContent(String payload) {
        assertThatThrownBy(() -> decoder.decode(payload.getBytes(StandardCharsets.UTF_8)))
                .isExactlyInstanceOf(MalformedAlarmException.class)
                .hasMessage("payload is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "[]", "[{}]", "42", "\"ALARM\"", "true"})
    void decode_shouldAskForAnObject_whenPayloadIsAnotherJsonValue(String payload) {
        assertThatThrownBy(() -> decoder.decode(payload.getBytes(StandardCharsets.UTF_8)))
                .isExactlyInstanceOf(MalformedAlarmException.class)
                .hasMessageStartingWith("payload is ")
                .hasMessageContaining("expected a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"Records\": [", "not json at all", "{} {}", "{\"a\":1}}", "{'single':'quotes'}"})
    void decode_shouldSayPayloadIsNotJson_whenItIsBroken(String payload) {
        assertThatThrownBy(() -> decoder.decode(payload.getBytes(StandardCharsets.UTF_8)))
                .isExactlyInstanceOf(MalformedAlarmException.class)
                .hasMessageStartingWith("payload is not JSON: ");
    }

    @Test
    void decode_shouldSayWhereJsonBreaks_whenPayloadIsTruncated() {
        assertThatThrownBy(() -> decoder.decode("{\"Records\": [\n  {\"Sns\": {".getBytes(StandardCharsets.UTF_8)))
                .isExactlyInstanceOf(MalformedAlarmException.class)
                .hasMessageStartingWith("payload is not JSON: Unexpected end-of-input")
                .hasMessageEndingWith("(line 2, column 12)");
    }

    @Test
    void decode_shouldListTopLevelFields_whenObjectIsEmpty() {
        assertThatThrownBy(() -> decoder.decode("{}".getBytes(StandardCharsets.UTF_8)))
                .isExactlyInstanceOf(MalformedAlarmException.class)
                .hasMessageEndingWith("its top-level fields are: (none)");
    }

    @Test
    void decode_shouldRejectBinaryGarbage_whenPayloadIsNotText() {
        byte[] garbage = {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80, (byte) 0xc3, 0x28, 0x7b};
        assertThatThrownBy(() -> decoder.decode(garbage))
                .isExactlyInstanceOf(MalformedAlarmException.class)
                .hasMessageStartingWith("payload is not JSON");
    }

    @Test
    void decode_shouldRefuseBeforeParsing_whenPayloadExceedsTheLimit() {
        AlarmEventDecoder small = new AlarmEventDecoder(64);
        byte[] payload = ("{\"alarmData\":\"" + "x".repeat(100) + "\"}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> small.decode(new ByteArrayInputStream(payload)))
                .isExactlyInstanceOf(MalformedAlarmException.class)
                .hasMessageStartingWith("payload is larger than 64 bytes");
        assertThatThrownBy(() -> small.decode(payload))
                .isExactlyInstanceOf(MalformedAlarmException.class)
                .hasMessageStartingWith("payload is larger than 64 bytes");
    }

    @Test
    void decode_shouldKeepMessageShort_whenAFieldHoldsAHugeString() {
        String huge = "A".repeat(500_000);
        String json = """
                {"detail-type":"CloudWatch Alarm State Change","source":"aws.cloudwatch","resources":["%s"],
                 "detail":{"alarmName":"checkout-api-5xx-high","state":{"value":"%s","timestamp":"2025-03-14T09:41:03.067Z"}}}
                """.formatted(FIVE_XX_ARN, huge);

        assertThatThrownBy(() -> decoder.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isExactlyInstanceOf(MalformedAlarmException.class)
                .hasMessageStartingWith("EventBridge alarm event: detail.state.value is 'AAAA")
                .hasMessageContaining("(500000 characters)")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
    }

    @Test
    void decode_shouldRejectDeepNesting_whenPayloadIsAThousandsDeepArray() {
        byte[] payload = ("[".repeat(200_000) + "]".repeat(200_000)).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> decoder.decode(payload))
                .isExactlyInstanceOf(MalformedAlarmException.class)
                .hasMessageStartingWith("payload is not JSON");
    }

    @Test
    void decode_shouldRejectNull_whenGivenNoPayload() {
        assertThatThrownBy(() -> decoder.decode((byte[]) null)).isExactlyInstanceOf(MalformedAlarmException.class);
        assertThatThrownBy(() -> decoder.decode((InputStream) null)).isExactlyInstanceOf(MalformedAlarmException.class);
    }

    @Test
    void decode_shouldReportIoFailure_whenStreamBreaks() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertThatThrownBy(() -> decoder.decode(broken)).isInstanceOf(UncheckedIOException.class);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** Equal for two deliveries of one transition: drops the shape and metric ids (SNS single-metric has none). */
    static AlarmStateChange withoutDeliveryDetails(AlarmStateChange change) {
        List<AlarmMetric> metrics = change.metrics().stream()
                .map(m -> new AlarmMetric(null, m.namespace(), m.name(), m.dimensions(), m.stat(), m.periodSeconds(),
                        m.expression(), m.label()))
                .toList();
        return new AlarmStateChange(change.alarmArn(), change.alarmName(), change.description(), change.accountId(),
                change.region(), change.kind(), change.state(), change.previousState(), change.reason(),
                change.stateTimestamp(), metrics, change.triggeringAlarms(), DeliveryShape.ALARM_ACTION);
    }

    /** {@code sns/two-records.json#0} is record 0 of that file; a plain name must decode to exactly one change. */
    private AlarmStateChange decodeFixtureRef(String ref) {
        int hash = ref.indexOf('#');
        if (hash < 0) {
            return decodeOne(ref);
        }
        return decode(ref.substring(0, hash)).get(Integer.parseInt(ref.substring(hash + 1)));
    }

    private List<AlarmStateChange> decode(String fixture) {
        try (InputStream in = fixture(fixture)) {
            return decoder.decode(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AlarmStateChange decodeOne(String fixture) {
        List<AlarmStateChange> changes = decode(fixture);
        assertThat(changes).hasSize(1);
        return changes.get(0);
    }

    private AlarmStateChange decodeOne(byte[] payload) {
        List<AlarmStateChange> changes = decoder.decode(payload);
        assertThat(changes).hasSize(1);
        return changes.get(0);
    }

    static InputStream fixture(String name) {
        InputStream in = AlarmEventDecoderTest.class.getResourceAsStream("/events/" + name);
        if (in == null) {
            throw new IllegalArgumentException("no fixture events/" + name);
        }
        return in;
    }
}
