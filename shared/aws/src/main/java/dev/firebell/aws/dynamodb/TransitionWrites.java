package dev.firebell.aws.dynamodb;

import dev.firebell.incident.AlarmGroup;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.Transition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The one place that decides which writes each kind of transition needs: the items of one TransactWriteItems, in
 * order. Every kind but {@link Transition.Ignore} starts with the event record (write 0, which redelivery detection
 * relies on), then the track, then the incident the alarm leaves (if any); an Ignore writes nothing.
 */
final class TransitionWrites implements Transition.Visitor<List<TransactWriteItem>> {

    private final IncidentTable items;
    private final Table table;
    private final String eventKey;
    private final Instant now;

    /** The writes of the transition of event {@code eventKey}, processed at {@code now}. */
    TransitionWrites(IncidentTable items, String eventKey, Instant now) {
        this.items = items;
        this.table = items.table();
        this.eventKey = eventKey;
        this.now = now;
    }

    /** The event record FIRST, the track, and the release of the grouped incident the alarm leaves, if any. */
    private List<TransactWriteItem> begin(Transition t, String incidentId) {
        List<TransactWriteItem> out = new ArrayList<>();
        out.add(items.eventRecord(eventKey, incidentId, now));
        out.add(items.track(t.track()));
        if (t.releases() != null) {
            // The alarm leaves a grouped incident (a person resolved it) while counted there in ALARM.
            out.add(table.update(Keys.incident(t.releases()), Keys.INCIDENT_SK,
                    "ADD " + IncidentItems.IN_ALARM + " :minus, version :one", "attribute_exists(PK)", Map.of(),
                    Map.of(":minus", Table.MINUS_ONE, ":one", Table.ONE)));
        }
        return out;
    }

    @Override
    public List<TransactWriteItem> open(Transition.Open open) {
        List<TransactWriteItem> out = begin(open, open.incident().id());
        out.addAll(items.created(open.incident()));
        out.addAll(items.timeline(open.entries()));
        out.addAll(items.pages(open.pages()));
        if (open.escalation() != null) {
            out.add(items.escalation(open.escalation()));
        }
        if (open.group() != null) {
            // Guarded by the version read: of two alarms racing to open the service's incident, one wins and the
            // other, reading again, joins it.
            out.add(table.putVersioned(IncidentItems.serviceGroup(open.group()), open.group().version()));
        }
        return out;
    }

