package dev.firebell.bench.storm;

import dev.firebell.aws.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A deterministic alarm storm: the same seed gives the same alarms, state changes, payloads and delivery order.
 * <ul>
 *   <li>{@code services} services with {@code alarms} alarms between them (unevenly, as real teams have), each alarm a
 *       metric, metric-math or composite alarm wired to Firebell through EventBridge, SNS or its alarm action;</li>
 *   <li>waves: every 20 minutes to 2 hours a service has trouble and part of its alarms fire within two and a half
 *       minutes, return to OK minutes later, a quarter of them flapping (back to ALARM within minutes, one to three
 *       times) before they settle; each alarm's own history alternates ALARM and OK on increasing CloudWatch
 *       timestamps, as CloudWatch's does. The day lasts as long as the requested number of changes needs;</li>
 *   <li>deliveries: every state change once, a tenth of the deliveries again (half by Lambda's retry a minute or two
 *       later on the same path, half by a second path the alarm is also wired to), and some OKs delivered before the
 *       ALARM they follow.</li>
 * </ul>
 * Payloads are the recorded fixtures of functions/alarm-ingest (src/test/resources/events) with the alarm, state and
 * timestamps replaced.
 */
final class StormGenerator {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-1";
    static final Instant DAY = Instant.parse("2026-11-27T00:00:00Z");

    private static final List<String> SERVICE_NAMES = List.of("checkout", "payments", "orders", "search", "inventory",
            "shipping", "accounts", "catalog", "pricing", "reviews", "notifications", "recommendations", "identity",
            "gateway", "media", "analytics", "billing", "ledger", "fraud", "support");
    private static final List<String> COMPONENTS = List.of("api", "db", "queue", "cache", "worker", "lb", "cdn", "stream");
    private static final List<String> METRICS = List.of("5xx-high", "latency-p99", "cpu-high", "errors", "throttles",
            "connections", "age-of-oldest", "memory", "saturation", "dlq-depth");
    private static final DateTimeFormatter CLOUDWATCH = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    enum Shape { EVENTBRIDGE, SNS, ALARM_ACTION }

    enum Kind { METRIC, METRIC_MATH, COMPOSITE }

    record Alarm(String name, String service, Kind kind, Shape shape) {
        String arn() {
            return "arn:aws:cloudwatch:" + REGION + ":" + ACCOUNT + ":alarm:" + name;
        }
    }

    /** One real state change of one alarm; {@code previous} is the one before it (null for the first). */
    record Change(Alarm alarm, String state, Instant at, Change previous, boolean flap) {
        String eventKey() {
            return alarm.arn() + "|" + state + "|" + at.toEpochMilli();
        }
    }

    record Delivery(Change change, Shape shape, boolean duplicate, long deliverAtMillis, byte[] payload) {
    }

    record Storm(long seed, List<String> services, List<Alarm> alarms, List<Change> changes, List<Delivery> deliveries,
                 int flappingAlarms, int okBeforeAlarm) {
    }

    private final Path fixtures;
    private final Map<String, Map<String, Object>> templates = new HashMap<>();

    StormGenerator(Path fixtures) {
        this.fixtures = fixtures;
    }

    Storm generate(long seed, int events, int alarmCount, int serviceCount) {
        Random random = new Random(seed);
        List<String> services = new ArrayList<>();
        for (int i = 0; i < serviceCount; i++) {
            services.add(i < SERVICE_NAMES.size() ? SERVICE_NAMES.get(i) : "service-" + i);
        }
        List<Alarm> alarms = alarms(random, services, alarmCount);
        int duplicates = Math.round(events * 0.10f);
        List<Change> changes = changes(random, alarms, events - duplicates);
        int flapping = (int) changes.stream().filter(Change::flap).map(Change::alarm).distinct().count();
        List<Delivery> deliveries = deliveries(random, changes, duplicates);
        int okFirst = okBeforeAlarm(deliveries);
        return new Storm(seed, services, alarms, changes, deliveries, flapping, okFirst);
    }

