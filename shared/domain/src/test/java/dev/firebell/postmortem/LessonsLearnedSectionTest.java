package dev.firebell.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The acknowledgement thresholds, which no golden file sits on: at most 5 min went well, over 15 min went wrong. */
class LessonsLearnedSectionTest {

    @ParameterizedTest(name = "acknowledged {0} s after the page: {1}")
    @CsvSource({
        "59, well, 59 s",
        "300, well, 5 min",
        "301, neither, 5 min 1 s",
        "900, neither, 15 min",
        "960, wrong, 16 min",
        "7200, wrong, 2 h"})
    void write_shouldFileTheAcknowledgement_byHowLongAfterTheFirstPageItCame(long seconds, String list, String human) {
        // GIVEN a page at 09:00:05 and alice acknowledging the given time later
        Instant ack = Fixtures.t("09:00:05").plusSeconds(seconds);
        List<TimelineEntry> timeline = new Fixtures.Timeline("70").page("09:00:05", "team-orders", "70-1")
                .person(ack, TimelineEntryType.ACKNOWLEDGED, "alice", "acknowledged by alice").entries;

        // WHEN the section is written
        String md = Fixtures.written(LessonsLearnedSection::write, Fixtures.plainIncident("70").acknowledgedAt(ack)
                .acknowledgedBy("alice").build(), timeline);

        // THEN the fact is in the list it belongs to, and only there
        String fact = "- Acknowledged " + human + " after the first page.\n";
        String well = between(md, "### What went well", "### What went wrong");
        String wrong = between(md, "### What went wrong", "### Where we got lucky");
        assertThat(well.contains(fact)).isEqualTo(list.equals("well"));
        assertThat(wrong.contains(fact)).isEqualTo(list.equals("wrong"));
        assertThat(md).containsOnlyOnce("- _Team to fill in:_ \u2026\n\n### What went wrong");
    }

    private static String between(String md, String from, String to) {
        return md.substring(md.indexOf(from), md.indexOf(to));
    }
}
