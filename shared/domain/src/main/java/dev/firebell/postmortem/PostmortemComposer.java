package dev.firebell.postmortem;

import static dev.firebell.postmortem.Markdown.cell;
import static dev.firebell.postmortem.Markdown.code;
import static dev.firebell.postmortem.Markdown.text;

import dev.firebell.alarm.AlarmArn;
import dev.firebell.alarm.AlarmKind;
import dev.firebell.alarm.AlarmMetric;
import dev.firebell.alarm.ConsoleLinks;
import dev.firebell.alarm.MalformedAlarmException;
import dev.firebell.incident.Incident;
import dev.firebell.metrics.Durations;
import dev.firebell.routing.Severity;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the blameless postmortem draft of a resolved incident as Markdown, in the sections the Google SRE
 * template and the tools teams use share: the facts filled in from the incident's own record, the judgement left
 * to people as prompts. Deterministic: the same incident, timeline and related incidents give the same bytes.
 */
public final class PostmortemComposer {

    /** Lessons-learned thresholds: an acknowledgement this fast went well, one this slow went wrong. */
    static final Duration ACK_WENT_WELL = Duration.ofMinutes(5);
    static final Duration ACK_WENT_WRONG = Duration.ofMinutes(15);
    /** Manual actions listed in Response before pointing at the timeline for the rest. */
    static final int MAX_ACTIONS = 50;
    /** Grouped alarms listed under Impact, and named in one timeline row of a storm, before "and N more". */
    static final int MAX_GROUPED_ROWS = 50;
    static final int MAX_NAMES_IN_ROW = 10;
    /** Notes quoted in full under Root causes; every note is still blame-checked. */
    static final int MAX_NOTES = 100;
    /** The metric graph link shows this long before the alarm fired and after the incident resolved. */
    static final Duration GRAPH_BEFORE = Duration.ofHours(1);
    static final Duration GRAPH_AFTER = Duration.ofMinutes(30);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String TEAM = "_Team to fill in:_ ";

    private final BlamelessReview review = new BlamelessReview();
    private final Duration relatedWindow;

    /** @param relatedWindow how far back related incidents were looked for (said in the draft) */
    public PostmortemComposer(Duration relatedWindow) {
        this.relatedWindow = relatedWindow;
    }

    public PostmortemDraft compose(Incident incident, List<TimelineEntry> timeline, List<RelatedIncident> related) {
        IncidentAnalysis a = new IncidentAnalysis(incident, timeline);
        List<BlameFinding> findings = findings(a);
        StringBuilder md = new StringBuilder(8192 + timeline.size() * 96);
        md.append("# Postmortem: ").append(text(incident.title())).append(" (incident #").append(text(incident.id()))
                .append(")\n\n");
        blamelessReview(md, findings);
        header(md, a);
        summary(md, a);
        impact(md, a);
        detection(md, a);
        response(md, a);
        timeline(md, a, timeline);
        rootCauses(md, a);
        contributingFactors(md, a);
        resolution(md, a);
        lessons(md, a);
        actionItems(md);
        supporting(md, a, related);
        return new PostmortemDraft(incident, md.toString(), findings, a.metrics);
    }

    // ------------------------------------------------------------------ blameless review

    private List<BlameFinding> findings(IncidentAnalysis a) {
        List<BlameFinding> out = new ArrayList<>();
        if (a.declaredBy != null) {
            out.addAll(review.review("title, by " + a.declaredBy, a.incident.title()));
        }
        for (IncidentAnalysis.Written note : a.notes) {
            out.addAll(review.review("note by " + note.actor() + " at " + time(note.at()) + " UTC", note.text()));
        }
        for (IncidentAnalysis.Written r : a.resolutions) {
            out.addAll(review.review("resolution by " + r.actor() + " at " + time(r.at()) + " UTC", r.text()));
        }
        return out;
    }

    private static void blamelessReview(StringBuilder md, List<BlameFinding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        md.append("## Blameless review\n\n");
        md.append("Some wording taken from notes and resolutions may read as blame. It is quoted below and in the draft"
                + " exactly as written; nothing was changed automatically. Before this draft is shared, reword it around"
                + " conditions and systems, or keep it if it is fair.\n\n");
        for (BlameFinding f : findings) {
            md.append("- **").append(text(f.source())).append("**: \u201c").append(text(f.excerpt()))
                    .append("\u201d (flagged: _").append(text(f.phrase())).append("_). ").append(text(f.guidance()))
                    .append('\n');
        }
        md.append('\n');
    }

    // ------------------------------------------------------------------ header and summary

