package dev.firebell.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.timeline.TimelineEntryType;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Candidate conditions the golden files do not show: out-of-order deliveries, missing data, routing notes. */
class ContributingFactorsSectionTest {

    @ParameterizedTest(name = "{0} of each")
    @ValueSource(ints = {1, 2, 3})
    void write_shouldName_outOfOrderDeliveries_missingData_andRoutingNotes_inTheRightNumber(int times) {
        // GIVEN the alarm's deliveries arriving out of order, its metric going missing, and a routing note, each n times
        Fixtures.Timeline timeline = new Fixtures.Timeline("75");
        for (int n = 0; n < times; n++) {
            String at = "09:1" + n + ":00";
            timeline.alarm(at, TimelineEntryType.OUT_OF_ORDER_IGNORED, "orders-api-5xx", "OK", at, "OK is older")
                    .alarm(at, TimelineEntryType.INSUFFICIENT_DATA, "orders-api-5xx", "INSUFFICIENT_DATA", at, "no data")
                    .system(at, TimelineEntryType.ROUTING_NOTE, "rule #" + n + " matched *twice*", Map.of());
        }

        // WHEN the section is written
        String md = Fixtures.written(ContributingFactorsSection::write, Fixtures.plainIncident("75").build(),
                timeline.entries);

        // THEN each is one candidate, worded for how many there were; routing notes are listed as text, each its own
        String[] counted = {"once", "twice", "3 times"};
        assertThat(md).contains("- The alarm reported INSUFFICIENT\\_DATA " + counted[times - 1] + ": the metric stopped"
                + " arriving for a while.\n");
        assertThat(md).contains(times == 1 ? "- 1 alarm delivery arrived out of order and was ignored.\n"
                : "- " + times + " alarm deliveries arrived out of order and were ignored.\n");
        assertThat(md.lines().filter(l -> l.startsWith("- Routing: rule \\#"))).hasSize(times);
        assertThat(md).contains("- Routing: rule \\#0 matched \\*twice\\*\n").doesNotContain("Nothing stands out");
    }
}
