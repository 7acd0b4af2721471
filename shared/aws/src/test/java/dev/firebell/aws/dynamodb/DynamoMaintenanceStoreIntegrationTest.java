package dev.firebell.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.maintenance.AdHocMaintenance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.paginators.QueryIterable;

/** Maintenance windows started from chat, stored against the emulator: once each, read by service and end. */
@LocalStackTest
class DynamoMaintenanceStoreIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:04Z");

    private final LocalStack local;
    private final LocalResources resources;
    private String table;
    private DynamoMaintenanceStore store;

    DynamoMaintenanceStoreIntegrationTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @BeforeEach
    void emptyTable() {
        table = resources.tableName("FirebellTable");
        local.emptyTable(table);
        store = new DynamoMaintenanceStore(local.dynamoDb(), table);
    }

    @Test
    void put_shouldStoreOneItemWithWhoStartedItAndWhenItExpires_andAgainShouldChangeNothing() {
        AdHocMaintenance w = window("checkout", NOW, Duration.ofHours(1), "deploying");

        assertThat(store.put(w)).isTrue();
        assertThat(store.put(w)).as("a retried write").isFalse();

        Map<String, AttributeValue> item = local.dynamoDb().getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("PK", AttributeValue.fromS("ONCALL"),
                        "SK", AttributeValue.fromS("2026-11-27T10:00:04.000Z#maintenance#checkout#" + w.name())))).item();
        assertThat(item).containsEntry("type", AttributeValue.fromS("maintenance"))
                .containsEntry("name", AttributeValue.fromS("chat-checkout-20261127T090004Z"))
                .containsEntry("reason", AttributeValue.fromS("deploying"))
                .containsEntry("startedBy", AttributeValue.fromS("alice"))
                .containsEntry("startedAt", AttributeValue.fromS("2026-11-27T09:00:04.500Z"))
                .containsEntry("expiresAt", AttributeValue.fromN(Long.toString(
                        Instant.parse("2026-11-27T10:00:04Z").plus(Duration.ofDays(400)).getEpochSecond())));
        assertThat(store.notEndedBy("checkout", NOW)).containsExactly(w);
    }

    @Test
    void notEndedBy_shouldReturnOnlyTheServicesWindowsNotOverYet() {
        AdHocMaintenance ended = window("checkout", NOW.minus(Duration.ofHours(2)), Duration.ofHours(1), null);
        AdHocMaintenance endsNow = window("checkout", NOW.minus(Duration.ofMinutes(30)), Duration.ofMinutes(30), null);
        AdHocMaintenance running = window("checkout", NOW.minus(Duration.ofMinutes(10)), Duration.ofHours(1), "deploy");
        AdHocMaintenance other = window("payments", NOW, Duration.ofHours(1), null);
        List.of(ended, endsNow, running, other).forEach(store::put);

        assertThat(store.notEndedBy("checkout", NOW)).containsExactly(running);
        assertThat(store.notEndedBy("payments", NOW)).containsExactly(other);
        assertThat(store.notEndedBy("search", NOW)).isEmpty();
    }

    @Test
    void notEndedBy_shouldBeOneStronglyConsistentQueryOnTheOnCallPartition_neverAScan() {
        DynamoDbClient dynamo = mock(DynamoDbClient.class);
        when(dynamo.queryPaginator(any(QueryRequest.class)))
                .thenAnswer(call -> new QueryIterable(dynamo, call.getArgument(0)));
        // A deployment whose older partitions were migrated (ADR 0055): the marker comes last in the partition.
        when(dynamo.query(any(QueryRequest.class))).thenReturn(QueryResponse.builder().items(List.of(Map.of(
                "PK", AttributeValue.fromS("ONCALL"), "SK", AttributeValue.fromS("~MIGRATED"),
                "type", AttributeValue.fromS("oncall-migrated")))).build());

        new DynamoMaintenanceStore(dynamo, "T").notEndedBy("checkout", NOW);

        ArgumentCaptor<QueryRequest> query = ArgumentCaptor.forClass(QueryRequest.class);
        verify(dynamo).query(query.capture());
        assertThat(query.getValue().tableName()).isEqualTo("T");
        assertThat(query.getValue().indexName()).isNull();
        assertThat(query.getValue().consistentRead()).isTrue();
        assertThat(query.getValue().keyConditionExpression()).isEqualTo("#pk = :pk AND #sk > :from");
        assertThat(query.getValue().expressionAttributeValues()).containsEntry(":pk",
                AttributeValue.fromS("ONCALL")).containsEntry(":from",
                AttributeValue.fromS("2026-11-27T09:00:04.000Z#~"));
        verify(dynamo, never()).scan(any(ScanRequest.class));
    }

    private static AdHocMaintenance window(String service, Instant start, Duration duration, String reason) {
        return new AdHocMaintenance("chat-" + service + "-" + start.toString().replaceAll("[-:]", "").replace(".000", ""),
                service, start, start.plus(duration), reason, "alice", start.plusMillis(500));
    }
}