    private static void header(StringBuilder md, IncidentAnalysis a) {
        Incident i = a.incident;
        md.append("| Field | Value |\n| --- | --- |\n");
        row(md, "Incident", "#" + text(i.id()));
        row(md, "Status", "**Draft**");
        String severity = i.severity().name();
        if (a.highestSeverity != i.severity() || a.initialSeverity != i.severity()) {
            severity += " (opened as " + a.initialSeverity + ", highest " + a.highestSeverity + ")";
        }
        row(md, "Severity", severity);
        row(md, "Services", text(i.service()));
        row(md, "Started", time(a.start) + " UTC" + (a.declaredBy != null ? " (declared by " + text(a.declaredBy) + ")"
                : i.fromAlarm() ? " (alarm fired)" : ""));
        row(md, "Resolved", i.resolvedAt() == null ? "_not resolved_" : time(i.resolvedAt()) + " UTC ("
                + resolvedHow(a) + ")");
        row(md, "Duration", i.resolvedAt() == null ? "_ongoing_" : Durations.human(a.metrics.timeToResolve()));
        row(md, "Commander", i.commander() == null ? "_not assigned_" : text(i.commander()));
        row(md, "Postmortem owner", "_to be assigned_");
        row(md, "Review meeting", "_to be scheduled_");
        md.append('\n');
        md.append("_Composed by Firebell from the incident's own record: the facts are filled in; the parts marked"
                + " \u201cTeam to fill in\u201d need the people who were there._\n\n");
    }

    private static String resolvedHow(IncidentAnalysis a) {
        if (a.recoveredOnArrival) {
            return "already recovered when the alarm arrived";
        }
        if ("alarm".equals(a.incident.resolvedBy())) {
            return a.grouped() ? "automatically, the last of its " + (a.groupedAlarms.size() + 1)
                    + " grouped alarms returned to OK" : "automatically, the alarm returned to OK";
        }
        return a.incident.resolvedBy() == null ? "resolved" : "by " + text(a.incident.resolvedBy());
    }

    private static void summary(StringBuilder md, IncidentAnalysis a) {
        Incident i = a.incident;
        md.append("## Summary\n\n");
        StringBuilder s = new StringBuilder();
        if (a.declaredBy != null) {
            s.append("On ").append(day(a.start)).append(" at ").append(clock(a.start)).append(" UTC ")
                    .append(text(a.declaredBy)).append(" declared incident #").append(text(i.id())).append(" for service ")
                    .append(text(i.service())).append(" at ").append(a.initialSeverity).append('.');
        } else if (i.fromAlarm()) {
            s.append("On ").append(day(a.start)).append(" at ").append(clock(a.start)).append(" UTC the CloudWatch ")
                    .append(i.alarmKind() == AlarmKind.COMPOSITE ? "composite alarm " : "alarm ")
                    .append(code(i.alarmName())).append(" entered ALARM");
            if (a.compositeTrigger != null) {
                s.append(", tipped by ").append(code(childName(a.compositeTrigger.alarmArn())));
            } else if (!i.metrics().isEmpty()) {
                s.append(" (").append(text(metricList(i.metrics()))).append(')');
            }
            s.append(". Firebell opened incident #").append(text(i.id())).append(" for service ").append(text(i.service()))
                    .append(" at ").append(a.initialSeverity);
            s.append(a.pagesByTarget.isEmpty() ? " and paged nobody" : " and paged "
                    + text(String.join(", ", a.pagesByTarget.keySet()))).append('.');
            if (a.grouped()) {
                int n = a.groupedAlarms.size();
                s.append(' ').append(n).append(n == 1 ? " more alarm" : " more alarms").append(" of ")
                        .append(text(i.service())).append(n == 1 ? " was" : " were")
                        .append(" grouped into it while it was open; nobody was paged for ").append(n == 1 ? "it." : "them.");
            }
        } else {
            s.append("Incident #").append(text(i.id())).append(" opened on ").append(day(a.start)).append(" at ")
                    .append(clock(a.start)).append(" UTC for service ").append(text(i.service())).append('.');
        }
        if (a.severityChanges > 0 && a.highestSeverity != a.initialSeverity) {
            s.append(" Its severity was raised to ").append(a.highestSeverity).append(" during the incident.");
        }
        if (a.firstAck != null) {
            s.append(' ').append(text(a.firstAckBy)).append(" acknowledged it ")
                    .append(a.firstPage != null ? Durations.human(Duration.between(a.firstPage, a.firstAck))
                            + " after the first page." : Durations.human(a.metrics.timeToAcknowledge()) + " after it opened.");
        } else if (!a.recoveredOnArrival) {
            s.append(" Nobody acknowledged it.");
        }
        if (a.duplicates > 0) {
            s.append(" The alarm fired ").append(a.duplicates).append(a.duplicates == 1 ? " more time" : " more times")
                    .append(" while the incident was open; nobody was paged again.");
        }
        if (i.reopenCount() > 0) {
            s.append(" It resolved and reopened ").append(times(i.reopenCount())).append(" before it resolved for good.");
        }
        if (i.resolvedAt() != null) {
            s.append(" It was resolved at ").append(clock(i.resolvedAt())).append(" UTC, ")
                    .append(Durations.human(a.metrics.timeToResolve())).append(" after it started, ");
            if (a.recoveredOnArrival) {
                s.append("having recovered before the alarm reached Firebell.");
            } else if ("alarm".equals(i.resolvedBy())) {
                s.append(a.grouped() ? "when the last of its " + (a.groupedAlarms.size() + 1)
                        + " grouped alarms returned to OK." : "when the alarm returned to OK.");
            } else {
                s.append("by ").append(text(i.resolvedBy()));
                if (!a.resolutions.isEmpty()) {
                    s.append(": \u201c").append(text(a.resolutions.get(a.resolutions.size() - 1).text())).append("\u201d");
                } else {
                    s.append('.');
                }
            }
        }
        md.append(s.toString().strip()).append("\n\n");
    }