    // ------------------------------------------------------------------ alarms

    private static List<Alarm> alarms(Random random, List<String> services, int count) {
        // Uneven teams: weights from 0.4 to 1.6, every service at least 5 alarms.
        double[] weight = new double[services.size()];
        double sum = 0;
        for (int i = 0; i < weight.length; i++) {
            weight[i] = 0.4 + 1.2 * random.nextDouble();
            sum += weight[i];
        }
        int[] per = new int[services.size()];
        int given = 0;
        for (int i = 0; i < per.length; i++) {
            per[i] = Math.max(5, (int) Math.floor(count * weight[i] / sum));
            given += per[i];
        }
        for (int i = 0; given != count; i = (i + 1) % per.length) {
            if (given < count) {
                per[i]++;
                given++;
            } else if (per[i] > 5) {
                per[i]--;
                given--;
            }
        }
        List<Alarm> alarms = new ArrayList<>();
        for (int s = 0; s < services.size(); s++) {
            List<String> names = new ArrayList<>();
            for (String component : COMPONENTS) {
                for (String metric : METRICS) {
                    names.add(services.get(s) + "-" + component + "-" + metric);
                }
            }
            java.util.Collections.shuffle(names, random);
            for (int a = 0; a < per[s]; a++) {
                String name = a < names.size() ? names.get(a) : services.get(s) + "-alarm-" + a;
                double k = random.nextDouble();
                Kind kind = k < 0.06 ? Kind.COMPOSITE : k < 0.16 ? Kind.METRIC_MATH : Kind.METRIC;
                double w = random.nextDouble();
                Shape shape = w < 0.5 ? Shape.EVENTBRIDGE : w < 0.8 ? Shape.SNS : Shape.ALARM_ACTION;
                alarms.add(new Alarm(name, services.get(s), kind, shape));
            }
        }
        return alarms;
    }

    // ------------------------------------------------------------------ state changes

    private static List<Change> changes(Random random, List<Alarm> alarms, int unique) {
        Map<String, List<Alarm>> byService = new LinkedHashMap<>();
        for (Alarm a : alarms) {
            byService.computeIfAbsent(a.service(), s -> new ArrayList<>()).add(a);
        }
        // Each service's trouble comes back every 20 minutes to 2 hours; the day lasts as long as the storm needs.
        Map<String, Instant> nextWave = new LinkedHashMap<>();
        for (String s : byService.keySet()) {
            nextWave.put(s, DAY.plusMillis(random.nextInt(3_600_000)));
        }
        Map<Alarm, Instant> freeAt = new HashMap<>();
        Map<Alarm, Change> last = new HashMap<>();
        List<Change> changes = new ArrayList<>();
        while (changes.size() < unique) {
            String service = nextWave.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
            List<Alarm> team = byService.get(service);
            Instant start = nextWave.get(service);
            nextWave.put(service, start.plusMillis(1_200_000 + random.nextInt(6_000_000)));
            double share = 0.3 + 0.6 * random.nextDouble();
            for (Alarm a : team) {
                if (random.nextDouble() >= share || freeAt.getOrDefault(a, DAY).isAfter(start)) {
                    continue;
                }
                // Composites summarise other alarms, so they change a little after them.
                Instant t = start.plusMillis(random.nextInt(150_000)
                        + (a.kind() == Kind.COMPOSITE ? 30_000 + random.nextInt(60_000) : 0));
                int flaps = random.nextDouble() < 0.25 ? 1 + random.nextInt(3) : 0;
                for (int k = 0; k <= flaps; k++) {
                    Change alarm = new Change(a, "ALARM", t, last.get(a), k > 0);
                    changes.add(alarm);
                    boolean settles = k == flaps;
                    t = t.plusMillis(settles ? 120_000 + random.nextInt(1_680_000) : 30_000 + random.nextInt(210_000));
                    Change ok = new Change(a, "OK", t, alarm, flaps > 0);
                    changes.add(ok);
                    last.put(a, ok);
                    t = t.plusMillis(60_000 + random.nextInt(300_000));
                }
                freeAt.put(a, t);
            }
        }
        // The latest changes of the day go: each alarm keeps a prefix of its history, so it stays consistent.
        changes.sort(Comparator.comparing(Change::at).thenComparing(c -> c.alarm().name()));
        return new ArrayList<>(changes.subList(0, unique));
    }

