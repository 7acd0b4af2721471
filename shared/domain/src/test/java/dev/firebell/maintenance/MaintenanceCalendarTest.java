package dev.firebell.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.config.ConfigBinder;
import dev.firebell.config.FirebellConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Configured windows and windows started from chat, merged into one answer; and starting one. */
class MaintenanceCalendarTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:04.861Z");

    private final FirebellConfig config = new ConfigBinder().bind(Map.of(
            "services", Map.of("checkout", Map.of(), "payments", Map.of()),
            "maintenance", Map.of("nightly", Map.of("services", List.of("checkout"), "reason", "backup",
                    "cron", "0 9 * * *", "duration", "30m"))));
    private final AtomicReference<Instant> clock = new AtomicReference<>(NOW);
    private final InMemoryMaintenanceStore store = new InMemoryMaintenanceStore();
    private final MaintenanceCalendar calendar = new MaintenanceCalendar(() -> config, store, clock::get);

    @Test
    void activeAt_shouldMergeConfiguredAndStartedWindows_theOneEndingLastHolding() {
        // GIVEN the nightly configured window (09:00-09:30) and a window started from chat for 2 hours
        calendar.start("chat", "checkout", Duration.ofHours(2), "deploying", "alice");

        // WHEN / THEN both cover 09:10; the started one ends last, so it is the one that holds
        assertThat(calendar.activeAt("checkout", Instant.parse("2026-11-27T09:10:00Z"))).hasValueSatisfying(o -> {
            assertThat(o.window().name()).isEqualTo("chat-checkout-20261127T090004Z");
            assertThat(o.window().reason()).isEqualTo("deploying");
            assertThat(o.from()).isEqualTo(Instant.parse("2026-11-27T09:00:04Z"));
            assertThat(o.until()).isEqualTo(Instant.parse("2026-11-27T11:00:04Z"));
        });
    }

    @Test
    void activeAt_shouldStillAnswerWithTheConfiguredWindow_whenItEndsLast() {
        clock.set(Instant.parse("2026-11-27T08:50:00Z"));
        calendar.start("chat", "checkout", Duration.ofMinutes(15), null, "alice");

        assertThat(calendar.activeAt("checkout", Instant.parse("2026-11-27T09:01:00Z")))
                .hasValueSatisfying(o -> assertThat(o.window().name()).isEqualTo("nightly"));
        assertThat(calendar.activeAt("checkout", Instant.parse("2026-11-27T08:55:00Z")))
                .hasValueSatisfying(o -> assertThat(o.window().name()).startsWith("chat-checkout-"));
    }

    @Test
    void activeAt_shouldLetAStartedWindowExpire_atItsEnd() {
        calendar.start("chat", "checkout", Duration.ofHours(1), null, "alice");
        Instant end = Instant.parse("2026-11-27T10:00:04Z");

        assertThat(calendar.activeAt("checkout", end.minusMillis(1))).isPresent();
        assertThat(calendar.activeAt("checkout", end)).as("the end is excluded").isEmpty();
        assertThat(calendar.activeAt("checkout", Instant.parse("2026-11-27T08:59:00Z"))).as("not before it started")
                .isEmpty();
    }

    @Test
    void activeAt_shouldLeaveOtherServicesUnaffected_andReadOnlyTheAskedServicesWindows() {
        calendar.start("chat", "checkout", Duration.ofHours(1), null, "alice");

        assertThat(calendar.activeAt("payments", Instant.parse("2026-11-27T09:10:00Z"))).isEmpty();
        assertThat(store.reads()).as("one read per question").isEqualTo(1);
    }

    @Test
    void start_shouldStoreAOneOffWindowForTheService_fromNowForTheDuration_recordingWhoStartedIt() {
        MaintenanceCalendar.Started started = calendar.start("chat", "payments", Duration.ofMinutes(90), "  db upgrade ",
                "bob");

        assertThat(started.created()).isTrue();
        assertThat(store.all()).containsExactly(started.window());
        AdHocMaintenance w = started.window();
        assertThat(w.name()).isEqualTo("chat-payments-20261127T090004Z");
        assertThat(w.service()).isEqualTo("payments");
        assertThat(w.start()).isEqualTo(Instant.parse("2026-11-27T09:00:04Z"));
        assertThat(w.end()).isEqualTo(Instant.parse("2026-11-27T10:30:04Z"));
        assertThat(w.reason()).isEqualTo("db upgrade");
        assertThat(w.startedBy()).isEqualTo("bob");
        assertThat(w.startedAt()).isEqualTo(NOW);
        assertThat(w.window().services()).containsExactly("payments");
        assertThat(w.window().cron()).isNull();
    }

    @Test
    void start_shouldStoreOnce_whenTheSameRequestIsRetriedWithinTheSecond() {
        MaintenanceCalendar.Started first = calendar.start("chat", "checkout", Duration.ofHours(1), null, "alice");
        clock.set(NOW.plusMillis(100));
        MaintenanceCalendar.Started again = calendar.start("chat", "checkout", Duration.ofHours(1), null, "alice");

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.window().name()).isEqualTo(first.window().name());
        assertThat(store.all()).hasSize(1);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "chekout, PT1H, '''chekout'' is not a configured service; services: checkout, default, payments'",
            "checkout, PT0S, 'needs a positive duration, such as 30m or 2h'",
            "checkout, -PT1H, 'needs a positive duration'",
            "checkout, PT168H1S, 'lasts at most 7 days; for longer or recurring maintenance, add it under maintenance:'",
    })
    void start_shouldRefuseWhatIsWrong_andStoreNothing(String service, String duration, String message) {
        assertThatThrownBy(() -> calendar.start("chat", service, Duration.parse(duration), null, "alice"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
        assertThat(store.all()).isEmpty();
    }

    @Test
    void start_shouldRefuseAMissingDurationOrATooLongReason_andStoreNothing() {
        assertThatThrownBy(() -> calendar.start("chat", "checkout", null, null, "alice"))
                .hasMessageContaining("positive duration");
        assertThatThrownBy(() -> calendar.start("chat", "checkout", Duration.ofHours(1), "x".repeat(301), "alice"))
                .hasMessageContaining("longer than 300 characters");
        assertThat(store.all()).isEmpty();
    }

    @Test
    void start_shouldAcceptExactlySevenDays_andTheRoutingDefaultService() {
        assertThat(calendar.start("chat", "default", MaintenanceWindow.MAX_DURATION, null, "alice").window().end())
                .isEqualTo(Instant.parse("2026-12-04T09:00:04Z"));
    }

    @Test
    void configuredOnly_shouldAnswerFromTheConfiguration_andRefuseToStartWindows() {
        MaintenanceCalendar configured = MaintenanceCalendar.configuredOnly(() -> config);

        assertThat(configured.activeAt("checkout", Instant.parse("2026-11-27T09:10:00Z")))
                .hasValueSatisfying(o -> assertThat(o.window().name()).isEqualTo("nightly"));
        assertThatThrownBy(() -> configured.start("chat", "checkout", Duration.ofHours(1), null, "alice"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