    // ------------------------------------------------------------------ impact and detection

    private static void impact(StringBuilder md, IncidentAnalysis a) {
        Incident i = a.incident;
        md.append("## Impact\n\n");
        if (i.resolvedAt() != null) {
            md.append("- **Duration:** ").append(Durations.human(a.metrics.timeToResolve())).append(", from ")
                    .append(time(a.start)).append(" to ").append(time(i.resolvedAt())).append(" UTC.\n");
        }
        if (a.openPeriods.size() > 1) {
            Duration open = Duration.ZERO;
            List<String> spans = new ArrayList<>();
            for (IncidentAnalysis.Period p : a.openPeriods) {
                open = open.plus(p.duration());
                spans.add(time(p.from()) + " to " + clock(p.to()) + " (" + Durations.human(p.duration()) + ")");
            }
            md.append("- **Open in ").append(a.openPeriods.size()).append(" periods** (it resolved and reopened): ")
                    .append(String.join("; ", spans)).append(". Open for ").append(Durations.human(open))
                    .append(" in all.\n");
        }
        md.append("- **Affected services:** ").append(text(i.service())).append(".\n\n");

        md.append("Time at each severity:\n\n| Severity | Time | From (UTC) | To (UTC) |\n| --- | --- | --- | --- |\n");
        for (IncidentAnalysis.SeverityPeriod p : a.severityPeriods) {
            md.append("| ").append(p.severity()).append(" | ").append(Durations.human(p.duration())).append(" | ")
                    .append(time(p.from())).append(" | ").append(time(p.to())).append(" |\n");
        }
        if (a.severityPeriods.size() > 1) {
            Map<Severity, Duration> ordered = new EnumMap<>(a.timeAtSeverity);
            List<String> totals = new ArrayList<>();
            ordered.forEach((sev, d) -> totals.add(sev + " " + Durations.human(d)));
            md.append("\nIn all: ").append(String.join(", ", totals)).append(".\n");
        }
        md.append('\n');

        if (i.fromAlarm()) {
            md.append("Alarms:\n\n| Alarm | Kind | Metric or expression | Dimensions | Statistic, period |\n"
                    + "| --- | --- | --- | --- | --- |\n");
            if (i.alarmKind() == AlarmKind.COMPOSITE) {
                md.append("| ").append(cell(code(i.alarmName()))).append(" | composite | rule over the alarms below | | |\n");
                for (String child : children(a)) {
                    md.append("| ").append(cell(code(childName(child)))).append(" | child alarm | | | |\n");
                }
            } else if (i.metrics().isEmpty()) {
                md.append("| ").append(cell(code(i.alarmName()))).append(" | metric | | | |\n");
            } else {
                for (AlarmMetric m : i.metrics()) {
                    md.append("| ").append(cell(code(i.alarmName()))).append(" | ")
                            .append(m.isExpression() ? "metric math" : "metric").append(" | ")
                            .append(cell(text(m.describe()))).append(" | ").append(cell(text(dimensions(m)))).append(" | ")
                            .append(cell(text(statistic(m)))).append(" |\n");
                }
            }
            groupedAlarms(md, a);
            md.append('\n');
        } else {
            md.append("No alarm: the incident was declared by a person.\n\n");
        }
        prompt(md, "Who was affected, and how much? Requests that failed, customers or regions, revenue, error budget"
                + " spent. The data above says when and where, not how much.");
    }

    /** One row per alarm that joined (the first fifty); their metrics are on their own alarms, linked by ARN. */
    private static void groupedAlarms(StringBuilder md, IncidentAnalysis a) {
        int shown = Math.min(MAX_GROUPED_ROWS, a.groupedAlarms.size());
        for (IncidentAnalysis.GroupedAlarm g : a.groupedAlarms.subList(0, shown)) {
            md.append("| ").append(cell(code(g.name()))).append(" | grouped").append(g.recovered() ? ", already OK" : "")
                    .append(" | fired ").append(time(g.at())).append(" UTC | | |\n");
        }
        if (a.groupedAlarms.size() > shown) {
            md.append("| ").append(a.groupedAlarms.size() - shown).append(" more grouped alarms | grouped | see the timeline"
                    + " | | |\n");
        }
    }

