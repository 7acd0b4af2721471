package dev.firebell.incident;

import dev.firebell.escalation.EscalationState;
import dev.firebell.paging.Page;
import dev.firebell.timeline.TimelineEntry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The incident store in memory, writing what DynamoIncidentStore writes under the same conditions (event key absent,
 * track, incident, group and escalation versions, a new incident's number the next one, a page's sequence free, a join
 * only into an open grouped incident, a member's OK on the count it read), so that the rules can be exercised over
 * long random storms without AWS. {@link IncidentStoreContract} holds both to the same behaviour; where they
 * disagreed, DynamoDB was right. Not thread-safe: it models one serialized sequence of transactions, which is what
 * DynamoDB gives per item.
 */
public final class InMemoryIncidentStore implements IncidentStore {

    final Map<String, AlarmTrack> tracks = new HashMap<>();
    final Map<String, Incident> incidents = new HashMap<>();
    final Map<String, ServiceGroup> groups = new HashMap<>();
    final Map<String, List<TimelineEntry>> timelines = new HashMap<>();
    final Map<String, List<Page>> pages = new HashMap<>();
    final Map<String, EscalationState> escalations = new HashMap<>();
    /** Processed event keys, each with the incident its first delivery touched (null for none). */
    final Map<String, String> events = new HashMap<>();
    /** Every transition given to {@link #apply}, in order (written or not). */
    final List<Transition> applied = new ArrayList<>();
    private final Map<String, LastPage> lastPages = new HashMap<>();
    private long counter;

    private record LastPage(String incidentId, Instant sentAt) {
    }

    // ---------------------------------------------------------------- reads

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
    public Optional<EscalationState> escalation(String incidentId) {
        return Optional.ofNullable(escalations.get(incidentId));
    }

    /** Oldest first; entries of one millisecond in the order they were written (DynamoDB's sort key). */
    @Override
    public List<TimelineEntry> timeline(String incidentId) {
        List<TimelineEntry> out = new ArrayList<>(timelines.getOrDefault(incidentId, List.of()));
        out.sort(Comparator.comparing(e -> e.at().truncatedTo(ChronoUnit.MILLIS)));
        return out;
    }

    @Override
    public List<Page> pages(String incidentId) {
        List<Page> out = new ArrayList<>(pages.getOrDefault(incidentId, List.of()));
        out.sort(Comparator.comparingInt(Page::sequence));
        return out;
    }

    @Override
    public Optional<String> lastPagedIncident(String target) {
        return Optional.ofNullable(lastPages.get(target)).map(LastPage::incidentId);
    }

    @Override
    public List<Incident> openIncidents() {
        return incidents.values().stream().filter(Incident::isOpen).sorted(Comparator.comparing(Incident::openedAt))
                .toList();
    }

    /** What the indexes give: the matches newest first, after the query's position, one more than the page holds. */
    @Override
    public IncidentPage incidents(IncidentQuery query) {
        return IncidentPage.of(incidents.values().stream().filter(query::matches)
                .filter(i -> query.after() == null || query.after().precedes(i))
                .sorted(IncidentCursor.NEWEST_FIRST).limit(query.limit() + 1L).toList(), query.limit());
    }

    /**
     * What DynamoPageOutbox records when a page is sent, for {@link #lastPagedIncident}: the target's page, unless a
     * newer one to it is recorded already.
     */
    void pageSent(Page page, Instant sentAt) {
        LastPage last = lastPages.get(page.target());
        if (last == null || !last.sentAt().isAfter(sentAt)) {
            lastPages.put(page.target(), new LastPage(page.incidentId(), sentAt));
        }
    }

    // ---------------------------------------------------------------- writes

    @Override
    public void apply(Transition t, String eventKey) {
        applied.add(t);
        t.accept(new Writes(eventKey)).commit();
    }

    @Override
    public void update(Incident changed, List<TimelineEntry> entries, List<Page> newPages, AlarmTrack track) {
        update(changed, entries, newPages, track, null);
    }

    @Override
    public void update(Incident changed, List<TimelineEntry> entries, List<Page> newPages, AlarmTrack track,
                       EscalationState escalation) {
        Staged staged = new Staged(null);
        if (changed.version() == 0) {
            staged.created(changed);
        } else {
            Incident stored = incidents.get(changed.id());
            check(stored != null && stored.version() == changed.version(), "incident version");
            staged.changed.put(changed.id(), changed.toBuilder().version(changed.version() + 1).build());
        }
        staged.entries.addAll(entries);
        staged.pages(newPages);
        if (track != null) {
            staged.track(track);
        }
        if (escalation != null) {
            staged.escalation(escalation);
        }
        staged.commit();
    }

    /** What one transaction writes: every check is done while staging, before any of it is written. */
    private final class Staged {
        private final String eventKey;
        private String eventIncidentId;
        private AlarmTrack track;
        private final Map<String, Incident> changed = new HashMap<>();
        private final List<TimelineEntry> entries = new ArrayList<>();
        private final List<Page> newPages = new ArrayList<>();
        private ServiceGroup group;
        private EscalationState escalation;
        private long number;

        Staged(String eventKey) {
            this.eventKey = eventKey;
        }

        /** The event record, absent: the first check, as in DynamoIncidentStore's transaction. */
        void eventRecord(String incidentId) {
            if (events.containsKey(eventKey)) {
                throw new EventAlreadyProcessedException(eventKey, events.get(eventKey));
            }
            eventIncidentId = incidentId;
        }

        void track(AlarmTrack t) {
            AlarmTrack stored = tracks.get(t.dedupKey());
            check((stored == null ? 0 : stored.version()) == t.version(), "track version");
            track = t;
        }

        void created(Incident incident) {
            long n = IncidentNumbers.of(incident.id());
            check(!incidents.containsKey(incident.id()), "incident absent");
            check(n == counter + 1, "number " + incident.id() + " is the next");
            changed.put(incident.id(), incident.toBuilder().version(1).build());
            number = n;
        }

        void pages(List<Page> added) {
            for (Page p : added) {
                check(pages.getOrDefault(p.incidentId(), List.of()).stream().noneMatch(s -> s.sequence() == p.sequence()),
                        "page " + p.pageId() + " absent");
            }
            newPages.addAll(added);
        }

        void escalation(EscalationState e) {
            EscalationState stored = escalations.get(e.incidentId());
            check((stored == null ? 0 : stored.version()) == e.version(), "escalation version");
            escalation = new EscalationState(e.incidentId(), e.policy(), e.status(), e.nextStep(), e.lastStep(),
                    e.nextAt(), e.lastDelay(), e.nextPageSequence(), e.version() + 1);
        }

        /** The incident as changed so far in this transaction, or as stored. */
        Incident current(String id) {
            Incident i = changed.containsKey(id) ? changed.get(id) : incidents.get(id);
            check(i != null, "incident " + id + " exists");
            return i;
        }

        void commit() {
            if (eventKey != null) {
                events.put(eventKey, eventIncidentId);
            }
            if (track != null) {
                tracks.put(track.dedupKey(), new AlarmTrack(track.dedupKey(), track.incidentId(), track.open(),
                        track.resolvedAt(), track.autoResolved(), track.lastAlarmAt(), track.lastOkAt(),
                        track.version() + 1));
            }
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
            if (escalation != null) {
                escalations.put(escalation.incidentId(), escalation);
            }
            counter = Math.max(counter, number);
        }
    }

    /**
     * Each kind's conditions and writes, in the order DynamoIncidentStore's transaction (TransitionWrites) has them: the
     * event record first (a redelivery wins over any other failure), then the track, then the incidents.
     */
    private final class Writes implements Transition.Visitor<Staged> {
        private final String eventKey;

        Writes(String eventKey) {
            this.eventKey = eventKey;
        }

        /** The event record, the track, and the grouped incident the alarm stops counting in (if any). */
        private Staged begin(Transition t, String incidentId) {
            Staged staged = new Staged(eventKey);
            staged.eventRecord(incidentId);
            staged.track(t.track());
            if (t.releases() != null) {
                staged.changed.put(t.releases(), counted(staged.current(t.releases()), -1));
            }
            return staged;
        }

        @Override
        public Staged open(Transition.Open open) {
            Staged staged = begin(open, open.incident().id());
            staged.created(open.incident());
            staged.entries.addAll(open.entries());
            staged.pages(open.pages());
            if (open.escalation() != null) {
                staged.escalation(open.escalation());
            }
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
            Staged staged = begin(join, join.track().incidentId());
            Incident i = staged.current(join.incidentId());
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
            Staged staged = begin(ok, ok.track().incidentId());
            Incident i = staged.current(ok.incidentId());
            if (ok.atLeast() > 0) {
                check(i.group().inAlarm() >= ok.atLeast() && i.isOpen(), "count still at least " + ok.atLeast());
            }
            staged.changed.put(i.id(), counted(i, -1));
            staged.entries.add(ok.entry());
            return staged;
        }

        @Override
        public Staged fold(Transition.Fold fold) {
            Staged staged = begin(fold, fold.track().incidentId());
            Incident i = staged.current(fold.incidentId());
            check(i.isOpen(), "not resolved");
            staged.changed.put(i.id(), i.toBuilder().alarmCount(i.alarmCount() + 1).lastSeenAt(fold.seenAt())
                    .version(i.version() + 1).build());
            staged.entries.add(fold.entry());
            return staged;
        }

        @Override
        public Staged resolve(Transition.Resolve resolve) {
            Staged staged = begin(resolve, resolve.track().incidentId());
            Incident i = staged.current(resolve.incident().id());
            check(i.version() == resolve.incident().version(), "incident version");
            Incident r = i.toBuilder().status(IncidentStatus.RESOLVED).resolvedAt(resolve.okAt())
                    .resolvedBy(Incident.RESOLVED_BY_ALARM).statusBeforeResolve(resolve.incident().status()).build();
            staged.changed.put(i.id(), i.isGrouped() ? counted(r, -1) : r.toBuilder().version(i.version() + 1).build());
            staged.entries.add(resolve.entry());
            return staged;
        }

        @Override
        public Staged reopen(Transition.Reopen reopen) {
            Staged staged = begin(reopen, reopen.track().incidentId());
            Incident i = staged.current(reopen.incident().id());
            check(i.version() == reopen.incident().version(), "incident version");
            Incident r = i.toBuilder().status(reopen.incident().status()).lastSeenAt(reopen.seenAt()).resolvedAt(null)
                    .resolvedBy(null).statusBeforeResolve(null).reopenCount(i.reopenCount() + 1)
                    .alarmCount(i.alarmCount() + 1).build();
            staged.changed.put(i.id(), i.isGrouped() ? counted(r, 1) : r.toBuilder().version(i.version() + 1).build());
            staged.entries.add(reopen.entry());
            if (reopen.escalation() != null) {
                staged.escalation(reopen.escalation());
            }
            return staged;
        }

        @Override
        public Staged note(Transition.Note note) {
            Staged staged = begin(note, note.track().incidentId());
            staged.entries.add(note.entry());
            return staged;
        }

        @Override
        public Staged rememberOk(Transition.RememberOk ok) {
            return begin(ok, ok.track().incidentId()); // the newer OK time is in the track
        }

        @Override
        public Staged ignore(Transition.Ignore ignore) {
            return new Staged(null); // nothing, not even the event record
        }
    }

    private static Incident counted(Incident i, int by) {
        AlarmGroup g = i.group();
        return i.toBuilder().group(new AlarmGroup(g.inAlarm() + by, g.members(), g.memberNames()))
                .version(i.version() + 1).build();
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new ConcurrentChangeException("condition failed: " + what);
        }
    }
}
