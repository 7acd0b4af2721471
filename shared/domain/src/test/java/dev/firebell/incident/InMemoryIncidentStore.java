package dev.firebell.incident;

import dev.firebell.paging.Page;
import dev.firebell.timeline.TimelineEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The alarm path's store in memory, with the same conditions DynamoIncidentStore puts on each write (event key
 * absent, track and group versions, a new incident's number the next one, a join only into an open incident, a
 * member's OK on the count it read, a resolve on the incident's version), so that the rules can be exercised over long
 * random storms without AWS. Not thread-safe: it models one serialized sequence of transactions, which is what
 * DynamoDB gives per item.
 */
final class InMemoryIncidentStore implements IncidentStore {

    final Map<String, AlarmTrack> tracks = new HashMap<>();
    final Map<String, Incident> incidents = new HashMap<>();
    final Map<String, ServiceGroup> groups = new HashMap<>();
    final Map<String, List<TimelineEntry>> timelines = new HashMap<>();
    final Map<String, List<Page>> pages = new HashMap<>();
    final Set<String> events = new HashSet<>();
    private long counter;

    @Override
    public AlarmTrack track(String dedupKey) {
        return tracks.getOrDefault(dedupKey, AlarmTrack.none(dedupKey));
    }

    @Override
    public Optional<Incident> incident(String incidentId) {
        return Optional.ofNullable(incidents.get(incidentId));
    }

    @Override
    public ServiceGroup serviceGroup(String service) {
        return groups.getOrDefault(service, ServiceGroup.none(service));
    }

    @Override
    public String nextIncidentId() {
        return IncidentNumbers.after(counter);
    }

    @Override
    public void apply(Transition t, String eventKey) {
        if (t instanceof Transition.Ignore) {
            return;
        }
        if (events.contains(eventKey)) {
            throw new EventAlreadyProcessedException(eventKey, t.track().incidentId());
        }
        // Every check first, as a transaction does; then every write.
        AlarmTrack stored = tracks.get(t.track().dedupKey());
        check((stored == null ? 0 : stored.version()) == t.track().version(), "track version");
        Map<String, Incident> changed = new HashMap<>();
        List<TimelineEntry> entries = new ArrayList<>();
        if (t.releases() != null) {
            Incident old = require(t.releases());
            changed.put(old.id(), counted(old, -1));
        }
        if (t instanceof Transition.Open open) {
            check(!incidents.containsKey(open.incident().id()), "incident absent");
            check(IncidentNumbers.of(open.incident().id()) == counter + 1, "number " + open.incident().id() + " free");
            changed.put(open.incident().id(), open.incident().toBuilder().version(1).build());
            entries.addAll(open.entries());
            pages.computeIfAbsent(open.incident().id(), k -> new ArrayList<>()).addAll(open.pages());
            if (open.group() != null) {
                ServiceGroup current = groups.get(open.group().service());
                check((current == null ? 0 : current.version()) == open.group().version(), "group version");
                groups.put(open.group().service(), new ServiceGroup(open.group().service(), open.group().incidentId(),
                        open.group().startedAt(), open.group().version() + 1));
            }
        } else if (t instanceof Transition.Join join) {
            Incident i = require(join.incidentId());
            check(i.isOpen() && i.isGrouped(), "open grouped incident");
            AlarmGroup g = i.group();
            List<String> names = new ArrayList<>(g.memberNames());
            if (join.listedName() != null) {
                check(names.size() < AlarmGroup.MAX_NAMES, "room for a name");
                names.add(join.listedName());
            }
            changed.put(i.id(), i.toBuilder().lastSeenAt(join.seenAt()).alarmCount(i.alarmCount() + 1)
                    .group(new AlarmGroup(g.inAlarm() + (join.counted() ? 1 : 0), g.members() + (join.newMember() ? 1 : 0),
                            names)).version(i.version() + 1).build());
            entries.add(join.entry());
        } else if (t instanceof Transition.MemberOk ok) {
            Incident i = require(ok.incidentId());
            if (ok.atLeast() > 0) {
                check(i.group().inAlarm() >= ok.atLeast() && i.isOpen(), "count still at least " + ok.atLeast());
            }
            changed.put(i.id(), counted(i, -1));
            entries.add(ok.entry());
        } else if (t instanceof Transition.Fold fold) {
            Incident i = require(fold.incidentId());
            check(i.isOpen(), "not resolved");
            changed.put(i.id(), i.toBuilder().alarmCount(i.alarmCount() + 1).lastSeenAt(fold.seenAt())
                    .version(i.version() + 1).build());
            entries.add(fold.entry());
        } else if (t instanceof Transition.Resolve resolve) {
            Incident i = require(resolve.incident().id());
            check(i.version() == resolve.incident().version(), "incident version");
            Incident r = i.toBuilder().status(IncidentStatus.RESOLVED).resolvedAt(resolve.okAt())
                    .resolvedBy(Incident.RESOLVED_BY_ALARM).statusBeforeResolve(i.status()).build();
            changed.put(i.id(), i.isGrouped() ? counted(r, -1) : r.toBuilder().version(i.version() + 1).build());
            entries.add(resolve.entry());
        } else if (t instanceof Transition.Reopen reopen) {
            Incident i = require(reopen.incident().id());
            check(i.version() == reopen.incident().version(), "incident version");
            Incident r = i.toBuilder().status(reopen.incident().status()).resolvedAt(null).resolvedBy(null)
                    .statusBeforeResolve(null).reopenCount(i.reopenCount() + 1).alarmCount(i.alarmCount() + 1).build();
            changed.put(i.id(), i.isGrouped() ? counted(r, 1) : r.toBuilder().version(i.version() + 1).build());
            entries.add(reopen.entry());
        } else if (t instanceof Transition.Note note) {
            entries.add(note.entry());
        }
        events.add(eventKey);
        if (t instanceof Transition.Open open) {
            counter = IncidentNumbers.of(open.incident().id());
        }
        tracks.put(t.track().dedupKey(), new AlarmTrack(t.track().dedupKey(), t.track().incidentId(), t.track().open(),
                t.track().resolvedAt(), t.track().autoResolved(), t.track().lastAlarmAt(), t.track().lastOkAt(),
                t.track().version() + 1));
        incidents.putAll(changed);
        for (TimelineEntry e : entries) {
            timelines.computeIfAbsent(e.incidentId(), k -> new ArrayList<>()).add(e);
        }
    }

    private static Incident counted(Incident i, int by) {
        AlarmGroup g = i.group();
        return i.toBuilder().group(new AlarmGroup(g.inAlarm() + by, g.members(), g.memberNames()))
                .version(i.version() + 1).build();
    }

    private Incident require(String id) {
        Incident i = incidents.get(id);
        check(i != null, "incident " + id + " exists");
        return i;
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new ConcurrentChangeException("condition failed: " + what);
        }
    }

    @Override
    public void update(Incident changed, List<TimelineEntry> entries, List<Page> pages, AlarmTrack track) {
        throw new UnsupportedOperationException("people's commands are not modelled here");
    }

    @Override
    public List<TimelineEntry> timeline(String incidentId) {
        return timelines.getOrDefault(incidentId, List.of());
    }

    @Override
    public List<Page> pages(String incidentId) {
        return pages.getOrDefault(incidentId, List.of());
    }

    @Override
    public Optional<String> lastPagedIncident(String target) {
        return Optional.empty();
    }

    @Override
    public List<Incident> openIncidents() {
        return incidents.values().stream().filter(Incident::isOpen).toList();
    }
}