    private static void detection(StringBuilder md, IncidentAnalysis a) {
        Incident i = a.incident;
        md.append("## Detection\n\n");
        if (a.declaredBy != null || !i.fromAlarm()) {
            md.append("- **Declared** by ").append(text(a.declaredBy != null ? a.declaredBy : "a person")).append(" at ")
                    .append(time(a.start)).append(" UTC; no alarm had fired.\n");
            md.append("- **Time to detect:** not computable from the data: nothing records when the impact began.\n");
        } else {
            md.append("- **First alarm:** ").append(code(i.alarmName())).append(" entered ALARM at ").append(time(a.start))
                    .append(" UTC.\n");
            if (i.reason() != null && !i.reason().isBlank()) {
                md.append("- **Its reason:**\n\n").append(Markdown.quote(i.reason(), "  ")).append('\n');
            }
            if (a.evidence != null) {
                md.append("- **Earliest evidence:** ").append(a.compositeTrigger != null
                        ? "child alarm " + code(childName(a.compositeTrigger.alarmArn())) + " entered ALARM at "
                        : "the first breaching datapoint began at ").append(time(a.evidence)).append(" UTC.\n");
                md.append("- **Time to detect:** ").append(Durations.human(a.metrics.timeToDetect()))
                        .append(", from the earliest evidence to the alarm firing.\n");
            } else {
                md.append("- **Time to detect:** not computable from the data: the alarm's reason does not say when the"
                        + " condition began.\n");
            }
            int period = 0;
            for (AlarmMetric m : i.metrics()) {
                period = Math.max(period, m.periodSeconds() == null ? 0 : m.periodSeconds());
            }
            if (period > 0) {
                md.append("- The alarm evaluates ").append(Durations.human(Duration.ofSeconds(period)))
                        .append(" periods, so the condition was visible for at least one period before it fired.\n");
            }
            md.append("- **Alerting delay:** Firebell opened the incident at ").append(time(i.openedAt())).append(" UTC, ")
                    .append(Durations.human(nonNegative(Duration.between(a.start, i.openedAt()))))
                    .append(" after the alarm fired.\n");
        }
        prompt(md, "How did we find out: this alarm, a customer, a colleague? Could we have known sooner, and which"
                + " signal would have shown it?");
    }

    // ------------------------------------------------------------------ response and timeline

    private static void response(StringBuilder md, IncidentAnalysis a) {
        Incident i = a.incident;
        md.append("## Response\n\n");
        if (i.roles().isEmpty()) {
            md.append("- **Roles:** none assigned.\n");
        } else {
            List<String> roles = new ArrayList<>();
            i.roles().forEach((role, person) -> roles.add(text(role) + ": " + text(person)));
            md.append("- **Roles:** ").append(String.join("; ", roles)).append(".\n");
        }
        if (a.responders.isEmpty()) {
            md.append("- **Responders:** no person acted on the incident.\n");
        } else {
            List<String> people = new ArrayList<>();
            a.responders.forEach((person, at) -> people.add(text(person) + " (from " + clock(at) + ")"));
            md.append("- **Responders** (people who acted, by first action, UTC): ").append(String.join(", ", people))
                    .append(".\n");
        }
        if (a.pagesByTarget.isEmpty()) {
            md.append("- **Paged:** nobody").append(a.recoveredOnArrival ? " (it had recovered already)" : "").append(".\n");
        } else {
            List<String> targets = new ArrayList<>();
            a.pagesByTarget.forEach((target, n) -> targets.add(text(target) + " (" + n + (n == 1 ? " page)" : " pages)")));
            md.append("- **Paged:** ").append(String.join(", ", targets)).append("; first page at ")
                    .append(time(a.firstPage)).append(" UTC.\n");
        }
        if (a.pagesFailed > 0 || a.pagesCancelled > 0) {
            md.append("- **Pages not delivered:** ").append(a.pagesFailed).append(" failed attempt(s) (retried), ")
                    .append(a.pagesCancelled).append(" cancelled because the incident was already in hand.\n");
        }
        if (a.firstAck != null) {
            md.append("- **Time to acknowledge:** ").append(Durations.human(a.metrics.timeToAcknowledge()))
                    .append(" after the incident opened");
            if (a.firstPage != null) {
                md.append(" (").append(Durations.human(nonNegative(Duration.between(a.firstPage, a.firstAck))))
                        .append(" after the first page)");
            }
            md.append("; ").append(text(a.firstAckBy)).append(" at ").append(time(a.firstAck)).append(" UTC.\n");
        } else {
            md.append("- **Time to acknowledge:** not acknowledged.\n");
        }
        if (a.escalations.isEmpty()) {
            md.append("- **Escalation:** none; the first targets were the only ones paged.\n");
        } else {
            md.append("- **Escalation:** reached level ").append(a.metrics.escalationLevels())
                    .append(a.escalationExhausted ? ", and every level was exhausted" : "").append(":\n");
            for (IncidentAnalysis.Escalation e : a.escalations) {
                md.append("  - ").append(time(e.at())).append(" UTC").append(e.level() != null ? ", level "
                        + text(e.level()) : "").append(": ").append(text(e.summary())).append('\n');
            }
        }
        if (a.handoffs.isEmpty()) {
            md.append("- **Hand-offs:** none.\n");
        } else {
            md.append("- **Hand-offs:**\n");
            for (IncidentAnalysis.Handoff h : a.handoffs) {
                md.append("  - ").append(time(h.at())).append(" UTC, ").append(text(h.what())).append(": ")
                        .append(text(h.from())).append(" to ").append(text(h.to())).append('\n');
            }
        }
        md.append('\n');
        if (!a.actions.isEmpty()) {
            md.append("Manual actions:\n\n| Time (UTC) | Who | Action | Details |\n| --- | --- | --- | --- |\n");
            int shown = Math.min(MAX_ACTIONS, a.actions.size());
            for (IncidentAnalysis.Action act : a.actions.subList(0, shown)) {
                md.append("| ").append(time(act.at())).append(" | ").append(cell(text(act.actor()))).append(" | ")
                        .append(label(act.type())).append(" | ").append(cell(text(act.summary()))).append(" |\n");
            }
            if (a.actions.size() > shown) {
                md.append("\nAnd ").append(a.actions.size() - shown).append(" more: see the timeline.\n");
            }
            md.append('\n');
        }
    }

