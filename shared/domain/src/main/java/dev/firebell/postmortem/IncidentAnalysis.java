package dev.firebell.postmortem;

import dev.firebell.account.Origin;
import dev.firebell.account.Origins;
import dev.firebell.alarm.AlarmKind;
import dev.firebell.alarm.AlarmReason;
import dev.firebell.incident.Incident;
import dev.firebell.metrics.IncidentMetrics;
import dev.firebell.routing.Severity;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts a postmortem draft is written from, read once from an incident and its timeline: milestones, how long
 * it spent at each severity, who did what, what repeated. One pass over the timeline, so a 10,000-entry incident
 * costs what reading it costs.
 */
final class IncidentAnalysis {

    record SeverityPeriod(Severity severity, Instant from, Instant to) {
        Duration duration() {
            return Duration.between(from, to);
        }
    }

    record Period(Instant from, Instant to) {
        Duration duration() {
            return Duration.between(from, to);
        }
    }

    /** A person's entry on the timeline: acknowledgement, resolve, severity change, role, note... */
    record Action(Instant at, String actor, TimelineEntryType type, String summary) {
    }

    /** Responsibility moving between people: a role, or the acknowledgement. */
    record Handoff(Instant at, String what, String from, String to) {
    }

    record Escalation(Instant at, String level, String summary) {
    }

    /** Free text a person wrote: a note, or what resolved the incident. */
    record Written(Instant at, String actor, String text) {
    }

    /** Another alarm of the service that joined the incident (ADR 0040); {@code at} is when it fired. */
    record GroupedAlarm(Instant at, String name, String arn, boolean recovered) {
    }

    final Incident incident;
    /** Where its alarm comes from when that is not Firebell's own account and region; null at home. */
    final Origin origin;
    /** Says the same of its child alarms. */
    final Origins origins;
    final IncidentMetrics metrics;
    /** When the alarm fired, or the incident was declared: the incident's start and its "detected" milestone. */
    final Instant start;
    /** The earliest evidence in the alarm's reason (first breaching datapoint, or the child alarm's change). */
    final Instant evidence;
    final AlarmReason.ChildTransition compositeTrigger;
    final Instant firstPage;
    final Instant firstAck;
    final String firstAckBy;
    /** When the alarm returned to OK for the last time (the signal recovered), if it did before the resolve. */
    final Instant mitigated;
    final String mitigatedBy;
    final String declaredBy;
    final boolean recoveredOnArrival;

    final Severity initialSeverity;
    final Severity highestSeverity;
    final List<SeverityPeriod> severityPeriods;
    final Map<Severity, Duration> timeAtSeverity;
    final List<Period> openPeriods;

    final Map<String, Integer> pagesByTarget = new LinkedHashMap<>();
    int pagesFailed;
    int pagesCancelled;
    final List<Escalation> escalations = new ArrayList<>();
    boolean escalationExhausted;
    final List<Handoff> handoffs = new ArrayList<>();
    final List<Action> actions = new ArrayList<>();
    final Map<String, Instant> responders = new LinkedHashMap<>();
    final List<Written> notes = new ArrayList<>();
    final List<Written> resolutions = new ArrayList<>();
    final List<String> routingNotes = new ArrayList<>();
    final List<String> triggeringAlarms;
    /** The alarms that joined it, in the order they joined; the first alarm is not among them. */
    final List<GroupedAlarm> groupedAlarms = new ArrayList<>();
    /** Times a grouped alarm came back to ALARM after its own OK, the incident still open. */
    int groupedReturns;
    int duplicates;
    int outOfOrder;
    int insufficientData;
    int severityChanges;
    String resolvedSummary;

    IncidentAnalysis(Incident incident, List<TimelineEntry> timeline) {
        this(incident, timeline, Origins.NONE);
    }

