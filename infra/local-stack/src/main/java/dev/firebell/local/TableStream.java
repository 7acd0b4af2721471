package dev.firebell.local;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A table's DynamoDB stream, read through the real {@code dynamodbstreams} API of the emulator and handed out as
 * the records of a Lambda DynamoDB event ({@code {"Records": [...]}}), which is what an event source mapping
 * would invoke the function with. Each {@link #read()} returns what was written since the previous one.
 */
public final class TableStream {

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final String region;
    private final Map<String, String> lastSequence = new HashMap<>();

    public TableStream(LocalStack stack, String streamArn) {
        this.streams = stack.configure(DynamoDbStreamsClient.builder()).build();
        this.streamArn = streamArn;
        this.region = stack.region().id();
    }

    /** Every record written since the previous read (the first read starts at the stream's beginning), in order. */
    public List<Map<String, Object>> read() {
        List<Map<String, Object>> out = new ArrayList<>();
        List<Shard> shards = streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards();
        for (Shard shard : shards) {
            String after = lastSequence.get(shard.shardId());
            String iterator = streams.getShardIterator(r -> {
                r.streamArn(streamArn).shardId(shard.shardId());
                if (after == null) {
                    r.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
                } else {
                    r.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after);
                }
            }).shardIterator();
            while (iterator != null) {
                String current = iterator;
                var page = streams.getRecords(r -> r.shardIterator(current));
                for (Record record : page.records()) {
                    out.add(lambdaRecord(record));
                    lastSequence.put(shard.shardId(), record.dynamodb().sequenceNumber());
                }
                iterator = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        return out;
    }

    /** A Lambda DynamoDB event of these records, as JSON bytes. */
    public static byte[] event(List<Map<String, Object>> records) {
        return Json.write(Map.of("Records", records)).getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, Object> lambdaRecord(Record r) {
        StreamRecord s = r.dynamodb();
        Map<String, Object> dynamodb = new LinkedHashMap<>();
        if (s.approximateCreationDateTime() != null) {
            dynamodb.put("ApproximateCreationDateTime", s.approximateCreationDateTime().getEpochSecond());
        }
        dynamodb.put("Keys", image(s.keys()));
        if (s.hasNewImage()) {
            dynamodb.put("NewImage", image(s.newImage()));
        }
        if (s.hasOldImage()) {
            dynamodb.put("OldImage", image(s.oldImage()));
        }
        dynamodb.put("SequenceNumber", s.sequenceNumber());
        dynamodb.put("SizeBytes", s.sizeBytes());
        dynamodb.put("StreamViewType", s.streamViewTypeAsString());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("eventID", r.eventID());
        record.put("eventName", r.eventNameAsString());
        record.put("eventVersion", r.eventVersion());
        record.put("eventSource", "aws:dynamodb");
        record.put("awsRegion", r.awsRegion() != null ? r.awsRegion() : region);
        record.put("dynamodb", dynamodb);
        record.put("eventSourceARN", streamArn);
        return record;
    }

    /** DynamoDB JSON, as Lambda delivers images: {@code {"status": {"S": "RESOLVED"}}}. */
    static Map<String, Object> image(Map<String, AttributeValue> item) {
        Map<String, Object> out = new LinkedHashMap<>();
        item.forEach((name, value) -> out.put(name, attribute(value)));
        return out;
    }

    private static Map<String, Object> attribute(AttributeValue v) {
        return switch (v.type()) {
            case S -> Map.of("S", v.s());
            case N -> Map.of("N", v.n());
            case B -> Map.of("B", base64(v.b()));
            case BOOL -> Map.of("BOOL", v.bool());
            case NUL -> Map.of("NULL", true);
            case M -> Map.of("M", image(v.m()));
            case L -> Map.of("L", v.l().stream().map(TableStream::attribute).toList());
            case SS -> Map.of("SS", v.ss());
            case NS -> Map.of("NS", v.ns());
            case BS -> Map.of("BS", v.bs().stream().map(TableStream::base64).toList());
            default -> throw new IllegalArgumentException("unknown attribute type " + v.type());
        };
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
