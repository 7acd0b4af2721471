package dev.firebell.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.faults.FaultProxy;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.maintenance.AdHocMaintenance;
import dev.firebell.oncall.OnCallChanges;
import dev.firebell.oncall.ShiftOverride;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Overrides and maintenance windows side by side in the {@code ONCALL} partition (ADR 0055), against the emulator with
 * requests counted at a proxy: one Query for a paging decision however many rotations it pages; what a deployment
 * stored before, in a partition per rotation and per service, still read until {@code config apply} copies it; and the
 * last page of a target, kept one item per page, still answered from an older deployment's single item.
 */
@LocalStackTest
class OnCallPartitionIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:04Z");

    private final LocalStack local;
    private final LocalResources resources;
    private String table;
    private FaultProxy proxy;
    private DynamoDbClient counted;

    OnCallPartitionIntegrationTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @BeforeEach
    void emptyTableBehindAProxy() {
        table = resources.tableName("FirebellTable");
        local.emptyTable(table);
        proxy = FaultProxy.start(local.endpoint());
        counted = DynamoDbClient.builder().endpointOverride(proxy.endpoint()).region(local.region())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @AfterEach
    void stopProxy() {
        counted.close();
        proxy.close();
    }

    @Test
    void notEndedBy_shouldReadEveryRotationsOverridesAndTheServicesWindows_inOneQuery_onceMigrated() {
        // GIVEN a migrated deployment with overrides of three rotations and windows of two services
        new OnCallPartition(local.dynamoDb(), table).migrate(List.of(), List.of(), NOW);
        DynamoOverrideStore overrides = new DynamoOverrideStore(local.dynamoDb(), table);
        DynamoMaintenanceStore windows = new DynamoMaintenanceStore(local.dynamoDb(), table);
        ShiftOverride emea = override("emea", "alice", NOW.minusSeconds(600), Duration.ofHours(2));
        ShiftOverride amer = override("amer", "bob", NOW.plusSeconds(3600), Duration.ofHours(1));
        ShiftOverride ended = override("emea", "carol", NOW.minusSeconds(7200), Duration.ofHours(1));
        ShiftOverride elsewhere = override("search-primary", "dave", NOW, Duration.ofHours(1));
        List.of(emea, amer, ended, elsewhere).forEach(overrides::put);
        AdHocMaintenance checkout = window("checkout", NOW.minusSeconds(60), Duration.ofHours(1));
        AdHocMaintenance payments = window("payments", NOW, Duration.ofHours(1));
        List.of(checkout, payments).forEach(windows::put);

        // WHEN a paging decision of checkout reads what its level's rotations need
        proxy.resetCounts();
        OnCallChanges.Changes read = new DynamoOnCallChanges(counted, table)
                .notEndedBy(List.of("emea", "amer", "apac"), "checkout", NOW);

        // THEN one request, with exactly what is not over yet of those rotations and that service
        assertThat(proxy.requests()).containsExactly("dynamodb:Query");
        assertThat(read.overrides()).containsOnlyKeys("emea", "amer");
        assertThat(read.overrides().get("emea")).containsExactly(emea);
        assertThat(read.overrides().get("amer")).containsExactly(amer);
        assertThat(read.maintenance()).containsExactly(checkout);
        assertThat(read.covers(List.of("emea", "apac"))).isTrue();
        assertThat(read.covers(List.of("search-primary"))).isFalse();
    }

    @Test
    void anOlderDeploymentsItems_shouldBeReadWhereTheyAre_untilConfigApplyCopiesThem() {
        // GIVEN an override and a window as a deployment from before the ONCALL partition stored them
        ShiftOverride covering = override("emea", "alice", NOW.minusSeconds(600), Duration.ofHours(2));
        AdHocMaintenance held = window("checkout", NOW.minusSeconds(60), Duration.ofHours(1));
        putLegacy(Map.of("PK", s("OVERRIDE#emea"), "SK", s("2026-11-27T10:50:04.000Z#" + covering.id()),
                "type", s("override"), "id", s(covering.id()), "source", s("emea"), "person", s("alice"),
                "start", s(covering.start().toString()), "end", s(covering.end().toString()),
                "createdBy", s("alice"), "createdAt", s(covering.createdAt().toString())));
        putLegacy(Map.of("PK", s("MAINTENANCE#checkout"), "SK", s("2026-11-27T09:59:04.000Z#" + held.name()),
                "type", s("maintenance"), "name", s(held.name()), "service", s("checkout"),
                "start", s(held.start().toString()), "end", s(held.end().toString()),
                "startedBy", s("alice"), "startedAt", s(held.startedAt().toString())));
        OnCallChanges reader = new DynamoOnCallChanges(counted, table);

        // WHEN read before any migration: found, with one more Query per rotation and for the service
        proxy.resetCounts();
        OnCallChanges.Changes before = reader.notEndedBy(List.of("emea"), "checkout", NOW);
        assertThat(before.overrides().get("emea")).containsExactly(covering);
        assertThat(before.maintenance()).containsExactly(held);
        assertThat(proxy.requests()).hasSize(3);

        // WHEN config apply has copied them (twice: the second does nothing)
        OnCallPartition partition = new OnCallPartition(local.dynamoDb(), table);
        assertThat(partition.migrate(List.of("emea"), List.of("checkout"), NOW)).isEqualTo(2);
        assertThat(partition.migrate(List.of("emea"), List.of("checkout"), NOW)).isZero();

        // THEN the same answer from one Query, and a cancelled override is gone from both places
        proxy.resetCounts();
        OnCallChanges.Changes after = reader.notEndedBy(List.of("emea"), "checkout", NOW);
        assertThat(after).isEqualTo(before);
        assertThat(proxy.requests()).containsExactly("dynamodb:Query");
        assertThat(new DynamoOverrideStore(local.dynamoDb(), table).remove("emea", covering.id())).isTrue();
        assertThat(new DynamoOverrideStore(local.dynamoDb(), table).notEndedBy(List.of("emea"), NOW)).isEmpty();
        assertThat(local.dynamoDb().getItem(r -> r.tableName(table).consistentRead(true).key(Map.of(
                "PK", s("OVERRIDE#emea"), "SK", s("2026-11-27T10:50:04.000Z#" + covering.id())))).hasItem()).isFalse();
    }

    @Test
    void configApply_shouldMigrateTheOlderPartitionsOfItsRotationsAndServices() {
        ShiftOverride covering = override("checkout-primary", "alice", NOW.minusSeconds(600), Duration.ofHours(2));
        Map<String, AttributeValue> legacy = new java.util.HashMap<>(IncidentItems.override(covering));
        legacy.put("PK", s("OVERRIDE#checkout-primary"));
        legacy.put("SK", s(EndSortedItems.sortKey(covering.end(), covering.id())));
        putLegacy(legacy);
        DynamoConfigStore config = new DynamoConfigStore(local.dynamoDb(), table, InstantSource.fixed(NOW), Duration.ZERO);

        config.apply(Map.of("people", Map.of("alice", Map.of("name", "Alice", "timeZone", "UTC")), "rotations",
                Map.of("checkout-primary", Map.of("participants", List.of("alice"), "shift", "weekly",
                        "handoff", "09:00", "timeZone", "UTC", "start", "2026-01-05"))), "test");

        assertThat(local.dynamoDb().getItem(r -> r.tableName(table).consistentRead(true).key(Map.of(
                "PK", s("ONCALL"), "SK", s("~MIGRATED")))).hasItem()).isTrue();
        proxy.resetCounts();
        assertThat(new DynamoOverrideStore(counted, table).notEndedBy(List.of("checkout-primary"), NOW))
                .containsEntry("checkout-primary", List.of(covering));
        assertThat(proxy.requests()).containsExactly("dynamodb:Query");
    }

    @Test
    void lastPagedIncident_shouldReadAnOlderDeploymentsSingleItem_untilAPageIsSentAfterIt() {
        DynamoIncidentStore store = new DynamoIncidentStore(local.dynamoDb(), table, InstantSource.fixed(NOW));
        putLegacy(Map.of("PK", s("TARGET#person:alice"), "SK", s("LASTPAGE"), "type", s("last-page"),
                "target", s("person:alice"), "incidentId", s("7"), "pageId", s("7-1"),
                "sentAt", s("2026-11-20T09:00:00Z")));
        assertThat(store.lastPagedIncident("person:alice")).contains("7");

        putLegacy(IncidentItems.pageSent(dev.firebell.paging.Page.pending("8", 1, "person:alice",
                dev.firebell.paging.PageReason.TRIGGERED, NOW, NOW, "t"), NOW));

        assertThat(store.lastPagedIncident("person:alice")).contains("8");
    }

    private void putLegacy(Map<String, AttributeValue> item) {
        local.dynamoDb().putItem(r -> r.tableName(table).item(item));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static ShiftOverride override(String source, String person, Instant start, Duration duration) {
        return new ShiftOverride(source + "-" + person + "-" + start.getEpochSecond(), source, person, start,
                start.plus(duration), "alice", start.minusSeconds(60), null);
    }

    private static AdHocMaintenance window(String service, Instant start, Duration duration) {
        return new AdHocMaintenance("chat-" + service + "-" + start.getEpochSecond(), service, start, start.plus(duration),
                null, "alice", start);
    }
}
