package dev.firebell.aws.dynamodb;

import dev.firebell.alarm.AlarmKind;
import dev.firebell.alarm.AlarmMetric;
import dev.firebell.aws.Json;
import dev.firebell.aws.runtime.FreshRandom;
import dev.firebell.escalation.EscalationState;
import dev.firebell.escalation.EscalationStatus;
import dev.firebell.incident.AlarmGroup;
import dev.firebell.incident.AlarmTrack;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.ServiceGroup;
import dev.firebell.oncall.ShiftOverride;
import dev.firebell.paging.Page;
import dev.firebell.paging.PageReason;
import dev.firebell.paging.PageStatus;
import dev.firebell.routing.Severity;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps domain objects to table items and back. Key attributes follow {@link Keys}. */
final class IncidentItems {

    private static final AtomicLong WRITE_SEQUENCE = new AtomicLong();

    private IncidentItems() {
    }

    // ---- incident ----

    static Map<String, AttributeValue> incident(Incident i) {
        Item.Builder b = Item.builder()
                .str(Keys.PK, Keys.incident(i.id())).str(Keys.SK, Keys.INCIDENT_SK)
                .str("type", "incident")
                .str("id", i.id()).str("title", i.title()).str("service", i.service())
                .str("severity", i.severity().name()).str("status", i.status().name())
                .str("dedupKey", i.dedupKey()).str("alarmArn", i.alarmArn()).str("alarmName", i.alarmName())
                .str("accountId", i.accountId()).str("region", i.region())
                .str("alarmKind", i.alarmKind() == null ? null : i.alarmKind().name())
                .str("description", i.description()).str("reason", i.reason())
                .str("metrics", i.metrics().isEmpty() ? null : Json.write(metricsToMaps(i.metrics())))
                .instant("triggeredAt", i.triggeredAt()).instant("openedAt", i.openedAt())
                .instant("lastSeenAt", i.lastSeenAt()).num("alarmCount", i.alarmCount())
                .instant("acknowledgedAt", i.acknowledgedAt()).str("acknowledgedBy", i.acknowledgedBy())
                .instant("resolvedAt", i.resolvedAt()).str("resolvedBy", i.resolvedBy())
                .str("statusBeforeResolve", i.statusBeforeResolve() == null ? null : i.statusBeforeResolve().name())
                .num("reopenCount", i.reopenCount())
                .stringMap("roles", i.roles()).str("resolution", i.resolution())
                .num("version", i.version() + 1)
                .str(Keys.GSI2PK, Keys.service(i.service())).str(Keys.GSI2SK, openedSortKey(i))
                .str(Keys.GSI3PK, Keys.month(i.openedAt())).str(Keys.GSI3SK, openedSortKey(i));
        if (i.group() != null) {
            b.num(IN_ALARM, i.group().inAlarm()).num(MEMBER_COUNT, i.group().members())
                    .stringList(MEMBER_NAMES, i.group().memberNames());
        }
        if (i.isOpen()) {
            b.str(Keys.GSI1PK, Keys.OPEN_PARTITION).str(Keys.GSI1SK, openSortKey(i));
        }
        return b.build();
    }

    static String openedSortKey(Incident i) {
        return openedSortKey(i.openedAt(), i.id());
    }

    /** GSI2's and GSI3's sort key: {@code <openedAt>#<id>}, also where a list of incidents resumes. */
    static String openedSortKey(java.time.Instant openedAt, String id) {
        return Keys.sortable(openedAt) + "#" + id;
    }

    static String openSortKey(Incident i) {
        return i.service() + "#" + openedSortKey(i);
    }