    private static void timeline(StringBuilder md, IncidentAnalysis a, List<TimelineEntry> timeline) {
        md.append("## Timeline\n\n");
        md.append("All times UTC, from the incident's own timeline (").append(timeline.size())
                .append(timeline.size() == 1 ? " entry" : " entries")
                .append("). A run of the same repeated event is one row with its count.\n\n");
        md.append("| Time (UTC) | Event | By | What happened |\n| --- | --- | --- | --- |\n");
        for (TimelineDigest.Row r : TimelineDigest.rows(timeline)) {
            if (r.omitted()) {
                md.append("| ").append(time(r.first().at())).append(" to ").append(time(r.until()))
                        .append(" | \u2026 | | ").append(r.count())
                        .append(" entries not shown here; the incident's full timeline keeps them |\n");
                continue;
            }
            TimelineEntry e = r.first();
            md.append("| ").append(time(e.at()));
            if (r.count() > 1) {
                md.append(" to ").append(time(r.until()));
            }
            boolean storm = r.count() > 1 && TimelineDigest.STORM.contains(e.type());
            md.append(" | ").append(label(e.type())).append(r.count() > 1 ? " \u00d7" + r.count() : "").append(" | ")
                    .append(storm ? distinctActors(r.run()) + " alarms" : cell(actor(e.actor()))).append(" | ");
            if (r.count() > 1 && e.type() == TimelineEntryType.DUPLICATE_SUPPRESSED) {
                md.append(r.count()).append(" repeat ALARM deliveries, folded into this incident; nobody paged");
            } else if (r.count() > 1 && TimelineDigest.STORM.contains(e.type())) {
                md.append(r.count()).append(e.type() == TimelineEntryType.GROUPED
                        ? " alarms joined this incident or came back to ALARM in it, nobody paged: "
                        : " grouped alarms returned to OK: ").append(cell(names(r.run())))
                        .append("; the last: ").append(cell(text(r.last().summary())));
            } else if (r.count() > 1) {
                md.append(r.count()).append(" times; the last: ").append(cell(text(r.last().summary())));
            } else {
                md.append(cell(text(e.summary())));
            }
            md.append(" |\n");
        }
        md.append("\n### Milestones\n\n").append(MilestoneChart.render(a)).append('\n');
        List<String> lines = new ArrayList<>();
        if (a.evidence != null) {
            lines.add((a.compositeTrigger != null ? "Child alarm fired" : "First breaching datapoint") + ": "
                    + time(a.evidence));
        }
        lines.add((a.declaredBy != null ? "Declared" : "Detected (alarm fired)") + ": " + time(a.start));
        lines.add("Paged: " + (a.firstPage != null ? time(a.firstPage) : "nobody"));
        lines.add("Acknowledged: " + (a.firstAck != null ? time(a.firstAck) : "not acknowledged"));
        lines.add("Mitigated (alarm back to OK): " + (a.mitigated != null ? time(a.mitigated) : "not recorded"));
        lines.add("Resolved: " + (a.resolved() != null ? time(a.resolved()) : "not resolved"));
        for (String line : lines) {
            md.append("- ").append(line).append('\n');
        }
        md.append('\n');
    }

    // ------------------------------------------------------------------ the judgement sections, as prompts

    private static void rootCauses(StringBuilder md, IncidentAnalysis a) {
        Incident i = a.incident;
        md.append("## Root causes and trigger\n\n");
        prompt(md, "What set this off (the trigger), and which conditions let it become an incident (the root causes)?"
                + " Write about conditions and systems, not people: ask how the system made each action possible, and"
                + " why it made sense at the time to the people involved.");
        md.append("What the data shows:\n\n");
        boolean any = false;
        if (i.fromAlarm() && i.reason() != null && !i.reason().isBlank()) {
            md.append("- The alarm ").append(code(i.alarmName())).append(" reported:\n\n")
                    .append(Markdown.quote(i.reason(), "  ")).append('\n');
            any = true;
        }
        if (i.description() != null && !i.description().isBlank()) {
            md.append("- The alarm's description:\n\n").append(Markdown.quote(i.description(), "  ")).append('\n');
            any = true;
        }
        if (!a.notes.isEmpty()) {
            md.append("- Notes recorded during the incident, quoted as written:\n");
            int shown = Math.min(MAX_NOTES, a.notes.size());
            for (IncidentAnalysis.Written n : a.notes.subList(0, shown)) {
                md.append("  - ").append(text(n.actor())).append(" at ").append(time(n.at())).append(" UTC:\n\n")
                        .append(Markdown.quote(n.text(), "    ")).append('\n');
            }
            if (a.notes.size() > shown) {
                md.append("  - And ").append(a.notes.size() - shown).append(" more notes, which the incident's own"
                        + " timeline keeps.\n\n");
            }
            any = true;
        }
        if (!any) {
            md.append("- Nothing beyond the timeline: no alarm reason, description or notes were recorded.\n\n");
        }
    }

