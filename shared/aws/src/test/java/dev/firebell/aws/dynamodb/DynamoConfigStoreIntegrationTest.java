package dev.firebell.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.config.ConfigException;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.faults.FaultProxy;
import dev.firebell.local.junit.LocalStackTest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@LocalStackTest
class DynamoConfigStoreIntegrationTest {

    @BeforeEach
    void emptyTable(LocalStack local, LocalResources res) {
        local.emptyTable(res.tableName("FirebellTable"));
    }

    private static final Map<String, Object> V1 = Map.of(
            "services", Map.of("checkout", Map.of("pageTarget", "team-checkout", "reopenWindow", "15m"),
                    "payments", Map.of("pageTarget", "team-payments")),
            "routing", Map.of("default", Map.of("service", "checkout")));

    @Test
    void apply_shouldStoreAVersion_changeNothingTheSecondTime_andDiffItemByItem(LocalStack local, LocalResources res) {
        DynamoConfigStore store = new DynamoConfigStore(local.dynamoDb(), res.tableName("FirebellTable"),
                InstantSource.system(), Duration.ZERO);

        List<ConfigChange> first = store.apply(V1, "alice");
        List<ConfigChange> second = store.apply(V1, "alice");

        assertThat(first).extracting(ConfigChange::toString)
                .containsExactly("+ routing", "+ services/checkout", "+ services/payments");
        assertThat(second).isEmpty();
        assertThat(store.currentVersion()).isEqualTo(1);
        assertThat(store.current().service("checkout").pageTarget()).isEqualTo("team-checkout");

        Map<String, Object> v2 = Map.of(
                "services", Map.of("checkout", Map.of("pageTarget", "team-checkout-2", "reopenWindow", "15m")),
                "routing", Map.of("default", Map.of("service", "checkout")));
        assertThat(store.diff(v2)).extracting(ConfigChange::toString)
                .containsExactly("~ services/checkout", "- services/payments");
        assertThat(store.apply(v2, "bob")).hasSize(2);
        assertThat(store.currentVersion()).isEqualTo(2);
        assertThat(store.current().services()).containsOnlyKeys("checkout");
        assertThat(store.storedDocument()).isEqualTo(Map.of(
                "routing", Map.of("default", Map.of("service", "checkout")),
                "services", Map.of("checkout", Map.of("pageTarget", "team-checkout-2", "reopenWindow", "15m"))));
    }

    @Test
    void current_shouldTakeOneGetItem_whenThePointerCarriesTheDocument_andFollowAnOlderPointerToItsItems(
            LocalStack local, LocalResources res) {
        String table = res.tableName("FirebellTable");
        new DynamoConfigStore(local.dynamoDb(), table, InstantSource.system(), Duration.ZERO).apply(V1, "alice");
        try (FaultProxy proxy = FaultProxy.start(local.endpoint());
             DynamoDbClient counted = local.configure(DynamoDbClient.builder()).endpointOverride(proxy.endpoint())
                     .build()) {
            DynamoConfigStore reader = new DynamoConfigStore(counted, table, InstantSource.system(), Duration.ZERO);

            Map<String, Object> inline = reader.storedDocument();
            assertThat(reader.current().service("payments").pageTarget()).isEqualTo("team-payments");
            assertThat(proxy.requests()).containsExactly("dynamodb:GetItem", "dynamodb:GetItem");

            // A pointer written before the document was inlined (or for a configuration too big to inline).
            local.dynamoDb().updateItem(r -> r.tableName(table).key(Map.of("PK", AttributeValue.fromS("CONFIG"),
                    "SK", AttributeValue.fromS("CURRENT"))).updateExpression("REMOVE doc"));
            proxy.resetCounts();
            assertThat(reader.storedDocument()).isEqualTo(inline);
            assertThat(reader.current().service("payments").pageTarget()).isEqualTo("team-payments");
            assertThat(proxy.requests()).containsExactly("dynamodb:GetItem", "dynamodb:Query", "dynamodb:GetItem",
                    "dynamodb:Query");
        }
    }

    @Test
    void current_shouldTakeOneGetItem_forTenThousandHeartbeatMonitors_theDocumentCompressedInThePointer(
            LocalStack local, LocalResources res) {
        String table = res.tableName("FirebellTable");
        local.emptyTable(table);
        Map<String, Object> monitors = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 10_000; i++) {
            monitors.put(String.format("job-%05d", i), Map.of("service", "batch", "interval", "1h", "grace", "10m"));
        }
        Map<String, Object> document = Map.of("services", Map.of("batch", Map.of()), "heartbeats", monitors);
        new DynamoConfigStore(local.dynamoDb(), table, InstantSource.system(), Duration.ZERO).apply(document, "bench");
        var pointer = local.dynamoDb().getItem(r -> r.tableName(table).key(Map.of("PK", AttributeValue.fromS("CONFIG"),
                "SK", AttributeValue.fromS("CURRENT")))).item();
        assertThat(pointer).doesNotContainKey("doc").containsKey("docGzip");
        assertThat(pointer.get("docGzip").b().asByteArray().length).isLessThan(DynamoConfigStore.INLINE_LIMIT);

        try (FaultProxy proxy = FaultProxy.start(local.endpoint());
             DynamoDbClient counted = local.configure(DynamoDbClient.builder()).endpointOverride(proxy.endpoint())
                     .build()) {
            DynamoConfigStore reader = new DynamoConfigStore(counted, table, InstantSource.system(), Duration.ZERO);
            assertThat(reader.current().heartbeats()).hasSize(10_000).containsKey("job-09999");
            assertThat(proxy.requests()).containsExactly("dynamodb:GetItem");
        }
    }

    @Test
    void apply_shouldWriteNothing_whenTheDocumentIsInvalid(LocalStack local, LocalResources res) {
        DynamoConfigStore store = new DynamoConfigStore(local.dynamoDb(), res.tableName("FirebellTable"),
                InstantSource.system(), Duration.ZERO);
        long before = store.currentVersion();

        assertThatThrownBy(() -> store.apply(Map.of("services", Map.of("checkout", Map.of("reopenWindow", "soon"))), "x"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("services.checkout.reopenWindow");
        assertThat(store.currentVersion()).isEqualTo(before);
    }

    @Test
    void current_shouldServeTheCachedVersion_untilTheCacheExpires(LocalStack local, LocalResources res) {
        Instant[] now = {Instant.parse("2026-11-27T09:00:00Z")};
        DynamoConfigStore reader = new DynamoConfigStore(local.dynamoDb(), res.tableName("FirebellTable"),
                () -> now[0], Duration.ofSeconds(30));
        DynamoConfigStore writer = new DynamoConfigStore(local.dynamoDb(), res.tableName("FirebellTable"),
                InstantSource.system(), Duration.ZERO);
        writer.apply(Map.of("services", Map.of("a", Map.of())), "x");
        assertThat(reader.current().services()).containsOnlyKeys("a");

        writer.apply(Map.of("services", Map.of("b", Map.of())), "x");
        now[0] = now[0].plusSeconds(29);
        assertThat(reader.current().services()).containsOnlyKeys("a");
        now[0] = now[0].plusSeconds(2);
        assertThat(reader.current().services()).containsOnlyKeys("b");
    }
}