    static Incident incident(Map<String, AttributeValue> raw) {
        Item it = Item.of(raw);
        String kind = it.str("alarmKind");
        String before = it.str("statusBeforeResolve");
        return new Incident(it.str("id"), it.str("title"), it.str("service"), Severity.valueOf(it.str("severity")),
                IncidentStatus.valueOf(it.str("status")), it.str("dedupKey"), it.str("alarmArn"), it.str("alarmName"),
                it.str("accountId"), it.str("region"), kind == null ? null : AlarmKind.valueOf(kind),
                it.str("description"), it.str("reason"), metricsFromJson(it.str("metrics")),
                it.instant("triggeredAt"), it.instant("openedAt"), it.instant("lastSeenAt"),
                (int) it.num("alarmCount", 1), it.instant("acknowledgedAt"), it.str("acknowledgedBy"),
                it.instant("resolvedAt"), it.str("resolvedBy"), before == null ? null : IncidentStatus.valueOf(before),
                (int) it.num("reopenCount", 0), it.stringMap("roles"), it.str("resolution"), it.num("version", 0),
                it.has(MEMBER_COUNT) ? new AlarmGroup((int) it.num(IN_ALARM, 0), (int) it.num(MEMBER_COUNT, 1),
                        it.stringList(MEMBER_NAMES)) : null);
    }

    /** Attributes of a grouped incident (ADR 0040); the store's updates name them too. */
    static final String IN_ALARM = "inAlarm";
    static final String MEMBER_COUNT = "memberCount";
    static final String MEMBER_NAMES = "memberNames";

    // ---- incident counter ----

    /** The counter's attribute: the number of the last incident created (ADR 0006). */
    static final String COUNTER_VALUE = "value";

    static Map<String, AttributeValue> counter(long lastNumber) {
        return Item.builder()
                .str(Keys.PK, Keys.INCIDENT_COUNTER).str(Keys.SK, Keys.COUNTER_SK).str("type", "counter")
                .num(COUNTER_VALUE, lastNumber)
                .build();
    }

    /** The number of the last incident created; 0 before the first. */
    static long lastNumber(Map<String, AttributeValue> counter) {
        return counter == null ? 0 : Item.of(counter).num(COUNTER_VALUE, 0);
    }

    // ---- service group ----

    static Map<String, AttributeValue> serviceGroup(ServiceGroup g) {
        return Item.builder()
                .str(Keys.PK, Keys.group(g.service())).str(Keys.SK, Keys.GROUP_SK)
                .str("type", "group")
                .str("service", g.service()).str("incidentId", g.incidentId()).instant("startedAt", g.startedAt())
                .num("version", g.version() + 1)
                .build();
    }

    static ServiceGroup serviceGroup(String service, Map<String, AttributeValue> raw) {
        if (raw == null || raw.isEmpty()) {
            return ServiceGroup.none(service);
        }
        Item it = Item.of(raw);
        return new ServiceGroup(service, it.str("incidentId"), it.instant("startedAt"), it.num("version", 0));
    }

