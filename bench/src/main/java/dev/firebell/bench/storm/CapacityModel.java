package dev.firebell.bench.storm;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * DynamoDB on-demand request units computed from item sizes, by AWS's published rules, because the emulator's
 * {@code ConsumedCapacity} is a constant (moto answers 1.0 or 0.5 whatever the item). In AWS the same code would pass
 * {@code ReturnConsumedCapacity} or read CloudWatch's {@code ConsumedWriteCapacityUnits}; here:
 * <ul>
 *   <li>item size: each attribute's name (UTF-8 bytes) plus its value: strings by UTF-8 bytes, numbers by about one
 *       byte per two significant digits plus one, booleans and nulls 1, lists and maps 3 bytes plus 1 per element
 *       plus the elements;</li>
 *   <li>writes: 1 unit per started KB of the larger of the item before and after; twice that inside
 *       {@code TransactWriteItems} (prepare and commit), a {@code ConditionCheck} included; plus, for every GSI the
 *       item is in before or after, one write of the index entry (projection ALL: the item's size), two when the
 *       entry's key changes. Index writes are counted once, not doubled;</li>
 *   <li>reads: 1 unit per started 4 KB of what a strongly consistent {@code GetItem} returns (at least one, found or
 *       not), of the sum of what a {@code Query} returns; half for eventually consistent reads (every GSI query);</li>
 *   <li>writes whose condition failed, and cancelled transactions, are billed as if they had written (DynamoDB
 *       charges them too; this is the upper bound).</li>
 * </ul>
 * An update's size is the item's size as last written or read by the run (a shadow kept per key), grown by the
 * lists it appends; index membership follows the GSI key attributes the update sets or removes.
 */
final class CapacityModel {

    static final String[] GSIS = {"GSI1", "GSI2", "GSI3"};

    private static final Pattern SET_GSI = Pattern.compile("(GSI[123])(PK|SK)\\s*=\\s*(:[A-Za-z0-9_]+)");
    private static final Pattern REMOVE_CLAUSE = Pattern.compile("REMOVE\\s+([^=]*?)(?=\\s+(SET|ADD|DELETE)\\s|$)");
    private static final Pattern LIST_APPEND = Pattern.compile("list_append\\([^,]+,\\s*(:[A-Za-z0-9_]+)\\)");

    /** What the run last knew about an item: its size, and the partition key it has in each GSI (absent: not in it). */
    record Shadow(int size, Map<String, String> indexKeys) {
    }

    /** Units one request consumed. */
    record Units(double read, double write, double indexWrite) {
        static final Units NONE = new Units(0, 0, 0);

        Units plus(Units o) {
            return new Units(read + o.read, write + o.write, indexWrite + o.indexWrite);
        }
    }

    private final Map<String, Shadow> shadows = new ConcurrentHashMap<>();
    /** Write units by kind of item (incident, timeline entry, event record...): table, then index. */
    private final Map<String, java.util.concurrent.atomic.DoubleAdder[]> byItem = new ConcurrentHashMap<>();

    /** Write units (table, index) by the kind of item written, from its key: where a storm's money goes. */
    Map<String, double[]> writesByItem() {
        Map<String, double[]> out = new java.util.TreeMap<>();
        byItem.forEach((k, v) -> out.put(k, new double[]{v[0].sum(), v[1].sum()}));
        return out;
    }

    private Units attributed(Map<String, AttributeValue> key, Units units) {
        var adders = byItem.computeIfAbsent(itemType(key), k -> new java.util.concurrent.atomic.DoubleAdder[]{
                new java.util.concurrent.atomic.DoubleAdder(), new java.util.concurrent.atomic.DoubleAdder()});
        adders[0].add(units.write());
        adders[1].add(units.indexWrite());
        return units;
    }

    /** {@code INCIDENT#7 / TIMELINE#...} is a timeline entry, {@code DEDUP#arn / DEDUP} a dedup track, and so on. */
    static String itemType(Map<String, AttributeValue> key) {
        String pk = key.get("PK") == null ? "?" : key.get("PK").s();
        String sk = key.get("SK") == null ? "" : key.get("SK").s();
        String type = pk.contains("#") ? pk.substring(0, pk.indexOf('#')) : pk;
        if ("INCIDENT".equals(type)) {
            return switch (sk.contains("#") ? sk.substring(0, sk.indexOf('#')) : sk) {
                case "INCIDENT" -> "incident";
                case "TIMELINE" -> "timeline entry";
                case "PAGE" -> "page";
                case "ESCALATION" -> "escalation";
                default -> "incident/" + sk;
            };
        }
        return switch (type) {
            case "DEDUP" -> "dedup track";
            case "EVENT" -> "event record";
            case "GROUP" -> "service group";
            case "TARGET" -> "last page of a person";
            case "COUNTER" -> "incident counter";
            default -> type.toLowerCase(java.util.Locale.ROOT);
        };
    }

    // ------------------------------------------------------------------ sizes

    static int itemSize(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += utf8(e.getKey()) + valueSize(e.getValue());
        }
        return size;
    }

    static int valueSize(AttributeValue v) {
        if (v.s() != null) {
            return utf8(v.s());
        }
        if (v.n() != null) {
            return numberSize(v.n());
        }
        if (v.b() != null) {
            return v.b().asByteArray().length;
        }
        if (v.bool() != null || Boolean.TRUE.equals(v.nul())) {
            return 1;
        }
        if (v.hasL()) {
            int size = 3;
            for (AttributeValue e : v.l()) {
                size += 1 + valueSize(e);
            }
            return size;
        }
        if (v.hasM()) {
            int size = 3;
            for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
                size += 1 + utf8(e.getKey()) + valueSize(e.getValue());
            }
            return size;
        }
        if (v.hasSs()) {
            return v.ss().stream().mapToInt(CapacityModel::utf8).sum();
        }
        if (v.hasNs()) {
            return v.ns().stream().mapToInt(CapacityModel::numberSize).sum();
        }
        return 1;
    }

    static int numberSize(String n) {
        String digits = new BigDecimal(n).stripTrailingZeros().unscaledValue().abs().toString();
        return (digits.length() + 1) / 2 + 1;
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String key(Map<String, AttributeValue> key) {
        AttributeValue pk = key.get("PK");
        AttributeValue sk = key.get("SK");
        return (pk == null ? "?" : pk.s()) + "\u0000" + (sk == null ? "" : sk.s());
    }

    private static Map<String, String> indexKeys(Map<String, AttributeValue> item) {
        Map<String, String> keys = new HashMap<>();
        for (String gsi : GSIS) {
            AttributeValue pk = item.get(gsi + "PK");
            if (pk != null) {
                AttributeValue sk = item.get(gsi + "SK");
                keys.put(gsi, pk.s() + "\u0000" + (sk == null ? "" : sk.s()));
            }
        }
        return keys;
    }

    // ------------------------------------------------------------------ reads

    /** A GetItem: at least one unit (half if eventually consistent), found or not. */
    Units get(Map<String, AttributeValue> key, Map<String, AttributeValue> item, boolean consistent) {
        int size = item == null || item.isEmpty() ? 0 : itemSize(item);
        if (size > 0) {
            remember(key, item);
        }
        return new Units(readUnits(size, consistent), 0, 0);
    }

    /** A Query (or one page of it): the items returned, summed, then rounded up. */
    Units query(List<Map<String, AttributeValue>> items, boolean consistent, boolean fromIndex) {
        int size = 0;
        for (Map<String, AttributeValue> item : items) {
            size += itemSize(item);
            if (!fromIndex && item.containsKey("PK")) {
                remember(item, item);
            }
        }
        return new Units(readUnits(size, consistent && !fromIndex), 0, 0);
    }

    private static double readUnits(int bytes, boolean consistent) {
        double units = Math.max(1, Math.ceil(bytes / 4096.0));
        return consistent ? units : units / 2;
    }

    private void remember(Map<String, AttributeValue> key, Map<String, AttributeValue> item) {
        shadows.put(key(key), new Shadow(itemSize(item), indexKeys(item)));
    }

    // ------------------------------------------------------------------ writes

    Units put(Map<String, AttributeValue> item, boolean applied, int factor) {
        Shadow before = shadows.get(key(item));
        Shadow after = new Shadow(itemSize(item), indexKeys(item));
        Units units = attributed(item, writeUnits(before, after, factor));
        if (applied) {
            shadows.put(key(item), after);
        }
        return units;
    }

    Units update(Map<String, AttributeValue> key, String expression, Map<String, AttributeValue> values,
                 boolean applied, int factor) {
        Shadow before = shadows.get(key(key));
        int size = before != null ? before.size() : itemSize(key) + values.values().stream()
                .mapToInt(CapacityModel::valueSize).sum();
        Map<String, String> index = before != null ? new HashMap<>(before.indexKeys()) : new HashMap<>();
        Matcher append = LIST_APPEND.matcher(expression);
        while (append.find()) {
            AttributeValue added = values.get(append.group(1));
            size += added == null ? 0 : valueSize(added);
        }
        Map<String, String[]> setKeys = new HashMap<>();
        Matcher set = SET_GSI.matcher(expression);
        while (set.find()) {
            AttributeValue v = values.get(set.group(3));
            setKeys.computeIfAbsent(set.group(1), g -> new String[2])[set.group(2).equals("PK") ? 0 : 1] =
                    v == null ? "?" : v.s();
        }
        setKeys.forEach((gsi, pkSk) -> {
            String[] old = index.containsKey(gsi) ? index.get(gsi).split("\u0000", -1) : new String[]{"?", ""};
            index.put(gsi, (pkSk[0] != null ? pkSk[0] : old[0]) + "\u0000" + (pkSk[1] != null ? pkSk[1] : old[1]));
        });
        Matcher remove = REMOVE_CLAUSE.matcher(expression);
        while (remove.find()) {
            for (String attribute : remove.group(1).split(",")) {
                String a = attribute.trim();
                if (a.startsWith("GSI") && a.endsWith("PK")) {
                    index.remove(a.substring(0, 4));
                }
            }
        }
        Shadow after = new Shadow(size, index);
        Units units = attributed(key, writeUnits(before, after, factor));
        if (applied) {
            shadows.put(key(key), after);
        }
        return units;
    }

    Units delete(Map<String, AttributeValue> key, boolean applied, int factor) {
        Shadow before = shadows.get(key(key));
        Units units = attributed(key, writeUnits(before, new Shadow(0, Map.of()), factor));
        if (applied) {
            shadows.remove(key(key));
        }
        return units;
    }

    /** A transaction: every action at twice the units, as DynamoDB bills prepare and commit. */
    Units transaction(List<TransactWriteItem> actions, boolean applied) {
        Units total = Units.NONE;
        for (TransactWriteItem a : actions) {
            if (a.put() != null) {
                Put p = a.put();
                total = total.plus(put(p.item(), applied, 2));
            } else if (a.update() != null) {
                Update u = a.update();
                total = total.plus(update(u.key(), u.updateExpression(),
                        u.expressionAttributeValues() == null ? Map.of() : u.expressionAttributeValues(), applied, 2));
            } else if (a.delete() != null) {
                Delete d = a.delete();
                total = total.plus(delete(d.key(), applied, 2));
            } else if (a.conditionCheck() != null) {
                ConditionCheck c = a.conditionCheck();
                Shadow s = shadows.get(key(c.key()));
                total = total.plus(attributed(c.key(), new Units(0, 2 * Math.max(1,
                        Math.ceil((s == null ? 0 : s.size()) / 1024.0)), 0)));
            }
        }
        return total;
    }

    private static Units writeUnits(Shadow before, Shadow after, int factor) {
        int size = Math.max(before == null ? 0 : before.size(), after.size());
        double table = factor * Math.max(1, Math.ceil(size / 1024.0));
        double index = 0;
        for (String gsi : GSIS) {
            String was = before == null ? null : before.indexKeys().get(gsi);
            String is = after.indexKeys().get(gsi);
            if (was == null && is == null) {
                continue;
            }
            int entry = Math.max(1, (int) Math.ceil(Math.max(before == null ? 0 : before.size(), after.size()) / 1024.0));
            index += was != null && is != null && !was.equals(is) ? 2 * entry : entry;
        }
        return new Units(0, table, index);
    }
}