    IncidentAnalysis(Incident incident, List<TimelineEntry> timeline, Origins origins) {
        this.incident = incident;
        this.origins = origins;
        this.origin = origins.of(incident.accountId(), incident.region()).orElse(null);
        this.metrics = IncidentMetrics.of(incident, timeline);
        this.start = IncidentMetrics.start(incident);
        this.evidence = IncidentMetrics.impactEvidence(incident).orElse(null);
        this.compositeTrigger = incident.alarmKind() == AlarmKind.COMPOSITE
                ? AlarmReason.compositeTrigger(incident.reason()).orElse(null) : null;

        Instant page = null;
        Instant ack = null;
        String ackBy = null;
        Instant ok = null;
        String okBy = null;
        String declarer = null;
        boolean onArrival = false;
        List<String> children = List.of();
        Severity initial = null;
        List<Instant> severityAt = new ArrayList<>();
        List<Severity> severityTo = new ArrayList<>();
        List<Period> open = new ArrayList<>();
        Instant openSince = start;
        Map<String, String> roleHolders = new HashMap<>();
        String acknowledgedBy = null;
        String withdrawnBy = null;

        for (TimelineEntry e : timeline) {
            boolean person = isPerson(e.actor());
            if (person) {
                responders.putIfAbsent(e.actor(), e.at());
                actions.add(new Action(e.at(), e.actor(), e.type(), e.summary()));
            }
            switch (e.type()) {
                case OPENED -> {
                    if (person) {
                        declarer = e.actor();
                        roleHolders.put(Incident.COMMANDER, e.actor());
                    }
                    String triggering = e.details().get("triggeringAlarms");
                    if (triggering != null && children.isEmpty()) {
                        children = Arrays.asList(triggering.split(","));
                    }
                }
                case PAGED -> {
                    page = page == null ? e.at() : page;
                    pagesByTarget.merge(e.details().getOrDefault("target", "?"), 1, Integer::sum);
                }
                case PAGE_FAILED -> pagesFailed++;
                case PAGE_CANCELLED -> pagesCancelled++;
                case ACKNOWLEDGED -> {
                    if (ack == null) {
                        ack = e.at();
                        ackBy = e.actor();
                    }
                    String previous = withdrawnBy != null ? withdrawnBy : acknowledgedBy;
                    if (previous != null && !previous.equals(e.actor())) {
                        handoffs.add(new Handoff(e.at(), "acknowledgement", previous, e.actor()));
                    }
                    acknowledgedBy = e.actor();
                    withdrawnBy = null;
                }
                case UNACKNOWLEDGED -> {
                    withdrawnBy = acknowledgedBy != null ? acknowledgedBy : e.actor();
                    acknowledgedBy = null;
                }
                case ESCALATED -> escalations.add(new Escalation(e.at(), e.details().get("level"), e.summary()));
                case ESCALATION_EXHAUSTED -> escalationExhausted = true;
                case RESOLVED -> {
                    Instant at = alarmTime(e);
                    if (openSince != null) {
                        open.add(new Period(openSince, later(openSince, at)));
                        openSince = null;
                    }
                    resolvedSummary = e.summary();
                    if (e.actor().startsWith("alarm:")) {
                        if (e.summary().startsWith("resolved on arrival")) {
                            onArrival = true;
                        } else {
                            ok = at;
                            okBy = e.actor();
                        }
                    }
                    String text = e.details().get("resolution");
                    if (person && text != null && !text.isBlank()) {
                        resolutions.add(new Written(e.at(), e.actor(), text));
                    }
                }
                case REOPENED -> {
                    if (openSince == null) {
                        openSince = alarmTime(e);
                    }
                    if (person) {
                        acknowledgedBy = e.actor();
                    }
                    ok = null;
                }
                case GROUPED -> {
                    String how = e.details().getOrDefault("grouping", "joined");
                    if ("back in ALARM".equals(how)) {
                        groupedReturns++;
                    } else {
                        groupedAlarms.add(new GroupedAlarm(alarmTime(e), alarmName(e.actor()),
                                e.details().get("alarmArn"), "recorded recovered".equals(how)));
                    }
                }
                case DUPLICATE_SUPPRESSED -> duplicates++;
                case OUT_OF_ORDER_IGNORED -> outOfOrder++;
                case INSUFFICIENT_DATA -> insufficientData++;
                case ROUTING_NOTE -> routingNotes.add(e.summary());
                case SEVERITY_CHANGED -> {
                    Severity from = parseSeverity(e.details().get("from"));
                    Severity to = parseSeverity(e.details().get("to"));
                    if (to != null) {
                        if (initial == null) {
                            initial = from != null ? from : incident.severity();
                        }
                        severityAt.add(e.at());
                        severityTo.add(to);
                        severityChanges++;
                    }
                }
                case ROLE_ASSIGNED -> {
                    String role = e.details().get("role");
                    String holder = e.details().get("person");
                    if (role != null && holder != null) {
                        String previous = roleHolders.put(role, holder);
                        if (previous != null && !previous.equals(holder)) {
                            handoffs.add(new Handoff(e.at(), role, previous, holder));
                        }
                    }
                }
                case NOTE -> {
                    if (person) {
                        notes.add(new Written(e.at(), e.actor(), e.summary()));
                    } else if (e.actor().startsWith("alarm:") && "OK".equals(e.details().get("state"))) {
                        // A service that does not auto-resolve still records the alarm's recovery.
                        ok = alarmTime(e);
                        okBy = e.actor();
                    }
                }
                default -> {
                }
            }
        }
        Instant end = incident.resolvedAt() != null ? incident.resolvedAt()
                : timeline.isEmpty() ? start : later(start, timeline.get(timeline.size() - 1).at());
        if (openSince != null) {
            open.add(new Period(openSince, later(openSince, end)));
        }
        if (open.isEmpty()) {
            open.add(new Period(start, later(start, end)));
        }
        if (resolutions.isEmpty() && incident.resolution() != null && !incident.resolution().isBlank()) {
            resolutions.add(new Written(end, incident.resolvedBy() == null ? "?" : incident.resolvedBy(),
                    incident.resolution()));
        }

        this.firstPage = page;
        this.firstAck = ack;
        this.firstAckBy = ackBy;
        this.mitigated = ok != null && (incident.resolvedAt() == null || !ok.isAfter(incident.resolvedAt())) ? ok : null;
        this.mitigatedBy = mitigated == null ? null : okBy;
        this.declaredBy = declarer;
        this.recoveredOnArrival = onArrival;
        this.triggeringAlarms = List.copyOf(children);
        this.openPeriods = List.copyOf(open);

        this.initialSeverity = initial != null ? initial : incident.severity();
        List<SeverityPeriod> periods = new ArrayList<>();
        Severity current = initialSeverity;
        Instant since = start;
        for (int i = 0; i < severityAt.size(); i++) {
            Instant at = clamp(severityAt.get(i), start, end);
            if (at.isAfter(since)) {
                periods.add(new SeverityPeriod(current, since, at));
                since = at;
            }
            current = severityTo.get(i);
        }
        periods.add(new SeverityPeriod(current, since, later(since, end)));
        this.severityPeriods = Collections.unmodifiableList(periods);
        Map<Severity, Duration> totals = new EnumMap<>(Severity.class);
        Severity highest = current;
        for (SeverityPeriod p : periods) {
            totals.merge(p.severity(), p.duration(), Duration::plus);
            highest = p.severity().level() < highest.level() ? p.severity() : highest;
        }
        this.timeAtSeverity = Collections.unmodifiableMap(totals);
        this.highestSeverity = highest;
    }

