package dev.firebell.aws.dynamodb;

import dev.firebell.maintenance.AdHocMaintenance;
import dev.firebell.oncall.OnCallChanges;
import dev.firebell.oncall.ShiftOverride;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code ONCALL} partition (ADR 0055): every shift override and every maintenance window started from chat,
 * sorted by when each ends, so that what one paging decision needs (the overrides of its rotations and schedules, the
 * windows of its service) is one strongly consistent Query of the items not ended yet. The override and maintenance
 * stores write here and read through {@link #notEndedBy}.
 *
 * <p>Deployments from before kept them in a partition per rotation or schedule and per service. Until
 * {@code config apply} has copied those here ({@link #migrate}, which leaves the marker item {@code ~MIGRATED}),
 * every read reads them too, one Query each as before, so nothing stored earlier is missed meanwhile.
 */
final class OnCallPartition {

    private static final Comparator<ShiftOverride> OVERRIDE_ORDER =
            Comparator.comparing(ShiftOverride::end).thenComparing(ShiftOverride::id);
    private static final Comparator<AdHocMaintenance> WINDOW_ORDER =
            Comparator.comparing(AdHocMaintenance::end).thenComparing(AdHocMaintenance::name);

    private final DynamoDbClient dynamo;
    private final String table;

    OnCallPartition(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The overrides of {@code sources} and the windows of {@code services} not ended by {@code from}. */
    OnCallChanges.Changes notEndedBy(Collection<String> sources, Collection<String> services, Instant from) {
        Map<String, Map<String, ShiftOverride>> overrides = new LinkedHashMap<>();
        Map<String, AdHocMaintenance> windows = new LinkedHashMap<>();
        boolean migrated = false;
        for (Map<String, AttributeValue> item : EndSortedItems.notEndedBy(dynamo, table, Keys.ONCALL, from)) {
            String type = item.containsKey("type") ? item.get("type").s() : "";
            if (Keys.ONCALL_MIGRATED_SK.equals(item.get(Keys.SK).s())) {
                migrated = true;
            } else if ("override".equals(type) && sources.contains(item.get("source").s())) {
                ShiftOverride o = IncidentItems.override(item);
                overrides.computeIfAbsent(o.source(), s -> new LinkedHashMap<>()).put(o.id(), o);
            } else if ("maintenance".equals(type) && services.contains(item.get("service").s())) {
                AdHocMaintenance w = DynamoMaintenanceStore.window(item);
                windows.put(w.service() + "#" + w.name(), w);
            }
        }
        if (!migrated) {
            for (String source : sources) {
                for (var item : EndSortedItems.notEndedBy(dynamo, table, Keys.legacyOverride(source), from)) {
                    ShiftOverride o = IncidentItems.override(item);
                    overrides.computeIfAbsent(source, s -> new LinkedHashMap<>()).putIfAbsent(o.id(), o);
                }
            }
            for (String service : services) {
                for (var item : EndSortedItems.notEndedBy(dynamo, table, Keys.legacyMaintenance(service), from)) {
                    AdHocMaintenance w = DynamoMaintenanceStore.window(item);
                    windows.putIfAbsent(w.service() + "#" + w.name(), w);
                }
            }
        }
        Map<String, List<ShiftOverride>> bySource = new LinkedHashMap<>();
        overrides.forEach((source, byId) -> bySource.put(source, byId.values().stream().sorted(OVERRIDE_ORDER).toList()));
        return new OnCallChanges.Changes(Set.copyOf(sources), bySource,
                windows.values().stream().sorted(WINDOW_ORDER).toList());
    }

    /** The rotations and schedules of a configuration: every source an override can be for. */
    static Set<String> sourcesOf(dev.firebell.config.FirebellConfig config) {
        Set<String> sources = new java.util.TreeSet<>(config.onCall().rotations().keySet());
        sources.addAll(config.onCall().schedules().keySet());
        return sources;
    }

    /**
     * Copies the overrides of {@code sources} and the windows of {@code services} not ended by {@code now} from their
     * older partitions into this one, then writes the marker; once the marker is there, does nothing. Copies are the
     * same items under the new key (a second copy overwrites the first), and the older items stay where they were
     * until their TTL.
     *
     * @return how many items were copied
     */
    int migrate(Collection<String> sources, Collection<String> services, Instant now) {
        if (new Table(dynamo, table).get(Keys.ONCALL, Keys.ONCALL_MIGRATED_SK) != null) {
            return 0;
        }
        List<Map<String, AttributeValue>> copies = new ArrayList<>();
        for (String source : sources) {
            for (var item : EndSortedItems.notEndedBy(dynamo, table, Keys.legacyOverride(source), now)) {
                copies.add(IncidentItems.override(IncidentItems.override(item)));
            }
        }
        for (String service : services) {
            for (var item : EndSortedItems.notEndedBy(dynamo, table, Keys.legacyMaintenance(service), now)) {
                copies.add(DynamoMaintenanceStore.item(DynamoMaintenanceStore.window(item)));
            }
        }
        for (Map<String, AttributeValue> copy : copies) {
            dynamo.putItem(r -> r.tableName(table).item(copy));
        }
        dynamo.putItem(r -> r.tableName(table).item(Item.builder().str(Keys.PK, Keys.ONCALL)
                .str(Keys.SK, Keys.ONCALL_MIGRATED_SK).str("type", "oncall-migrated")
                .instant("migratedAt", now).build()));
        return copies.size();
    }
}
