package dev.firebell.console.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-06");

    @Test
    void parse_shouldDefaultToTheLast30Days_todayIncluded() {
        ReportPeriod p = ReportPeriod.parse(Optional.empty(), Optional.empty(), TODAY);

        assertThat(p).isEqualTo(new ReportPeriod(LocalDate.parse("2026-11-07"), TODAY));
        assertThat(p.days()).isEqualTo(30);
        assertThat(p.start()).isEqualTo(Instant.parse("2026-11-07T00:00:00Z"));
        assertThat(p.end()).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
    }

    @Test
    void parse_shouldTakeBothDates_orCountBackFromTo() {
        assertThat(ReportPeriod.parse(Optional.of("2026-11-01"), Optional.of("2026-11-30"), TODAY))
                .isEqualTo(new ReportPeriod(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")));
        assertThat(ReportPeriod.parse(Optional.empty(), Optional.of("2026-11-30"), TODAY).from())
                .isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(ReportPeriod.last(7, TODAY).from()).isEqualTo(LocalDate.parse("2026-11-30"));
    }

    @Test
    void parse_shouldNameWhatIsWrong() {
        assertThatThrownBy(() -> ReportPeriod.parse(Optional.of("2026-13-01"), Optional.empty(), TODAY))
                .hasMessage("'from' (2026-13-01) is not a date like 2026-11-01");
        assertThatThrownBy(() -> ReportPeriod.parse(Optional.empty(), Optional.of("yesterday"), TODAY))
                .hasMessage("'to' (yesterday) is not a date like 2026-11-01");
        assertThatThrownBy(() -> ReportPeriod.parse(Optional.of("2026-12-01"), Optional.of("2026-11-01"), TODAY))
                .hasMessage("'from' (2026-12-01) is after 'to' (2026-11-01)");
        assertThatThrownBy(() -> ReportPeriod.parse(Optional.empty(), Optional.of("2026-12-07"), TODAY))
                .hasMessageContaining("'to' (2026-12-07) is after today (2026-12-06");
        assertThatThrownBy(() -> ReportPeriod.parse(Optional.of("2025-01-01"), Optional.of("2026-01-02"), TODAY))
                .hasMessageContaining("is 367 days: a report covers at most 366");
    }
}
