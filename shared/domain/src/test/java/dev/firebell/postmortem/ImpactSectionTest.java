package dev.firebell.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Grouped alarms are listed up to a cap; the storm golden file has thirteen. */
class ImpactSectionTest {

    @Test
    void write_shouldListTheFirstFiftyGroupedAlarms_andCountTheRest() {
        // GIVEN 53 alarms grouped into the incident, one a second from 09:00:10
        Fixtures.Timeline timeline = new Fixtures.Timeline("73");
        Instant at = Fixtures.t("09:00:10");
        for (int n = 1; n <= 53; n++) {
            String stamp = at.plusSeconds(n - 1).toString().substring(11, 19);
            timeline.grouped(stamp, "orders-alarm-" + n, stamp, "orders-alarm-" + n + " joined this incident", "joined");
        }

        // WHEN the section is written
        String md = Fixtures.written(ImpactSection::write, Fixtures.plainIncident("73").build(), timeline.entries);

        // THEN the alarms table has a row for each of the first fifty, then one row counting the rest
        assertThat(md.lines().filter(l -> l.contains(" | grouped | fired "))).hasSize(ImpactSection.MAX_GROUPED_ROWS);
        assertThat(md).contains("| `orders-alarm-1` | grouped | fired 2026-11-27 09:00:10 UTC | | |\n",
                "| `orders-alarm-50` | grouped | fired 2026-11-27 09:00:59 UTC | | |\n"
                        + "| 3 more grouped alarms | grouped | see the timeline | | |\n");
        assertThat(md).doesNotContain("orders-alarm-51");
    }
}
