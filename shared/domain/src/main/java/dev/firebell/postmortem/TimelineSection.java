package dev.firebell.postmortem;

import static dev.firebell.postmortem.DraftText.time;
import static dev.firebell.postmortem.EventLabels.label;
import static dev.firebell.postmortem.Markdown.cell;
import static dev.firebell.postmortem.Markdown.code;
import static dev.firebell.postmortem.Markdown.text;

import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Timeline: the incident's own timeline as a table, each run of a repeated event one row with its count. */
final class TimelineSection {

    /** Alarms named in one timeline row of a storm before "and N more". */
    static final int MAX_NAMES_IN_ROW = 10;

    private TimelineSection() {
    }

    static void write(StringBuilder md, List<TimelineEntry> timeline) {
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
        md.append('\n');
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

    private static int distinctActors(List<TimelineEntry> run) {
        return (int) run.stream().map(TimelineEntry::actor).distinct().count();
    }

    /** The distinct alarms of a run of storm entries, the first few by name. */
    private static String names(List<TimelineEntry> run) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
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
}