    // ------------------------------------------------------------------ deliveries

    private List<Delivery> deliveries(Random random, List<Change> changes, int duplicates) {
        Map<Change, Long> deliverAt = new HashMap<>();
        for (Change c : changes) {
            // EventBridge, SNS and Lambda's async queue deliver within seconds.
            deliverAt.put(c, c.at().toEpochMilli() + 500 + random.nextInt(15_000));
        }
        for (Change c : changes) {
            // About one OK in twenty overtakes the ALARM it follows.
            if ("OK".equals(c.state()) && c.previous() != null && random.nextInt(20) == 0) {
                deliverAt.put(c, deliverAt.get(c.previous()) - 1 - random.nextInt(10_000));
            }
        }
        List<Delivery> out = new ArrayList<>();
        for (Change c : changes) {
            out.add(new Delivery(c, c.alarm().shape(), false, deliverAt.get(c), payload(random, c, c.alarm().shape())));
        }
        for (int i = 0; i < duplicates; i++) {
            Change c = changes.get(random.nextInt(changes.size()));
            boolean retry = random.nextBoolean();
            Shape shape = retry ? c.alarm().shape() : Shape.values()[(c.alarm().shape().ordinal() + 1
                    + random.nextInt(2)) % 3];
            long at = deliverAt.get(c) + (retry ? 60_000 + random.nextInt(60_000) : random.nextInt(5_000));
            out.add(new Delivery(c, shape, true, at, payload(random, c, shape)));
        }
        out.sort(Comparator.comparingLong(Delivery::deliverAtMillis));
        return out;
    }

    private static int okBeforeAlarm(List<Delivery> deliveries) {
        Map<Change, Integer> first = new HashMap<>();
        for (int i = 0; i < deliveries.size(); i++) {
            first.putIfAbsent(deliveries.get(i).change(), i);
        }
        int count = 0;
        for (Map.Entry<Change, Integer> e : first.entrySet()) {
            Change c = e.getKey();
            if ("OK".equals(c.state()) && c.previous() != null && first.containsKey(c.previous())
                    && first.get(c.previous()) > e.getValue()) {
                count++;
            }
        }
        return count;
    }

    // ------------------------------------------------------------------ payloads

