package dev.firebell.postmortem;

import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The timeline as a reader wants it: every entry, except that a run of the same repeated event from the same
 * source (an alarm storm's duplicates, a page retried again and again) becomes one row saying how many and until
 * when. Rows beyond {@link #MAX_ROWS} are left out from the middle, with a row saying how many.
 */
final class TimelineDigest {

    static final int MAX_ROWS = 400;

    /** Events that repeat without adding information, once the first and the count are known. */
    private static final Set<TimelineEntryType> REPEATING = EnumSet.of(TimelineEntryType.DUPLICATE_SUPPRESSED,
            TimelineEntryType.OUT_OF_ORDER_IGNORED, TimelineEntryType.INSUFFICIENT_DATA, TimelineEntryType.PAGE_FAILED);

    /**
     * Events of an alarm storm (ADR 0040): a run of them is one row whichever alarms they come from, listing the
     * alarms, so that 500 alarms joining do not push the rest of the timeline out of the draft.
     */
    static final Set<TimelineEntryType> STORM = EnumSet.of(TimelineEntryType.GROUPED, TimelineEntryType.GROUPED_OK);

    /**
     * One row: a single entry ({@code count == 1}), a run of {@code count} repeats from {@code first} to
     * {@code last} ({@code run} holds them all), or (when {@code omitted}) a marker for the {@code count} entries
     * between them left out.
     */
    record Row(TimelineEntry first, TimelineEntry last, int count, boolean omitted, List<TimelineEntry> run) {
        Row(TimelineEntry first, TimelineEntry last, int count, boolean omitted) {
            this(first, last, count, omitted, List.of(first));
        }

        Instant until() {
            return last.at();
        }
    }

    private TimelineDigest() {
    }

    static List<Row> rows(List<TimelineEntry> timeline) {
        List<Row> rows = new ArrayList<>();
        int i = 0;
        while (i < timeline.size()) {
            TimelineEntry first = timeline.get(i);
            int j = i + 1;
            if (REPEATING.contains(first.type())) {
                while (j < timeline.size() && timeline.get(j).type() == first.type()
                        && timeline.get(j).actor().equals(first.actor())) {
                    j++;
                }
            } else if (STORM.contains(first.type())) {
                while (j < timeline.size() && timeline.get(j).type() == first.type()) {
                    j++;
                }
            }
            rows.add(new Row(first, timeline.get(j - 1), j - i, false, timeline.subList(i, j)));
            i = j;
        }
        if (rows.size() <= MAX_ROWS) {
            return rows;
        }
        int keep = MAX_ROWS / 2;
        int omittedEntries = 0;
        for (Row r : rows.subList(keep, rows.size() - keep)) {
            omittedEntries += r.count();
        }
        List<Row> capped = new ArrayList<>(rows.subList(0, keep));
        capped.add(new Row(rows.get(keep).first(), rows.get(rows.size() - keep - 1).last(), omittedEntries, true));
        capped.addAll(rows.subList(rows.size() - keep, rows.size()));
        return capped;
    }
}
