package dev.firebell.aws.dynamodb;

import dev.firebell.maintenance.AdHocMaintenance;
import dev.firebell.maintenance.MaintenanceStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Maintenance windows started from chat, one item each in the {@code ONCALL} partition beside the shift overrides,
 * sorted by when they end ({@link OnCallPartition}, ADR 0055): "the windows of checkout not over yet" is one Query
 * reading only what has not ended (strongly consistent, so a window just started holds the very next page). Written
 * once (a conditional put); ended ones leave through TTL a year later, kept until then as the record of who silenced
 * what.
 */
public final class DynamoMaintenanceStore implements MaintenanceStore {

    /** Kept a year after they end, as the record of who silenced a service and why; then TTL removes them. */
    static final Duration RETENTION = Duration.ofDays(400);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoMaintenanceStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<AdHocMaintenance> notEndedBy(String service, Instant from) {
        return new OnCallPartition(dynamo, table).notEndedBy(List.of(), List.of(service), from).maintenance();
    }

    @Override
    public boolean put(AdHocMaintenance window) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(item(window)).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException alreadyStored) {
            return false;
        }
    }

    static Map<String, AttributeValue> item(AdHocMaintenance w) {
        return Item.builder()
                .str(Keys.PK, Keys.ONCALL).str(Keys.SK, Keys.maintenanceSk(w.end(), w.service(), w.name()))
                .str("type", "maintenance")
                .str("name", w.name()).str("service", w.service())
                .instant("start", w.start()).instant("end", w.end()).str("reason", w.reason())
                .str("startedBy", w.startedBy()).instant("startedAt", w.startedAt())
                .num("expiresAt", w.end().plus(RETENTION).getEpochSecond())
                .build();
    }

    static AdHocMaintenance window(Map<String, AttributeValue> raw) {
        Item it = Item.of(raw);
        return new AdHocMaintenance(it.str("name"), it.str("service"), it.instant("start"), it.instant("end"),
                it.str("reason"), it.str("startedBy"), it.instant("startedAt"));
    }
}