    private static List<Map<String, Object>> metricsToMaps(List<AlarmMetric> metrics) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (AlarmMetric m : metrics) {
            Map<String, Object> map = new LinkedHashMap<>();
            putIfPresent(map, "id", m.id());
            putIfPresent(map, "namespace", m.namespace());
            putIfPresent(map, "name", m.name());
            if (!m.dimensions().isEmpty()) {
                map.put("dimensions", new LinkedHashMap<>(m.dimensions()));
            }
            putIfPresent(map, "stat", m.stat());
            if (m.periodSeconds() != null) {
                map.put("period", m.periodSeconds());
            }
            putIfPresent(map, "expression", m.expression());
            putIfPresent(map, "label", m.label());
            out.add(map);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<AlarmMetric> metricsFromJson(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            List<AlarmMetric> out = new ArrayList<>();
            for (Object o : (List<Object>) Json.read(json)) {
                Map<String, Object> m = (Map<String, Object>) o;
                Map<String, String> dims = new LinkedHashMap<>();
                if (m.get("dimensions") instanceof Map<?, ?> d) {
                    d.forEach((k, v) -> dims.put(String.valueOf(k), String.valueOf(v)));
                }
                Object period = m.get("period");
                out.add(new AlarmMetric((String) m.get("id"), (String) m.get("namespace"), (String) m.get("name"),
                        dims, (String) m.get("stat"), period == null ? null : ((Number) period).intValue(),
                        (String) m.get("expression"), (String) m.get("label")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("stored metrics are not JSON", e);
        }
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    // ---- track ----

    static Map<String, AttributeValue> track(AlarmTrack t) {
        return Item.builder()
                .str(Keys.PK, Keys.track(t.dedupKey())).str(Keys.SK, Keys.TRACK_SK)
                .str("type", "dedup")
                .str("dedupKey", t.dedupKey()).str("incidentId", t.incidentId()).bool("open", t.open())
                .instant("resolvedAt", t.resolvedAt()).bool("autoResolved", t.autoResolved())
                .instant("lastAlarmAt", t.lastAlarmAt()).instant("lastOkAt", t.lastOkAt())
                .num("version", t.version() + 1)
                .build();
    }

    static AlarmTrack track(String dedupKey, Map<String, AttributeValue> raw) {
        if (raw == null || raw.isEmpty()) {
            return AlarmTrack.none(dedupKey);
        }
        Item it = Item.of(raw);
        return new AlarmTrack(dedupKey, it.str("incidentId"), it.bool("open"), it.instant("resolvedAt"),
                it.bool("autoResolved"), it.instant("lastAlarmAt"), it.instant("lastOkAt"), it.num("version", 0));
    }

    // ---- timeline ----

    /**
     * Entries sort by time, then by this process's write sequence (so one worker's entries within a
     * millisecond keep their order, across transactions too: a transaction's second note stays before the
     * page sent after it), then by {@code position} within one transaction, then by a random tiebreak (so two
     * workers writing in the same millisecond never overwrite each other, even two restored from one SnapStart
     * snapshot, whose write sequences start alike: {@link FreshRandom}).
     */
    static Map<String, AttributeValue> timeline(TimelineEntry e, int position) {
        String suffix = String.format("%012x#%02d#%04x", WRITE_SEQUENCE.incrementAndGet(), position,
                FreshRandom.nextInt(1 << 16));
        return Item.builder()
                .str(Keys.PK, Keys.incident(e.incidentId()))
                .str(Keys.SK, Keys.TIMELINE_PREFIX + Keys.sortable(e.at()) + "#" + suffix)
                .str("type", "timeline")
                .str("incidentId", e.incidentId()).instant("at", e.at()).str("entryType", e.type().name())
                .str("actor", e.actor()).str("summary", e.summary()).stringMap("details", e.details())
                .build();
    }

    static TimelineEntry timeline(Map<String, AttributeValue> raw) {
        Item it = Item.of(raw);
        return new TimelineEntry(it.str("incidentId"), it.instant("at"), TimelineEntryType.valueOf(it.str("entryType")),
                it.str("actor"), it.str("summary"), it.stringMap("details"));
    }

    // ---- escalation ----

    static Map<String, AttributeValue> escalation(EscalationState e) {
        Item.Builder b = Item.builder()
                .str(Keys.PK, Keys.incident(e.incidentId())).str(Keys.SK, Keys.ESCALATION_SK)
                .str("type", "escalation")
                .str("incidentId", e.incidentId()).str("policy", e.policy()).str("status", e.status().name())
                .num("nextStep", e.nextStep()).num("lastStep", e.lastStep())
                .str("nextAt", e.nextAt() == null ? null : Keys.sortable(e.nextAt()))
                .num("lastDelaySeconds", e.lastDelay().toSeconds()).num("nextPageSequence", e.nextPageSequence())
                .num("version", e.version() + 1);
        if (e.isActive()) {
            b.str(Keys.GSI1PK, Keys.DUE_ESCALATIONS_PARTITION).str(Keys.GSI1SK, dueSortKey(e.nextAt(), e.incidentId()));
        }
        return b.build();
    }

    static String dueSortKey(java.time.Instant at, String incidentId) {
        return Keys.sortable(at) + "#" + incidentId;
    }

    static EscalationState escalation(Map<String, AttributeValue> raw) {
        Item it = Item.of(raw);
        String nextAt = it.str("nextAt");
        return new EscalationState(it.str("incidentId"), it.str("policy"), EscalationStatus.valueOf(it.str("status")),
                (int) it.num("nextStep", 0), (int) it.num("lastStep", -1),
                nextAt == null ? null : java.time.Instant.parse(nextAt),
                java.time.Duration.ofSeconds(it.num("lastDelaySeconds", 0)), (int) it.num("nextPageSequence", 1),
                it.num("version", 0));
    }

    // ---- override ----

    /** Kept a year after they end, for hours-on-call reports; then DynamoDB's TTL removes them. */
    static final java.time.Duration OVERRIDE_RETENTION = java.time.Duration.ofDays(400);

    static Map<String, AttributeValue> override(ShiftOverride o) {
        return Item.builder()
                .str(Keys.PK, Keys.ONCALL).str(Keys.SK, Keys.overrideSk(o.end(), o.source(), o.id()))
                .str("type", "override")
                .str("id", o.id()).str("source", o.source()).str("person", o.person())
                .instant("start", o.start()).instant("end", o.end())
                .str("createdBy", o.createdBy()).instant("createdAt", o.createdAt()).str("reason", o.reason())
                .num("expiresAt", o.end().plus(OVERRIDE_RETENTION).getEpochSecond())
                .build();
    }

    static ShiftOverride override(Map<String, AttributeValue> raw) {
        Item it = Item.of(raw);
        return new ShiftOverride(it.str("id"), it.str("source"), it.str("person"), it.instant("start"), it.instant("end"),
                it.str("createdBy"), it.instant("createdAt"), it.str("reason"));
    }

    // ---- page ----

    static Map<String, AttributeValue> page(Page p) {
        Item.Builder b = Item.builder()
                .str(Keys.PK, Keys.incident(p.incidentId())).str(Keys.SK, Keys.page(p.sequence()))
                .str("type", "page")
                .str("incidentId", p.incidentId()).num("sequence", p.sequence()).str("pageId", p.pageId())
                .str("target", p.target()).str("reason", p.reason().name()).str("status", p.status().name())
                .instant("createdAt", p.createdAt()).str("dueAt", Keys.sortable(p.dueAt()))
                .str("claimToken", p.claimToken()).num("attempts", p.attempts())
                .instant("sentAt", p.sentAt()).str("messageId", p.messageId());
        if (p.status() == PageStatus.PENDING) {
            b.str(Keys.GSI1PK, Keys.PENDING_PAGES_PARTITION).str(Keys.GSI1SK, pendingSortKey(p.dueAt(), p.pageId()));
        }
        return b.build();
    }

    /** How long a target's sent pages are kept: "which incident was I paged for" looks at the newest only. */
    static final java.time.Duration PAGE_SENT_RETENTION = java.time.Duration.ofDays(400);

    /** A page sent to a target: which incident it was for. */
    static Map<String, AttributeValue> pageSent(Page p, java.time.Instant sentAt) {
        return Item.builder()
                .str(Keys.PK, Keys.target(p.target())).str(Keys.SK, Keys.pageSent(sentAt, p.pageId()))
                .str("type", "page-sent")
                .str("target", p.target()).str("incidentId", p.incidentId()).str("pageId", p.pageId())
                .instant("sentAt", sentAt).num("expiresAt", sentAt.plus(PAGE_SENT_RETENTION).getEpochSecond())
                .build();
    }

    static String lastPagedIncident(Map<String, AttributeValue> lastPage) {
        return Item.of(lastPage).str("incidentId");
    }

    static String pendingSortKey(java.time.Instant dueAt, String pageId) {
        return Keys.sortable(dueAt) + "#" + pageId;
    }

    static Page page(Map<String, AttributeValue> raw) {
        Item it = Item.of(raw);
        return new Page(it.str("incidentId"), (int) it.num("sequence", 0), it.str("target"),
                PageReason.valueOf(it.str("reason")), PageStatus.valueOf(it.str("status")), it.instant("createdAt"),
                java.time.Instant.parse(it.str("dueAt")), it.str("claimToken"), (int) it.num("attempts", 0),
                it.instant("sentAt"), it.str("messageId"));
    }
}
