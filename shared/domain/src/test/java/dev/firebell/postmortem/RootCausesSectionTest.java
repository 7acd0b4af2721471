package dev.firebell.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Notes are quoted up to a cap; the golden files have at most two. */
class RootCausesSectionTest {

    @Test
    void write_shouldQuoteTheFirstHundredNotes_andCountTheRest() {
        // GIVEN 103 notes by bob, one a second from 09:01:00
        Fixtures.Timeline timeline = new Fixtures.Timeline("72").notes("09:01:00", "bob", 103);

        // WHEN the section is written
        String md = Fixtures.written(RootCausesSection::write, Fixtures.plainIncident("72").build(), timeline.entries);

        // THEN notes 1 to 100 are quoted, each under who wrote it and when, and the last line counts the rest
        assertThat(md.lines().filter(l -> l.startsWith("  - bob at "))).hasSize(RootCausesSection.MAX_NOTES);
        assertThat(md).contains("  - bob at 2026-11-27 09:01:00 UTC:\n\n    > note 1\n",
                "  - bob at 2026-11-27 09:02:39 UTC:\n\n    > note 100\n\n  - And 3 more notes, which the incident's own"
                        + " timeline keeps.\n\n");
        assertThat(md).doesNotContain("note 101");
    }
}