    @SuppressWarnings("unchecked")
    private byte[] payload(Random random, Change c, Shape shape) {
        Alarm a = c.alarm();
        Map<String, Object> event = template(shape, a.kind());
        String state = c.state();
        String previousState = "ALARM".equals(state) ? "OK" : "ALARM";
        Instant previousAt = c.previous() != null ? c.previous().at() : c.at().minus(Duration.ofHours(20));
        String reason = reason(random, a, state, c.at());
        String uuid = new UUID(random.nextLong(), random.nextLong()).toString();
        switch (shape) {
            case EVENTBRIDGE -> {
                event.put("id", uuid);
                event.put("time", c.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
                event.put("account", ACCOUNT);
                event.put("region", REGION);
                event.put("resources", List.of(a.arn()));
                Map<String, Object> detail = (Map<String, Object>) event.get("detail");
                detail.put("alarmName", a.name());
                stateOf(detail, "state", state, c.at(), reason);
                stateOf(detail, "previousState", previousState, previousAt, null);
            }
            case ALARM_ACTION -> {
                event.put("alarmArn", a.arn());
                event.put("accountId", ACCOUNT);
                event.put("region", REGION);
                event.put("time", CLOUDWATCH.format(c.at()));
                Map<String, Object> data = (Map<String, Object>) event.get("alarmData");
                data.put("alarmName", a.name());
                stateOf(data, "state", state, c.at(), reason);
                stateOf(data, "previousState", previousState, previousAt, null);
            }
            case SNS -> {
                Map<String, Object> record = ((List<Map<String, Object>>) event.get("Records")).get(0);
                Map<String, Object> sns = (Map<String, Object>) record.get("Sns");
                Map<String, Object> message = read((String) sns.get("Message"));
                message.put("AlarmName", a.name());
                message.put("AlarmArn", a.arn());
                message.put("AWSAccountId", ACCOUNT);
                message.put("NewStateValue", state);
                message.put("OldStateValue", previousState);
                message.put("StateChangeTime", CLOUDWATCH.format(c.at()));
                if (reason != null) {
                    message.put("NewStateReason", reason);
                }
                sns.put("Message", Json.write(message));
                sns.put("MessageId", uuid);
                sns.put("Subject", state + ": \"" + a.name() + "\" in EU (Ireland)");
                sns.put("Timestamp", c.at().plusMillis(80).toString());
            }
            default -> throw new IllegalStateException(shape.name());
        }
        return Json.write(event).getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static void stateOf(Map<String, Object> parent, String field, String value, Instant at, String reason) {
        Map<String, Object> s = (Map<String, Object>) parent.get(field);
        s.put("value", value);
        s.put("timestamp", CLOUDWATCH.format(at));
        if (reason != null) {
            s.put("reason", reason);
        }
    }

    /** A metric alarm's reason as CloudWatch words it; a composite keeps its template's, which names its children. */
    private static String reason(Random random, Alarm a, String state, Instant at) {
        if (a.kind() == Kind.COMPOSITE) {
            return null;
        }
        double threshold = 10 * (1 + random.nextInt(20));
        boolean alarm = "ALARM".equals(state);
        StringBuilder points = new StringBuilder();
        DateTimeFormatter minute = DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss").withZone(ZoneOffset.UTC);
        Instant t = at.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).minusSeconds(60);
        for (int i = 0; i < 3; i++) {
            double v = alarm ? threshold * (1.1 + random.nextDouble()) : threshold * random.nextDouble() * 0.8;
            points.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f (%s)", v, minute.format(t)));
            t = t.minusSeconds(60);
        }
        return String.format(Locale.ROOT, "Threshold Crossed: 3 out of the last 3 datapoints [%s] were %sgreater than"
                + " the threshold (%.1f) (minimum %s for %s transition).", points, alarm ? "" : "not ", threshold,
                alarm ? "3 datapoints" : "1 datapoint", alarm ? "OK -> ALARM" : "ALARM -> OK");
    }

    private Map<String, Object> template(Shape shape, Kind kind) {
        String file = switch (shape) {
            case EVENTBRIDGE -> switch (kind) {
                case METRIC -> "eventbridge/metric-alarm.json";
                case METRIC_MATH -> "eventbridge/metric-math-alarm.json";
                case COMPOSITE -> "eventbridge/composite-alarm.json";
            };
            case SNS -> switch (kind) {
                case METRIC -> "sns/metric-alarm.json";
                case METRIC_MATH -> "sns/multi-metric-alarm.json";
                case COMPOSITE -> "sns/composite-alarm.json";
            };
            case ALARM_ACTION -> switch (kind) {
                case METRIC -> "alarm-action/metric-alarm.json";
                case METRIC_MATH -> "alarm-action/metric-math-alarm.json";
                case COMPOSITE -> "alarm-action/composite-alarm.json";
            };
        };
        Map<String, Object> template = templates.computeIfAbsent(file, f -> {
            try {
                return read(Files.readString(fixtures.resolve(f)));
            } catch (IOException e) {
                throw new UncheckedIOException("fixture " + f + " (run from the repository root)", e);
            }
        });
        // A deep copy: each payload is mutated on its own.
        return read(Json.write(template));
    }

    private static Map<String, Object> read(String json) {
        try {
            return Json.readObject(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