    private static void contributingFactors(StringBuilder md, IncidentAnalysis a) {
        Incident i = a.incident;
        md.append("## Contributing factors\n\n");
        prompt(md, "What made it more likely, larger or longer? Missing safeguards, unclear signals, gaps in runbooks,"
                + " timing. Conditions, not people.");
        md.append("Conditions the data shows (candidates: confirm or strike out):\n\n");
        List<String> facts = new ArrayList<>();
        if (i.reopenCount() > 0) {
            facts.add("The alarm flapped: the incident resolved and reopened " + times(i.reopenCount()) + ".");
        }
        if (a.grouped()) {
            facts.add((a.groupedAlarms.size() + 1) + " alarms of " + i.service() + " fired close together (an alarm storm)"
                    + " and were grouped into this incident" + (a.groupedReturns > 0 ? "; grouped alarms came back to"
                    + " ALARM " + times(a.groupedReturns) : "") + ".");
        }
        if (a.duplicates > 0) {
            facts.add(a.duplicates + " repeat ALARM " + (a.duplicates == 1 ? "delivery was" : "deliveries were")
                    + " folded into the incident.");
        }
        if (a.severityChanges > 0) {
            facts.add("The severity changed " + times(a.severityChanges) + " (opened as " + a.initialSeverity
                    + ", resolved as " + i.severity() + ").");
        }
        if (a.pagesFailed > 0) {
            facts.add(a.pagesFailed + " page attempt(s) failed and were retried.");
        }
        if (!a.escalations.isEmpty()) {
            facts.add("Nobody acknowledged before escalation: it reached level " + a.metrics.escalationLevels() + ".");
        }
        if (a.insufficientData > 0) {
            facts.add("The alarm reported INSUFFICIENT_DATA " + times(a.insufficientData) + ": the metric stopped"
                    + " arriving for a while.");
        }
        if (a.outOfOrder > 0) {
            facts.add(a.outOfOrder + " alarm " + (a.outOfOrder == 1 ? "delivery" : "deliveries")
                    + " arrived out of order and " + (a.outOfOrder == 1 ? "was" : "were") + " ignored.");
        }
        for (String note : a.routingNotes) {
            facts.add("Routing: " + note);
        }
        if (facts.isEmpty()) {
            md.append("- Nothing stands out in the data.\n\n");
            return;
        }
        for (String f : facts) {
            md.append("- ").append(text(f)).append('\n');
        }
        md.append('\n');
    }

    private static void resolution(StringBuilder md, IncidentAnalysis a) {
        Incident i = a.incident;
        md.append("## Resolution and mitigation\n\n");
        if (a.mitigated != null) {
            md.append("- **Mitigated:** the alarm returned to OK at ").append(time(a.mitigated)).append(" UTC.\n");
        } else if (i.fromAlarm()) {
            md.append("- **Mitigated:** not recorded: the alarm's return to OK is not on the timeline.\n");
        }
        if (i.resolvedAt() != null) {
            md.append("- **Resolved:** ").append(time(i.resolvedAt())).append(" UTC, ").append(resolvedHow(a)).append(".\n");
        }
        if ("alarm".equals(i.resolvedBy()) && a.resolvedSummary != null) {
            md.append("- Firebell recorded:\n\n").append(Markdown.quote(a.resolvedSummary, "  ")).append('\n');
        }
        for (IncidentAnalysis.Written r : a.resolutions) {
            md.append("- Resolution by ").append(text(r.actor())).append(" at ").append(time(r.at()))
                    .append(" UTC, as written:\n\n").append(Markdown.quote(r.text(), "  ")).append('\n');
        }
        prompt(md, "What restored service: a fix, a rollback, a mitigation? What is left to make it permanent? Add"
                + " that to the action items.");
    }

