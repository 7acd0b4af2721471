package dev.firebell.bench.storm;

import dev.firebell.aws.dynamodb.DynamoIncidentStore;
import dev.firebell.incident.AlarmTrack;
import dev.firebell.incident.Incident;
import dev.firebell.paging.Page;
import dev.firebell.paging.PageStatus;
import java.time.InstantSource;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * What must hold after a storm, checked from the stored data and the pages the SQS subscriber received, never from
 * what the handlers said about themselves alone.
 */
final class StormChecks {

    /** Outcomes that changed something: each state change may have at most one. */
    static final Set<String> APPLIED = Set.of("OPENED", "OPENED_RECOVERED", "DUPLICATE_SUPPRESSED", "GROUPED",
            "GROUPED_OK", "RESOLVED", "REOPENED", "NOTED", "OK_REMEMBERED");

    record Check(String name, boolean passed, String detail) {
    }

    /** The table after the run: which event keys were recorded, every alarm's track, every incident and its pages. */
    record Stored(Set<String> recordedEvents, Map<String, AlarmTrack> tracks, Map<String, Incident> incidents,
                  Map<String, List<Page>> pages) {
    }

    private StormChecks() {
    }

    static Stored read(DynamoDbClient dynamo, String table, StormGenerator.Storm storm) {
        DynamoIncidentStore store = new DynamoIncidentStore(dynamo, table, InstantSource.system());
        Set<String> recorded = new HashSet<>();
        List<String> keys = storm.changes().stream().map(StormGenerator.Change::eventKey).distinct().toList();
        for (int i = 0; i < keys.size(); i += 100) {
            List<Map<String, AttributeValue>> batch = new ArrayList<>();
            for (String k : keys.subList(i, Math.min(keys.size(), i + 100))) {
                batch.add(Map.of("PK", AttributeValue.fromS("EVENT#" + k), "SK", AttributeValue.fromS("EVENT")));
            }
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(batch)
                    .consistentRead(true).build());
            while (!request.isEmpty()) {
                var response = dynamo.batchGetItem(software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest
                        .builder().requestItems(request).build());
                response.responses().getOrDefault(table, List.of()).forEach(item -> recorded.add(item.get("eventKey").s()));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        Map<String, AlarmTrack> tracks = new LinkedHashMap<>();
        for (StormGenerator.Alarm a : storm.alarms()) {
            tracks.put(a.arn(), store.track(a.arn()));
        }
        Map<String, Incident> incidents = new TreeMap<>((x, y) -> Long.compare(Long.parseLong(x), Long.parseLong(y)));
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        for (YearMonth month : List.of(now.minusMonths(1), now)) {
            QueryRequest q = QueryRequest.builder().tableName(table).indexName("GSI3")
                    .keyConditionExpression("GSI3PK = :m")
                    .expressionAttributeValues(Map.of(":m", AttributeValue.fromS("MONTH#" + month))).build();
            dynamo.queryPaginator(q).items().forEach(item -> {
                String id = item.get("id").s();
                store.incident(id).ifPresent(i -> incidents.put(id, i));
            });
        }
        Map<String, List<Page>> pages = new HashMap<>();
        for (String id : incidents.keySet()) {
            pages.put(id, store.pages(id));
        }
        return new Stored(recorded, tracks, incidents, pages);
    }

    static List<Check> check(StormRun.Result r) {
        List<Check> checks = new ArrayList<>();
        StormGenerator.Storm storm = r.storm();
        Stored s = r.stored();

        long failed = r.handled().stream().filter(h -> h.error() != null).count();
        long retried = r.handled().stream().filter(h -> h.attempts() > 1).count();
        checks.add(new Check("every delivery handled (none failed after Lambda's two retries)", failed == 0,
                failed + " failed, " + retried + " needed a retry"
                        + r.handled().stream().filter(h -> h.error() != null).findFirst().map(h -> "; e.g. " + h.error()).orElse("")));

        // Every state change: recorded with the change it caused, or ignored by a documented rule; never applied twice.
        Map<StormGenerator.Change, List<StormRun.Handled>> byChange = new LinkedHashMap<>();
        for (StormRun.Handled h : r.handled()) {
            byChange.computeIfAbsent(storm.deliveries().get(h.delivery()).change(), c -> new ArrayList<>()).add(h);
        }
        int recorded = 0;
        int twice = 0;
        List<String> lost = new ArrayList<>();
        Map<String, Integer> ignored = new TreeMap<>();
        for (StormGenerator.Change c : storm.changes()) {
            List<StormRun.Handled> hs = byChange.getOrDefault(c, List.of());
            long applied = hs.stream().filter(h -> APPLIED.contains(h.outcome())).count();
            if (applied > 1) {
                twice++;
            }
            if (s.recordedEvents().contains(c.eventKey())) {
                recorded++;
            } else if (!hs.isEmpty() && hs.stream().allMatch(h -> "IGNORED".equals(h.outcome()))) {
                ignored.merge(reason(hs.get(0).detail()), 1, Integer::sum);
            } else {
                lost.add(c.eventKey());
            }
        }
        checks.add(new Check("every alarm state change accounted for (recorded with its change, or a documented ignore)",
                lost.isEmpty(), storm.changes().size() + " state changes: " + recorded + " recorded, "
                + ignored.values().stream().mapToInt(Integer::intValue).sum() + " ignored " + ignored
                + (lost.isEmpty() ? "" : ", LOST " + lost.size() + " e.g. " + lost.get(0))));
        checks.add(new Check("no state change applied twice (redeliveries recognised by their event key)", twice == 0,
                twice + " applied more than once"));

        // Each alarm's newest state is what Firebell holds for it.
        Map<StormGenerator.Alarm, StormGenerator.Change> newest = new HashMap<>();
        for (StormGenerator.Change c : storm.changes()) {
            newest.merge(c.alarm(), c, (a, b) -> b.at().isAfter(a.at()) ? b : a);
        }
        List<String> wrong = new ArrayList<>();
        newest.forEach((alarm, c) -> {
            AlarmTrack t = s.tracks().get(alarm.arn());
            Incident i = t.incidentId() == null ? null : s.incidents().get(t.incidentId());
            boolean inAlarm = t.open() && i != null && i.isOpen();
            if ("ALARM".equals(c.state()) != inAlarm) {
                wrong.add(alarm.name() + " last " + c.state() + " but track " + (t.open() ? "open" : "closed")
                        + " on incident " + t.incidentId() + (i == null ? "" : " " + i.status()));
            }
        });
        long inAlarmNow = newest.values().stream().filter(c -> "ALARM".equals(c.state())).count();
        checks.add(new Check("every alarm whose newest state is ALARM is in an open incident, every other is not",
                wrong.isEmpty(), inAlarmNow + " alarms end in ALARM" + (wrong.isEmpty() ? "" : "; " + wrong.size()
                + " wrong, e.g. " + wrong.get(0))));

        List<String> miscounted = new ArrayList<>();
        for (Incident i : s.incidents().values()) {
            if (i.isGrouped()) {
                long counted = s.tracks().values().stream().filter(t -> i.id().equals(t.incidentId()) && t.open()).count();
                if (counted != i.group().inAlarm()) {
                    miscounted.add("#" + i.id() + " says " + i.group().inAlarm() + ", " + counted + " tracks");
                }
            }
        }
        checks.add(new Check("each grouped incident's count of alarms in ALARM matches its alarms' tracks",
                miscounted.isEmpty(), miscounted.isEmpty() ? "all match" : miscounted.size() + " differ, e.g. "
                + miscounted.get(0)));

        // Pages, from what the subscriber received.
        Map<String, Integer> perIncidentTarget = new TreeMap<>();
        for (StormRun.ReceivedPage p : r.pages()) {
            perIncidentTarget.merge(p.incidentId() + " -> " + p.target(), 1, Integer::sum);
        }
        List<String> doubled = perIncidentTarget.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> e.getKey() + " x" + e.getValue()).toList();
        checks.add(new Check("nobody paged twice for one incident (pages per incident and target = 1)",
                doubled.isEmpty(), r.pages().size() + " pages received" + (doubled.isEmpty() ? "" : "; doubled: "
                + doubled.subList(0, Math.min(5, doubled.size())))));

        List<String> sent = new ArrayList<>();
        int pending = 0;
        for (List<Page> ps : s.pages().values()) {
            for (Page p : ps) {
                if (p.status() == PageStatus.SENT) {
                    sent.add(p.pageId());
                } else if (p.status() == PageStatus.PENDING) {
                    pending++;
                }
            }
        }
        List<String> received = r.pages().stream().map(StormRun.ReceivedPage::pageId).sorted().toList();
        checks.add(new Check("every page marked sent was received once, and only those", received.equals(
                sent.stream().sorted().toList()), sent.size() + " sent, " + received.size() + " received"));
        checks.add(new Check("no page left pending after the schedule ran", pending == 0, pending + " pending"));

        Set<String> openedWithPage = new HashSet<>();
        r.pages().stream().filter(p -> "incident.triggered".equals(p.eventType())).forEach(p -> openedWithPage.add(p.incidentId()));
        Set<String> opened = new HashSet<>();
        r.handled().stream().filter(h -> "OPENED".equals(h.outcome())).forEach(h -> opened.add(h.incidentId()));
        checks.add(new Check("each incident opened in ALARM paged its on-call person once", opened.equals(openedWithPage),
                opened.size() + " opened, " + openedWithPage.size() + " with a first page"));

        boolean scanned = r.requests().values().stream().anyMatch(ops -> ops.keySet().stream()
                .anyMatch(op -> op.endsWith(":Scan")));
        checks.add(new Check("no Scan on any request path", !scanned, scanned ? "a Scan was made" : "none"));
        return checks;
    }

    /** An ignore's reason without its timestamps, to count them by kind. */
    private static String reason(String detail) {
        return detail == null ? "?" : detail.replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "<t>");
    }
}
