package dev.firebell.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A timeline too long for the draft loses rows from its middle, with a row saying how many entries; no golden file is
 * that long once repeats are folded.
 */
class TimelineSectionTest {

    @Test
    void write_shouldLeaveOutTheMiddle_ofMoreRowsThanTheDraftShows() {
        // GIVEN the opening and 450 notes (notes are never folded, so each is a row), one a second from 09:01:00
        List<TimelineEntry> entries = new Fixtures.Timeline("74").alarm("09:00:04", TimelineEntryType.OPENED,
                "orders-api-5xx", "ALARM", "09:00:00", "orders-api-5xx entered ALARM")
                .notes("09:01:00", "alice", 450).entries;

        // WHEN the section is written
        StringBuilder md = new StringBuilder();
        TimelineSection.write(md, entries);

        // THEN 200 rows lead, one row stands for the 51 left out (notes 200 to 250), and 200 rows close
        List<String> rows = md.toString().lines().filter(l -> l.startsWith("| 2026-")).toList();
        assertThat(rows).hasSize(TimelineDigest.MAX_ROWS + 1);
        assertThat(rows.get(199)).isEqualTo("| 2026-11-27 09:04:18 | Note | alice | note 199 |");
        assertThat(rows.get(200)).isEqualTo("| 2026-11-27 09:04:19 to 2026-11-27 09:05:09 | \u2026 | | 51 entries not"
                + " shown here; the incident's full timeline keeps them |");
        assertThat(rows.get(201)).isEqualTo("| 2026-11-27 09:05:10 | Note | alice | note 251 |");
        assertThat(md).startsWith("## Timeline\n\nAll times UTC, from the incident's own timeline (451 entries).");
    }
}