    private static void lessons(StringBuilder md, IncidentAnalysis a) {
        Incident i = a.incident;
        md.append("## Lessons learned\n\n");
        List<String> well = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        List<String> lucky = new ArrayList<>();
        if (a.firstAck != null && a.firstPage != null) {
            Duration sincePage = nonNegative(Duration.between(a.firstPage, a.firstAck));
            String fact = "Acknowledged " + Durations.human(sincePage) + " after the first page.";
            if (sincePage.compareTo(ACK_WENT_WELL) <= 0) {
                well.add(fact);
            } else if (sincePage.compareTo(ACK_WENT_WRONG) > 0) {
                wrong.add(fact);
            }
        }
        if (a.duplicates > 0) {
            well.add(a.duplicates + (a.duplicates == 1 ? " repeat ALARM delivery paged nobody: it was"
                    : " repeat ALARM deliveries paged nobody: they were") + " folded into the incident.");
        }
        if (a.grouped()) {
            well.add(a.groupedAlarms.size() + (a.groupedAlarms.size() == 1 ? " more alarm" : " more alarms")
                    + " of the service paged nobody: grouped into this incident.");
        }
        if (i.reopenCount() > 0 && a.pagesByTarget.values().stream().mapToInt(Integer::intValue).sum() <= 1) {
            well.add("The flap reopened the incident instead of paging again.");
        }
        if (a.firstAck == null && a.firstPage != null && !"alarm".equals(i.resolvedBy())) {
            wrong.add("Nobody acknowledged the page.");
        }
        if (a.pagesFailed > 0) {
            wrong.add(a.pagesFailed + " page attempt(s) failed before a page got through.");
        }
        if (!a.escalations.isEmpty()) {
            wrong.add("It escalated to level " + a.metrics.escalationLevels() + " before anyone acknowledged.");
        }
        if (i.reopenCount() > 0) {
            wrong.add("The alarm flapped " + times(i.reopenCount()) + "; its threshold or datapoints-to-alarm may need"
                    + " a look.");
        }
        if (a.firstAck == null && "alarm".equals(i.resolvedBy()) && !a.recoveredOnArrival) {
            lucky.add("It recovered on its own (the alarm returned to OK) before anyone acknowledged it.");
        }
        if (a.recoveredOnArrival) {
            lucky.add("It had recovered before the alarm reached Firebell, so nobody was woken.");
        }
        lessonList(md, "What went well", well);
        lessonList(md, "What went wrong", wrong);
        lessonList(md, "Where we got lucky", lucky);
    }

    private static void lessonList(StringBuilder md, String heading, List<String> facts) {
        md.append("### ").append(heading).append("\n\n");
        for (String f : facts) {
            md.append("- ").append(text(f)).append('\n');
        }
        md.append("- ").append(TEAM.strip()).append(" \u2026\n\n");
    }

    private static void actionItems(StringBuilder md) {
        md.append("## Action items\n\n");
        md.append("Type: prevent (stop it recurring), mitigate (make it smaller or shorter) or detect (find it sooner)."
                + " Priority: P1 (before the next on-call shift) to P3 (this quarter). Every item has an owner and a"
                + " ticket.\n\n");
        md.append("| Action | Type | Owner | Priority | Ticket |\n| --- | --- | --- | --- | --- |\n|  |  |  |  |  |\n\n");
    }

    // ------------------------------------------------------------------ supporting information

    private void supporting(StringBuilder md, IncidentAnalysis a, List<RelatedIncident> related) {
        Incident i = a.incident;
        md.append("## Supporting information\n\n");
        if (i.fromAlarm()) {
            md.append("- **Alarm:** ").append(code(i.alarmName())).append(", ").append(code(i.alarmArn())).append('\n');
            if (i.region() != null) {
                md.append("- ").append(Markdown.link("CloudWatch alarm and its history", ConsoleLinks.alarm(i.region(),
                        i.alarmName())));
                String metrics = ConsoleLinks.metrics(i.region(), i.metrics(), a.start.minus(GRAPH_BEFORE),
                        (i.resolvedAt() != null ? i.resolvedAt() : a.start).plus(GRAPH_AFTER));
                if (metrics != null) {
                    md.append(" \u00b7 ").append(Markdown.link("its metrics from 1 h before to 30 min after", metrics));
                }
                md.append('\n');
            }
            for (String child : children(a)) {
                md.append("- **Child alarm:** ").append(code(childName(child))).append(", ").append(code(child));
                String region = childRegion(child);
                if (region != null) {
                    md.append(" \u00b7 ").append(Markdown.link("CloudWatch alarm", ConsoleLinks.alarm(region,
                            childName(child))));
                }
                md.append('\n');
            }
        }
        if (i.dedupKey() != null && !i.dedupKey().equals(i.alarmArn())) {
            md.append("- **Dedup key:** ").append(code(i.dedupKey())).append('\n');
        }
        md.append("- **Incident record:** #").append(text(i.id())).append(", opened ").append(time(i.openedAt()))
                .append(" UTC; ").append(i.alarmCount()).append(i.alarmCount() == 1 ? " ALARM delivery" : " ALARM deliveries")
                .append(i.reopenCount() == 0 ? ", never reopened" : ", reopened " + times(i.reopenCount())).append(".\n\n");

        long days = relatedWindow.toDays();
        md.append("Related incidents (same alarm, or service ").append(text(i.service())).append(", opened in the ")
                .append(days).append(" days before this one):\n\n");
        if (related.isEmpty()) {
            md.append("- None.\n\n");
            return;
        }
        md.append("| Incident | Opened (UTC) | Severity | Title | Relation | Outcome |\n"
                + "| --- | --- | --- | --- | --- | --- |\n");
        for (RelatedIncident r : related) {
            Incident o = r.incident();
            String outcome = o.resolvedAt() == null ? "open"
                    : ("alarm".equals(o.resolvedBy()) ? "auto-resolved after " : "resolved after ")
                    + Durations.human(o.duration(o.resolvedAt()));
            md.append("| #").append(cell(text(o.id()))).append(" | ").append(time(o.openedAt())).append(" | ")
                    .append(o.severity()).append(" | ").append(cell(text(o.title()))).append(" | ")
                    .append(r.sameAlarm() ? "same alarm" : "same service").append(" | ").append(outcome).append(" |\n");
        }
        md.append('\n');
    }

