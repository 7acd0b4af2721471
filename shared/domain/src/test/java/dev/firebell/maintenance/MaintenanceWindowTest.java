package dev.firebell.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaintenanceWindowTest {

    private static MaintenanceWindow recurring(String cron, Duration duration, String zone, String... services) {
        return new MaintenanceWindow("w", Set.of(services), null, ZoneId.of(zone), null, null, CronSchedule.parse(cron),
                duration);
    }

    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @CsvSource({
            "'0 2 * * *', 2026-11-27T02:00, true",
            "'0 2 * * *', 2026-11-27T01:59, false",
            "'*/15 9-17 * * mon-fri', 2026-11-27T17:45, true",
            "'*/15 9-17 * * mon-fri', 2026-11-28T10:00, false",
            "'30 22 1,15 * *', 2026-12-15T22:30, true",
            "'0 0 * jan sun', 2026-01-04T00:00, true",
            // both day fields restricted: either matches (Vixie cron)
            "'0 0 13 * fri', 2026-02-13T00:00, true",
            "'0 0 13 * fri', 2026-02-20T00:00, true",
            "'0 0 13 * fri', 2026-02-19T00:00, false",
            "'0 0 * * 7', 2026-11-29T00:00, true",
    })
    void cron_shouldMatchLikeStandardCron(String cron, String local, boolean matches) {
        assertThat(CronSchedule.parse(cron).matches(LocalDateTime.parse(local))).isEqualTo(matches);
    }

    @ParameterizedTest
    @CsvSource({"'0 2 * *', 'has 4 fields'", "'60 2 * * *', 'minute 60 is outside 0-59'", "'0 2 * * funday', 'not a number'",
            "'0 5-2 * * *', 'runs backwards'", "'', 'empty'"})
    void cron_shouldRefuseBadExpressions_naming_theField(String cron, String words) {
        assertThatThrownBy(() -> CronSchedule.parse(cron)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(words);
    }

    @Test
    void aRecurringWindow_coversFromEachStartForItsDuration_inItsTimeZone() {
        MaintenanceWindow w = recurring("0 23 * * sat", Duration.ofHours(3), "Europe/Paris", "checkout");
        // Saturday 2026-11-28 23:00 Paris = 22:00Z, until Sunday 01:00Z.
        assertThat(w.occurrenceAt(Instant.parse("2026-11-28T21:59:59Z"))).isEmpty();
        assertThat(w.occurrenceAt(Instant.parse("2026-11-29T00:59:00Z"))).hasValueSatisfying(o -> {
            assertThat(o.from()).isEqualTo(Instant.parse("2026-11-28T22:00:00Z"));
            assertThat(o.until()).isEqualTo(Instant.parse("2026-11-29T01:00:00Z"));
        });
        assertThat(w.occurrenceAt(Instant.parse("2026-11-29T01:00:00Z"))).as("end excluded").isEmpty();
        assertThat(w.nextAfter(Instant.parse("2026-11-29T01:00:00Z"))).hasValueSatisfying(o ->
                assertThat(o.from()).isEqualTo(Instant.parse("2026-12-05T22:00:00Z")));
        assertThat(w.covers("checkout")).isTrue();
        assertThat(w.covers("payments")).isFalse();
    }

    @Test
    void aWindowStartingInTheSkippedHour_startsAtTheJump() {
        MaintenanceWindow w = recurring("30 2 * * *", Duration.ofMinutes(60), "America/New_York");
        assertThat(w.occurrenceAt(Instant.parse("2026-03-08T07:10:00Z"))).hasValueSatisfying(o ->
                assertThat(o.from()).isEqualTo(Instant.parse("2026-03-08T07:00:00Z")));
    }

    @Test
    void active_shouldPickTheWindowEndingLast_ofThoseCoveringTheService() {
        MaintenanceWindow a = recurring("0 9 * * *", Duration.ofMinutes(30), "UTC", "checkout");
        MaintenanceWindow b = new MaintenanceWindow("b", Set.of(), "all", ZoneId.of("UTC"),
                LocalDateTime.parse("2026-11-27T09:10"), LocalDateTime.parse("2026-11-27T10:00"), null, null);
        MaintenanceWindow c = recurring("0 9 * * *", Duration.ofHours(5), "UTC", "payments");
        assertThat(MaintenanceWindow.active(List.of(a, b, c), "checkout", Instant.parse("2026-11-27T09:15:00Z")))
                .hasValueSatisfying(o -> assertThat(o.window().name()).isEqualTo("b"));
        assertThat(MaintenanceWindow.active(List.of(a, c), "platform", Instant.parse("2026-11-27T09:15:00Z"))).isEmpty();
    }
}