    /**
     * A join counts up without a version check, so that a storm's alarms joining at once do not conflict with one
     * another (ADD commutes); it bumps the version, so a last member's resolve decided before it fails and is
     * decided again. The incident must still be open.
     */
    @Override
    public List<TransactWriteItem> join(Transition.Join join) {
        List<TransactWriteItem> out = begin(join, join.track().incidentId());
        StringBuilder expression = new StringBuilder("SET lastSeenAt = :seen");
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":seen", Item.s(join.seenAt().toString()),
                ":one", Table.ONE, ":resolved", Item.s(IncidentStatus.RESOLVED.name())));
        String condition = "#status <> :resolved AND attribute_exists(" + IncidentItems.MEMBER_COUNT + ")";
        if (join.listedName() != null) {
            expression.append(", ").append(IncidentItems.MEMBER_NAMES).append(" = list_append(")
                    .append(IncidentItems.MEMBER_NAMES).append(", :name)");
            values.put(":name", AttributeValue.fromL(List.of(Item.s(join.listedName()))));
            // Bounded even when joins race: the one that would overflow fails and decides again without its name.
            condition += " AND size(" + IncidentItems.MEMBER_NAMES + ") < :max";
            values.put(":max", Item.n(AlarmGroup.MAX_NAMES));
        }
        expression.append(" ADD alarmCount :one, version :one");
        if (join.counted()) {
            expression.append(", ").append(IncidentItems.IN_ALARM).append(" :one");
        }
        if (join.newMember()) {
            expression.append(", ").append(IncidentItems.MEMBER_COUNT).append(" :one");
        }
        out.add(table.update(Keys.incident(join.incidentId()), Keys.INCIDENT_SK, expression.toString(), condition,
                Map.of("#status", "status"), values));
        out.add(items.entry(join.entry()));
        return out;
    }

    /**
     * "Another alarm is still in ALARM" must still hold when written (count at least 2): two members returning at once
     * cannot both count on the other, and members that are not the last do not conflict.
     */
    @Override
    public List<TransactWriteItem> memberOk(Transition.MemberOk ok) {
        List<TransactWriteItem> out = begin(ok, ok.track().incidentId());
        boolean checked = ok.atLeast() > 0;
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":minus", Table.MINUS_ONE, ":one", Table.ONE));
        if (checked) {
            values.put(":atLeast", Item.n(ok.atLeast()));
            values.put(":resolved", Item.s(IncidentStatus.RESOLVED.name()));
        }
        out.add(table.update(Keys.incident(ok.incidentId()), Keys.INCIDENT_SK,
                "ADD " + IncidentItems.IN_ALARM + " :minus, version :one",
                checked ? IncidentItems.IN_ALARM + " >= :atLeast AND #status <> :resolved" : "attribute_exists(PK)",
                checked ? Map.of("#status", "status") : Map.of(), values));
        out.add(items.entry(ok.entry()));
        return out;
    }

    /** Counting is commutative, so concurrent folds need no version check on the incident. */
    @Override
    public List<TransactWriteItem> fold(Transition.Fold fold) {
        List<TransactWriteItem> out = begin(fold, fold.track().incidentId());
        out.add(table.update(Keys.incident(fold.incidentId()), Keys.INCIDENT_SK,
                "SET lastSeenAt = :seen ADD alarmCount :one, version :one",
                "#status <> :resolved",
                Map.of("#status", "status"),
                Map.of(":seen", Item.s(fold.seenAt().toString()), ":one", Table.ONE,
                        ":resolved", Item.s(IncidentStatus.RESOLVED.name()))));
        out.add(items.entry(fold.entry()));
        return out;
    }

    @Override
    public List<TransactWriteItem> resolve(Transition.Resolve resolve) {
        List<TransactWriteItem> out = begin(resolve, resolve.track().incidentId());
        Incident i = resolve.incident();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":resolved", Item.s(IncidentStatus.RESOLVED.name()),
                ":at", Item.s(resolve.okAt().toString()), ":by", Item.s(Incident.RESOLVED_BY_ALARM),
                ":before", Item.s(i.status().name()), ":one", Table.ONE, ":v", Item.n(i.version())));
        if (i.isGrouped()) {
            values.put(":minus", Table.MINUS_ONE);
        }
        out.add(table.update(Keys.incident(i.id()), Keys.INCIDENT_SK,
                "SET #status = :resolved, resolvedAt = :at, resolvedBy = :by, statusBeforeResolve = :before"
                        + " ADD version :one" + (i.isGrouped() ? ", " + IncidentItems.IN_ALARM + " :minus" : "")
                        + " REMOVE GSI1PK, GSI1SK",
                "version = :v",
                Map.of("#status", "status"), values));
        out.add(items.entry(resolve.entry()));
        return out;
    }

    @Override
    public List<TransactWriteItem> reopen(Transition.Reopen reopen) {
        List<TransactWriteItem> out = begin(reopen, reopen.track().incidentId());
        Incident i = reopen.incident();
        out.add(table.update(Keys.incident(i.id()), Keys.INCIDENT_SK,
                "SET #status = :restored, lastSeenAt = :seen, GSI1PK = :open, GSI1SK = :openSk"
                        + " ADD reopenCount :one, alarmCount :one, version :one"
                        + (i.isGrouped() ? ", " + IncidentItems.IN_ALARM + " :one" : "")
                        + " REMOVE resolvedAt, resolvedBy, statusBeforeResolve",
                "version = :v",
                Map.of("#status", "status"),
                Map.of(":restored", Item.s(i.status().name()), ":seen", Item.s(reopen.seenAt().toString()),
                        ":open", Item.s(Keys.OPEN_PARTITION), ":openSk", Item.s(IncidentItems.openSortKey(i)),
                        ":one", Table.ONE, ":v", Item.n(i.version()))));
        out.add(items.entry(reopen.entry()));
        if (reopen.escalation() != null) {
            out.add(items.escalation(reopen.escalation()));
        }
        return out;
    }

    @Override
    public List<TransactWriteItem> note(Transition.Note note) {
        List<TransactWriteItem> out = begin(note, note.track().incidentId());
        out.add(items.entry(note.entry()));
        return out;
    }

    /** The newer OK time is in the track: nothing else changes. */
    @Override
    public List<TransactWriteItem> rememberOk(Transition.RememberOk ok) {
        return begin(ok, ok.track().incidentId());
    }

    @Override
    public List<TransactWriteItem> ignore(Transition.Ignore ignore) {
        return List.of();
    }
}
