package dev.firebell.function.alarm;

import dev.firebell.alarm.AlarmArn;
import dev.firebell.alarm.AlarmKind;
import dev.firebell.alarm.AlarmMetric;
import dev.firebell.alarm.AlarmState;
import dev.firebell.alarm.AlarmStateChange;
import dev.firebell.alarm.AlarmTimestamps;
import dev.firebell.alarm.DeliveryShape;
import dev.firebell.alarm.MalformedAlarmException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the raw payload a Lambda function receives when a CloudWatch alarm changes state into
 * {@link AlarmStateChange}s, whichever of the three delivery shapes brought it:
 * <ol>
 *   <li>{@link DeliveryShape#ALARM_ACTION}: the alarm invokes the function directly
 *       ({@code source, alarmArn, accountId, time, region, alarmData{...}});</li>
 *   <li>{@link DeliveryShape#EVENTBRIDGE}: the "CloudWatch Alarm State Change" event
 *       ({@code detail-type, source, account, resources[alarmArn], detail{...}});</li>
 *   <li>{@link DeliveryShape#SNS}: an SNS event whose {@code Records[].Sns.Message} is the alarm notification as a
 *       JSON string ({@code AlarmName, NewStateValue, StateChangeTime, AlarmArn, Trigger...}), one change per record.</li>
 * </ol>
 * The raw JSON is read (no aws-lambda-java-events classes: they drop {@code reasonData} and metric-math
 * {@code expression}/{@code label}). Unknown fields are ignored. The region always comes from the alarm ARN,
 * because SNS only carries a display name such as "EU (Ireland)".
 *
 * <p>Anything unreadable throws {@link MalformedAlarmException} whose message names the shape (when recognised),
 * the field path and the problem, e.g. {@code EventBridge alarm event: detail.state.value is 'BROKEN', expected one
 * of OK, ALARM, INSUFFICIENT_DATA}. No other exception escapes for any input bytes. Thread-safe and stateless.
 */
public final class AlarmEventDecoder {

    /** Larger than any alarm event (SNS messages stop at 256 KiB); a bigger payload is refused before parsing. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;

    static final String ALARM_ACTION = "Alarm action event";
    static final String EVENTBRIDGE = "EventBridge alarm event";
    static final String SNS = "SNS alarm event";

    static final String STATE_CHANGE_DETAIL_TYPE = "CloudWatch Alarm State Change";
    private static final String CLOUDWATCH_SOURCE = "aws.cloudwatch";

    /** Alarm ARNs are at most 1600 characters (DescribeAlarms); anything much longer is not one. */
    private static final int MAX_ARN_LENGTH = 2048;

    /** SNS notifications spell statistics the old way; the other shapes use the CloudWatch API spelling. */
    private static final Map<String, String> SNS_STATISTICS = Map.of(
            "AVERAGE", "Average",
            "SUM", "Sum",
            "SAMPLE_COUNT", "SampleCount",
            "MINIMUM", "Minimum",
            "MAXIMUM", "Maximum");

    private final int maxPayloadBytes;

    public AlarmEventDecoder() {
        this(DEFAULT_MAX_PAYLOAD_BYTES);
    }

    public AlarmEventDecoder(int maxPayloadBytes) {
        if (maxPayloadBytes < 1 || maxPayloadBytes == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxPayloadBytes must be between 1 and " + (Integer.MAX_VALUE - 1));
        }
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /**
     * Reads at most {@code maxPayloadBytes + 1} bytes from {@code payload} (the stream is not closed) and decodes them.
     *
     * @throws MalformedAlarmException the payload is not an alarm state change this decoder understands
     * @throws UncheckedIOException    the stream itself failed
     */
    public List<AlarmStateChange> decode(InputStream payload) {
        if (payload == null) {
            throw new MalformedAlarmException("payload is missing");
        }
        byte[] bytes;
        try {
            bytes = payload.readNBytes(maxPayloadBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the alarm payload", e);
        }
        return decode(bytes);
    }

    /**
     * Decodes one raw payload into the state change(s) it carries: one for an alarm action or EventBridge event,
     * one per record for an SNS event. Never returns an empty list.
     *
     * @throws MalformedAlarmException the payload is not an alarm state change this decoder understands
     */
    public List<AlarmStateChange> decode(byte[] payload) {
        if (payload == null) {
            throw new MalformedAlarmException("payload is missing");
        }
        if (payload.length > maxPayloadBytes) {
            throw new MalformedAlarmException("payload is larger than " + maxPayloadBytes
                    + " bytes, the most this decoder accepts; no alarm event is that big");
        }
        Object tree = JsonObject.parse(payload, null, "payload");
        if (!(tree instanceof Map)) {
            throw new MalformedAlarmException("payload is " + JsonObject.jsonType(tree) + ", expected a JSON object"
                    + " (an alarm action, an EventBridge event or an SNS event)");
        }
        JsonObject root = JsonObject.root(castMap(tree));
        if (root.has("Records")) {
            return decodeSns(root.as(SNS));
        }
        if (root.has("detail-type")) {
            return List.of(decodeEventBridge(root.as(EVENTBRIDGE)));
        }
        if (root.has("alarmData")) {
            return List.of(decodeAlarmAction(root.as(ALARM_ACTION)));
        }
        throw new MalformedAlarmException("payload is a JSON object of no known alarm shape (expected an alarm action"
                + " with alarmData, an EventBridge event with detail-type '" + STATE_CHANGE_DETAIL_TYPE
                + "', or an SNS event with Records[].Sns); its top-level fields are: " + fieldList(root));
    }

    // ---- 1. alarm action ---------------------------------------------------------------------------------------

    private AlarmStateChange decodeAlarmAction(JsonObject event) {
        String source = event.optionalString("source");
        if (source != null && !CLOUDWATCH_SOURCE.equals(source)) {
            throw event.fail("source is " + JsonObject.quote(source) + ", expected '" + CLOUDWATCH_SOURCE + "'");
        }
        String arnText = event.requireText("alarmArn");
        AlarmArn arn = parseArn(event, event.pathOf("alarmArn"), arnText);
        String account = orElse(event.optionalText("accountId"), arn.accountId());
        return decodeAlarmData(event.requireObject("alarmData"), arnText, arn, account, DeliveryShape.ALARM_ACTION);
    }

    // ---- 2. EventBridge ----------------------------------------------------------------------------------------

    private AlarmStateChange decodeEventBridge(JsonObject event) {
        String detailType = event.requireText("detail-type");
        if (!STATE_CHANGE_DETAIL_TYPE.equals(detailType)) {
            throw event.fail("detail-type is " + JsonObject.quote(detailType) + ", expected '"
                    + STATE_CHANGE_DETAIL_TYPE + "' (the only CloudWatch event that reports an alarm state change)");
        }
        String source = event.requireText("source");
        if (!CLOUDWATCH_SOURCE.equals(source)) {
            throw event.fail("source is " + JsonObject.quote(source) + ", expected '" + CLOUDWATCH_SOURCE + "'");
        }
        JsonArray resources = event.requireArray("resources");
        if (resources.isEmpty()) {
            throw event.fail("resources is empty, expected the alarm ARN");
        }
        String arnText = resources.text(0);
        AlarmArn arn = parseArn(event, resources.pathOf(0), arnText);
        String account = orElse(event.optionalText("account"), arn.accountId());
        return decodeAlarmData(event.requireObject("detail"), arnText, arn, account, DeliveryShape.EVENTBRIDGE);
    }

    // ---- shared by 1 and 2: alarmData / detail -------------------------------------------------------------------

    private AlarmStateChange decodeAlarmData(
            JsonObject data, String arnText, AlarmArn arn, String account, DeliveryShape shape) {
        String name = data.requireText("alarmName");
        JsonObject state = data.requireObject("state");
        AlarmState value = state.requireParsed("value", AlarmState::parse);
        String reason = state.optionalText("reason");
        Instant timestamp = state.requireParsed("timestamp", AlarmTimestamps::parse);

        // Absent in some events (e.g. the first evaluation of a multi time series alarm); reasonData may be absent too.
        JsonObject previousState = data.optionalObject("previousState");
        AlarmState previous = previousState == null ? null : previousState.requireParsed("value", AlarmState::parse);

        JsonObject configuration = data.optionalObject("configuration");
        String description = configuration == null ? null : configuration.optionalText("description");
        boolean composite = configuration != null && configuration.has("alarmRule");

        List<AlarmMetric> metrics = List.of();
        List<String> triggeringAlarms = List.of();
        if (composite) {
            triggeringAlarms = triggeringAlarms(state);
        } else if (configuration != null) {
            metrics = metrics(configuration.optionalArray("metrics"));
        }
        return new AlarmStateChange(arnText, name, description, account, arn.region(),
                composite ? AlarmKind.COMPOSITE : AlarmKind.METRIC, value, previous, reason, timestamp,
                metrics, triggeringAlarms, shape);
    }

    /** A composite alarm's {@code state.reasonData} is a JSON string: {@code {"triggeringAlarms":[{"arn":..}]}}. */
    private List<String> triggeringAlarms(JsonObject state) {
        if (state.optionalText("reasonData") == null) {
            return List.of();
        }
        JsonObject reasonData = state.requireEmbeddedObject("reasonData");
        JsonArray alarms = reasonData.optionalArray("triggeringAlarms");
        List<String> arns = new ArrayList<>();
        for (int i = 0; alarms != null && i < alarms.size(); i++) {
            JsonObject alarm = alarms.object(i);
            String arn = alarm.requireText("arn");
            parseArn(alarm, alarm.pathOf("arn"), arn);
            arns.add(arn);
        }
        return arns;
    }

    /** {@code configuration.metrics[]}: each entry has a {@code metricStat} or an {@code expression}. */
    private List<AlarmMetric> metrics(JsonArray entries) {
        List<AlarmMetric> metrics = new ArrayList<>();
        for (int i = 0; entries != null && i < entries.size(); i++) {
            JsonObject entry = entries.object(i);
            String id = entry.optionalText("id");
            String label = entry.optionalText("label");
            JsonObject metricStat = entry.optionalObject("metricStat");
            if (metricStat != null) {
                JsonObject metric = metricStat.requireObject("metric");
                JsonObject dimensions = metric.optionalObject("dimensions");
                metrics.add(new AlarmMetric(id, metric.requireText("namespace"), metric.requireText("name"),
                        dimensions == null ? Map.of() : dimensions.asStringMap(),
                        metricStat.optionalText("stat"), metricStat.optionalInt("period"), null, label));
            } else {
                String expression = entry.optionalText("expression");
                if (expression == null) {
                    throw entry.fail(entry.path() + " has neither metricStat nor expression");
                }
                // Metrics Insights queries carry their period on the entry itself.
                metrics.add(new AlarmMetric(id, null, null, Map.of(), null, entry.optionalInt("period"),
                        expression, label));
            }
        }
        return metrics;
    }

    // ---- 3. SNS ------------------------------------------------------------------------------------------------

    private List<AlarmStateChange> decodeSns(JsonObject event) {
        JsonArray records = event.requireArray("Records");
        if (records.isEmpty()) {
            throw event.fail("Records is empty, expected at least one SNS record");
        }
        List<AlarmStateChange> changes = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            JsonObject record = records.object(i);
            JsonObject sns = record.optionalObject("Sns");
            if (sns == null) {
                // SNS records spell it EventSource; SQS, S3, DynamoDB and Kinesis records spell it eventSource.
                String eventSource = orElse(safeText(record, "EventSource"), safeText(record, "eventSource"));
                throw record.fail(record.pathOf("Sns") + " is missing"
                        + (eventSource == null ? "" : " (EventSource is " + JsonObject.quote(eventSource) + ")")
                        + ": not an SNS record");
            }
            changes.add(decodeSnsNotification(sns));
        }
        return changes;
    }

    private AlarmStateChange decodeSnsNotification(JsonObject sns) {
        JsonObject message = sns.requireEmbeddedObject("Message");
        if (!message.has("AlarmName") && !message.has("NewStateValue") && !message.has("AlarmArn")) {
            throw message.fail(message.path() + describeRecord(sns) + " is not a CloudWatch alarm notification:"
                    + " it has none of AlarmName, NewStateValue, AlarmArn (its fields are: " + fieldList(message) + ")");
        }
        String arnText = message.requireText("AlarmArn");
        AlarmArn arn = parseArn(message, message.pathOf("AlarmArn"), arnText);
        String name = message.requireText("AlarmName");
        AlarmState state = message.requireParsed("NewStateValue", AlarmState::parse);
        AlarmState previous = message.optionalParsed("OldStateValue", AlarmState::parse);
        Instant timestamp = message.requireParsed("StateChangeTime", AlarmTimestamps::parse);
        String account = orElse(message.optionalText("AWSAccountId"), arn.accountId());

        boolean composite = message.has("AlarmRule") || message.has("TriggeringChildren");
        List<AlarmMetric> metrics = List.of();
        List<String> triggeringAlarms = List.of();
        if (composite) {
            triggeringAlarms = triggeringChildren(message.optionalArray("TriggeringChildren"));
        } else {
            metrics = snsMetrics(message.optionalObject("Trigger"));
        }
        return new AlarmStateChange(arnText, name, message.optionalText("AlarmDescription"), account, arn.region(),
                composite ? AlarmKind.COMPOSITE : AlarmKind.METRIC, state, previous,
                message.optionalText("NewStateReason"), timestamp, metrics, triggeringAlarms, DeliveryShape.SNS);
    }

    /** {@code TriggeringChildren[{Arn, State{Value, Timestamp}}]} of a composite alarm notification. */
    private List<String> triggeringChildren(JsonArray children) {
        List<String> arns = new ArrayList<>();
        for (int i = 0; children != null && i < children.size(); i++) {
            JsonObject child = children.object(i);
            String arn = child.requireText("Arn");
            parseArn(child, child.pathOf("Arn"), arn);
            arns.add(arn);
        }
        return arns;
    }

    /** {@code Trigger{MetricName, Namespace, Statistic, Period, Dimensions[]}} or {@code Trigger.Metrics[]}. */
    private List<AlarmMetric> snsMetrics(JsonObject trigger) {
        if (trigger == null) {
            return List.of();
        }
        JsonArray entries = trigger.optionalArray("Metrics");
        if (entries != null) {
            List<AlarmMetric> metrics = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                metrics.add(snsMetricEntry(entries.object(i)));
            }
            return metrics;
        }
        if (!trigger.has("MetricName")) {
            return List.of();
        }
        String stat = trigger.optionalText("Statistic");
        stat = stat != null ? SNS_STATISTICS.getOrDefault(stat, stat) : trigger.optionalText("ExtendedStatistic");
        return List.of(new AlarmMetric(null, trigger.requireText("Namespace"), trigger.requireText("MetricName"),
                dimensionList(trigger.optionalArray("Dimensions")), stat, trigger.optionalInt("Period"), null, null));
    }

    /** {@code {Id, MetricStat{Metric{Namespace, MetricName, Dimensions[]}, Period, Stat}}} or {@code {Id, Expression, Label}}. */
    private AlarmMetric snsMetricEntry(JsonObject entry) {
        String id = entry.optionalText("Id");
        String label = entry.optionalText("Label");
        JsonObject metricStat = entry.optionalObject("MetricStat");
        if (metricStat != null) {
            JsonObject metric = metricStat.requireObject("Metric");
            return new AlarmMetric(id, metric.requireText("Namespace"), metric.requireText("MetricName"),
                    dimensionList(metric.optionalArray("Dimensions")), metricStat.optionalText("Stat"),
                    metricStat.optionalInt("Period"), null, label);
        }
        String expression = entry.optionalText("Expression");
        if (expression == null) {
            throw entry.fail(entry.path() + " has neither MetricStat nor Expression");
        }
        return new AlarmMetric(id, null, null, Map.of(), null, entry.optionalInt("Period"), expression, label);
    }

    /** SNS writes dimensions as {@code [{"value": "...", "name": "..."}]}. */
    private Map<String, String> dimensionList(JsonArray dimensions) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; dimensions != null && i < dimensions.size(); i++) {
            JsonObject dimension = dimensions.object(i);
            values.put(dimension.requireText("name"), dimension.requireString("value"));
        }
        return values;
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static AlarmArn parseArn(JsonObject owner, String path, String arn) {
        if (arn.length() > MAX_ARN_LENGTH) {
            throw owner.fail(path + " is " + arn.length() + " characters long, longer than any alarm ARN");
        }
        AlarmArn parsed;
        try {
            parsed = AlarmArn.parse(arn);
        } catch (MalformedAlarmException e) {
            throw owner.fail(path + ": " + e.getMessage(), e);
        }
        if (parsed.region().isBlank() || parsed.accountId().isBlank()) {
            throw owner.fail(path + " " + JsonObject.quote(arn) + " has no region or no account");
        }
        return parsed;
    }

    /** Names the SNS record in an error: its MessageId and Subject when they are readable. */
    private static String describeRecord(JsonObject sns) {
        List<String> parts = new ArrayList<>();
        Object messageId = safeText(sns, "MessageId");
        Object subject = safeText(sns, "Subject");
        Object topic = safeText(sns, "TopicArn");
        if (messageId != null) {
            parts.add("MessageId " + JsonObject.quote(messageId.toString()));
        }
        if (topic != null) {
            parts.add("TopicArn " + JsonObject.quote(topic.toString()));
        }
        if (subject != null) {
            parts.add("Subject " + JsonObject.quote(subject.toString()));
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static String safeText(JsonObject object, String key) {
        try {
            return object.optionalText(key);
        } catch (MalformedAlarmException e) {
            return null;
        }
    }

    private static String fieldList(JsonObject object) {
        List<String> keys = object.keys();
        if (keys.isEmpty()) {
            return "(none)";
        }
        String shown = keys.stream().limit(12).map(JsonObject::abbreviate).collect(Collectors.joining(", "));
        return keys.size() > 12 ? shown + ", ... (" + keys.size() + " fields)" : shown;
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object tree) {
        return (Map<String, Object>) tree;
    }
}