    Instant resolved() {
        return incident.resolvedAt();
    }

    boolean acknowledged() {
        return firstAck != null;
    }

    /** Whether an actor is a person, as opposed to Firebell itself or an alarm. */
    static boolean isPerson(String actor) {
        return !TimelineEntry.SYSTEM_ACTOR.equals(actor) && !actor.startsWith("alarm:") && !"alarm".equals(actor);
    }

    /** Whether other alarms of the service joined it. */
    boolean grouped() {
        return !groupedAlarms.isEmpty();
    }

    private static String alarmName(String actor) {
        return actor.startsWith("alarm:") ? actor.substring("alarm:".length()) : actor;
    }

    /** Alarm-made entries carry CloudWatch's own time, which is what the incident's clock runs on. */
    private static Instant alarmTime(TimelineEntry e) {
        String stamp = e.details().get("stateTimestamp");
        if (stamp != null && e.actor().startsWith("alarm:")) {
            try {
                return Instant.parse(stamp);
            } catch (java.time.format.DateTimeParseException ignored) {
                return e.at();
            }
        }
        return e.at();
    }

    private static Severity parseSeverity(String s) {
        try {
            return s == null ? null : Severity.parse(s);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }

    private static Instant clamp(Instant t, Instant from, Instant to) {
        return t.isBefore(from) ? from : t.isAfter(to) ? to : t;
    }
}