    // ------------------------------------------------------------------ helpers

    private static List<String> children(IncidentAnalysis a) {
        if (!a.triggeringAlarms.isEmpty()) {
            return a.triggeringAlarms;
        }
        return a.compositeTrigger != null ? List.of(a.compositeTrigger.alarmArn()) : List.of();
    }

    private static String childName(String arn) {
        try {
            return AlarmArn.parse(arn).alarmName();
        } catch (MalformedAlarmException notAnArn) {
            return arn;
        }
    }

    private static String childRegion(String arn) {
        try {
            return AlarmArn.parse(arn).region();
        } catch (MalformedAlarmException notAnArn) {
            return null;
        }
    }

    private static String metricList(List<AlarmMetric> metrics) {
        List<String> names = new ArrayList<>();
        for (AlarmMetric m : metrics) {
            names.add(m.describe());
        }
        return String.join("; ", names);
    }

    private static String dimensions(AlarmMetric m) {
        List<String> dims = new ArrayList<>();
        new TreeMap<>(m.dimensions()).forEach((k, v) -> dims.add(k + "=" + v));
        return String.join(", ", dims);
    }

    private static String statistic(AlarmMetric m) {
        List<String> parts = new ArrayList<>();
        if (m.stat() != null) {
            parts.add(m.stat());
        }
        if (m.periodSeconds() != null) {
            parts.add(Durations.human(Duration.ofSeconds(m.periodSeconds())));
        }
        return String.join(", ", parts);
    }

    /** A question for the people who were there, as its own paragraph. */
    private static void prompt(StringBuilder md, String question) {
        blankLine(md);
        md.append(TEAM).append(question).append("\n\n");
    }

    /** Ends the current block with exactly one blank line, however the block ended. */
    private static void blankLine(StringBuilder md) {
        while (md.length() > 0 && md.charAt(md.length() - 1) == '\n') {
            md.setLength(md.length() - 1);
        }
        md.append("\n\n");
    }

    private static void row(StringBuilder md, String field, String value) {
        md.append("| ").append(field).append(" | ").append(cell(value)).append(" |\n");
    }

    private static String actor(String actor) {
        if (TimelineEntry.SYSTEM_ACTOR.equals(actor)) {
            return "Firebell";
        }
        if (actor.startsWith("alarm:")) {
            return "alarm " + code(actor.substring("alarm:".length()));
        }
        return text(actor);
    }

    static String label(TimelineEntryType type) {
        return switch (type) {
            case OPENED -> "Opened";
            case DUPLICATE_SUPPRESSED -> "Duplicate suppressed";
            case PAGED -> "Paged";
            case PAGE_FAILED -> "Page failed";
            case PAGE_CANCELLED -> "Page cancelled";
            case ACKNOWLEDGED -> "Acknowledged";
            case UNACKNOWLEDGED -> "Acknowledgement withdrawn";
            case ESCALATED -> "Escalated";
            case ESCALATION_EXHAUSTED -> "Escalation exhausted";
            case RESOLVED -> "Resolved";
            case REOPENED -> "Reopened";
            case OUT_OF_ORDER_IGNORED -> "Out-of-order delivery ignored";
            case INSUFFICIENT_DATA -> "Insufficient data";
            case ROUTING_NOTE -> "Routing note";
            case SEVERITY_CHANGED -> "Severity changed";
            case ROLE_ASSIGNED -> "Role assigned";
            case NOTE -> "Note";
            case ESCALATION_NOTE -> "On call";
            case NOBODY_ON_CALL -> "Nobody on call";
            case PAGE_DEFERRED -> "Page held for daytime";
            case MAINTENANCE -> "Maintenance";
            case GROUPED -> "Alarm grouped";
            case GROUPED_OK -> "Grouped alarm OK";
        };
    }

    private static int distinctActors(List<TimelineEntry> run) {
        return (int) run.stream().map(TimelineEntry::actor).distinct().count();
    }

    /** The distinct alarms of a run of storm entries, the first few by name. */
    private static String names(List<TimelineEntry> run) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        for (TimelineEntry e : run) {
            names.add(e.actor().startsWith("alarm:") ? e.actor().substring("alarm:".length()) : e.actor());
        }
        List<String> shown = new ArrayList<>();
        for (String n : names) {
            if (shown.size() == MAX_NAMES_IN_ROW) {
                break;
            }
            shown.add(code(n));
        }
        int more = names.size() - shown.size();
        return String.join(", ", shown) + (more > 0 ? " and " + more + " more" : "");
    }

    private static String times(int n) {
        return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static String time(Instant at) {
        return TIME.format(at);
    }

    private static String day(Instant at) {
        return TIME.format(at).substring(0, 10);
    }

    private static String clock(Instant at) {
        return TIME.format(at).substring(11);
    }
}
