package dev.firebell.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The manual actions table is capped; the golden files have a handful of actions. */
class ResponseSectionTest {

    @Test
    void write_shouldListTheFirstFiftyManualActions_andCountTheRest() {
        // GIVEN 60 notes by alice, one a second from 09:01:00
        Fixtures.Timeline timeline = new Fixtures.Timeline("71").page("09:00:05", "team-orders", "71-1")
                .notes("09:01:00", "alice", 60);

        // WHEN the section is written
        String md = Fixtures.written(ResponseSection::write, Fixtures.plainIncident("71").build(), timeline.entries);

        // THEN the table holds notes 1 to 50, in order, and says how many more the timeline has
        assertThat(md.lines().filter(l -> l.startsWith("| 2026-11-27 ") && l.contains(" | alice | Note | ")))
                .hasSize(ResponseSection.MAX_ACTIONS);
        assertThat(md).contains("| 2026-11-27 09:01:00 | alice | Note | note 1 |\n",
                "| 2026-11-27 09:01:49 | alice | Note | note 50 |\n\nAnd 10 more: see the timeline.\n\n");
        assertThat(md).doesNotContain("note 51");
    }
}
