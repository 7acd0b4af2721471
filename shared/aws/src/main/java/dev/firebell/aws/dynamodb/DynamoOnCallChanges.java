package dev.firebell.aws.dynamodb;

import dev.firebell.oncall.OnCallChanges;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A paging decision's overrides and maintenance windows, with one Query of the {@code ONCALL} partition (ADR 0055). */
public final class DynamoOnCallChanges implements OnCallChanges {

    private final OnCallPartition partition;

    public DynamoOnCallChanges(DynamoDbClient dynamo, String table) {
        this.partition = new OnCallPartition(dynamo, table);
    }

    @Override
    public Changes notEndedBy(Collection<String> sources, String service, Instant from) {
        return partition.notEndedBy(sources, List.of(service), from);
    }
}
