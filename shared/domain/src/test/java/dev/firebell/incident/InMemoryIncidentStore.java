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
    /** Every transition given to {@link #apply}, in order (written or not). */
    final List<Transition> applied = new ArrayList<>();
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
        applied.add(t);
        t.accept(new Writes(eventKey)).commit();
    }

    /** What one transaction writes, every check done before any of it is. */
    private final class Staged {
        private final String eventKey;
        private final AlarmTrack track;
        private final Map<String, Incident> changed = new HashMap<>();
        private final List<TimelineEntry> entries = new ArrayList<>();
        private final List<Page> newPages = new ArrayList<>();
        private ServiceGroup group;
        private long number;

        Staged(String eventKey, AlarmTrack track) {
            this.eventKey = eventKey;
            this.track = track;
        }

        void commit() {
            if (eventKey == null) {
                return;
            }
            events.add(eventKey);
            tracks.put(track.dedupKey(), new AlarmTrack(track.dedupKey(), track.incidentId(), track.open(),
                    track.resolvedAt(), track.autoResolved(), track.lastAlarmAt(), track.lastOkAt(), track.version() + 1));
            incidents.putAll(changed);
            for (TimelineEntry e : entries) {
                timelines.computeIfAbsent(e.incidentId(), k -> new ArrayList<>()).add(e);
            }
            for (Page p : newPages) {
                pages.computeIfAbsent(p.incidentId(), k -> new ArrayList<>()).add(p);
            }
            if (group != null) {
                groups.put(group.service(), group);
            }
            counter = Math.max(counter, number);
        }
    }

    /**
     * Each kind's conditions and writes, in the order DynamoIncidentStore's transaction checks them: the event record
     * first (a redelivery wins over any other failure), then the track, then the incidents.
     */
    private final class Writes implements Transition.Visitor<Staged> {
        private final String eventKey;

        Writes(String eventKey) {
            this.eventKey = eventKey;
        }

        /** The event record, the track, and the incident the alarm leaves (if any): what every write has. */
        private Staged begin(Transition t) {
            if (events.contains(eventKey)) {
                throw new EventAlreadyProcessedException(eventKey, t.track().incidentId());
            }
            AlarmTrack stored = tracks.get(t.track().dedupKey());
            check((stored == null ? 0 : stored.version()) == t.track().version(), "track version");
            Staged staged = new Staged(eventKey, t.track());
            if (t.releases() != null) {
                Incident old = require(t.releases());
                staged.changed.put(old.id(), counted(old, -1));
            }
            return staged;
        }

        @Override
        public Staged open(Transition.Open open) {
            Staged staged = begin(open);
            check(!incidents.containsKey(open.incident().id()), "incident absent");
            check(IncidentNumbers.of(open.incident().id()) == counter + 1, "number " + open.incident().id() + " free");
            staged.number = IncidentNumbers.of(open.incident().id());
            staged.changed.put(open.incident().id(), open.incident().toBuilder().version(1).build());
            staged.entries.addAll(open.entries());
            staged.newPages.addAll(open.pages());
            if (open.group() != null) {
                ServiceGroup current = groups.get(open.group().service());
                check((current == null ? 0 : current.version()) == open.group().version(), "group version");
                staged.group = new ServiceGroup(open.group().service(), open.group().incidentId(),
                        open.group().startedAt(), open.group().version() + 1);
            }
            return staged;
        }

        @Override
        public Staged join(Transition.Join join) {
            Staged staged = begin(join);
            Incident i = require(join.incidentId());
            check(i.isOpen() && i.isGrouped(), "open grouped incident");
            AlarmGroup g = i.group();
            List<String> names = new ArrayList<>(g.memberNames());
            if (join.listedName() != null) {
                check(names.size() < AlarmGroup.MAX_NAMES, "room for a name");
                names.add(join.listedName());
            }
            staged.changed.put(i.id(), i.toBuilder().lastSeenAt(join.seenAt()).alarmCount(i.alarmCount() + 1)
                    .group(new AlarmGroup(g.inAlarm() + (join.counted() ? 1 : 0), g.members() + (join.newMember() ? 1 : 0),
                            names)).version(i.version() + 1).build());
            staged.entries.add(join.entry());
            return staged;
        }

        @Override
        public Staged memberOk(Transition.MemberOk ok) {
            Staged staged = begin(ok);
            Incident i = require(ok.incidentId());
            if (ok.atLeast() > 0) {
                check(i.group().inAlarm() >= ok.atLeast() && i.isOpen(), "count still at least " + ok.atLeast());
            }
            staged.changed.put(i.id(), counted(i, -1));
            staged.entries.add(ok.entry());
            return staged;
        }

        @Override
        public Staged fold(Transition.Fold fold) {
            Staged staged = begin(fold);
            Incident i = require(fold.incidentId());
            check(i.isOpen(), "not resolved");
            staged.changed.put(i.id(), i.toBuilder().alarmCount(i.alarmCount() + 1).lastSeenAt(fold.seenAt())
                    .version(i.version() + 1).build());
            staged.entries.add(fold.entry());
            return staged;
        }

        @Override
        public Staged resolve(Transition.Resolve resolve) {
            Staged staged = begin(resolve);
            Incident i = require(resolve.incident().id());
            check(i.version() == resolve.incident().version(), "incident version");
            Incident r = i.toBuilder().status(IncidentStatus.RESOLVED).resolvedAt(resolve.okAt())
                    .resolvedBy(Incident.RESOLVED_BY_ALARM).statusBeforeResolve(i.status()).build();
            staged.changed.put(i.id(), i.isGrouped() ? counted(r, -1) : r.toBuilder().version(i.version() + 1).build());
            staged.entries.add(resolve.entry());
            return staged;
        }

        @Override
        public Staged reopen(Transition.Reopen reopen) {
            Staged staged = begin(reopen);
            Incident i = require(reopen.incident().id());
            check(i.version() == reopen.incident().version(), "incident version");
            Incident r = i.toBuilder().status(reopen.incident().status()).resolvedAt(null).resolvedBy(null)
                    .statusBeforeResolve(null).reopenCount(i.reopenCount() + 1).alarmCount(i.alarmCount() + 1).build();
            staged.changed.put(i.id(), i.isGrouped() ? counted(r, 1) : r.toBuilder().version(i.version() + 1).build());
            staged.entries.add(reopen.entry());
            return staged;
        }

        @Override
        public Staged note(Transition.Note note) {
            Staged staged = begin(note);
            staged.entries.add(note.entry());
            return staged;
        }

        @Override
        public Staged rememberOk(Transition.RememberOk ok) {
            return begin(ok); // the newer OK time is in the track
        }

        @Override
        public Staged ignore(Transition.Ignore ignore) {
            return new Staged(null, ignore.track()); // nothing, not even the event record
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
