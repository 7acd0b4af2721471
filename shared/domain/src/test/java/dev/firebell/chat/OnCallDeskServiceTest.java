package dev.firebell.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.config.ConfigBinder;
import dev.firebell.config.FirebellConfig;
import dev.firebell.incident.Actor;
import dev.firebell.maintenance.InMemoryMaintenanceStore;
import dev.firebell.maintenance.MaintenanceCalendar;
import dev.firebell.oncall.OnCallService;
import dev.firebell.oncall.OverrideStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /incident maintenance <service> <duration> [reason]} as the on-call desk runs it. */
class OnCallDeskServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:04.861Z");
    private static final Actor ALICE = new Actor("alice", Map.of("via", "slack", "slackUserId", "U0ALICE"));

    private final FirebellConfig config = new ConfigBinder().bind(Map.of(
            "services", Map.of("checkout", Map.of(), "payments", Map.of(), "search", Map.of()),
            "routing", Map.of("default", Map.of("service", "search"))));
    private final InMemoryMaintenanceStore store = new InMemoryMaintenanceStore();
    private final OnCallDeskService desk = new OnCallDeskService(() -> config,
            new OnCallService(() -> config, OverrideStore.NONE, () -> NOW),
            new MaintenanceCalendar(() -> config, store, () -> NOW), null);

    @Test
    void startMaintenance_shouldStoreAWindowForTheServiceFromNow_namedAndRecordingWhoStartedIt() {
        OnCallDesk.MaintenanceWindow w = desk.startMaintenance("checkout", Duration.ofHours(1), "deploying", ALICE);

        assertThat(w).isEqualTo(new OnCallDesk.MaintenanceWindow("chat-checkout-20261127T090004Z", "checkout",
                Instant.parse("2026-11-27T09:00:04Z"), Instant.parse("2026-11-27T10:00:04Z"), "deploying", "alice"));
        assertThat(store.all()).singleElement().satisfies(stored -> {
            assertThat(stored.name()).isEqualTo(w.name());
            assertThat(stored.startedBy()).isEqualTo("alice");
            assertThat(stored.startedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void startMaintenance_shouldNameTheClosestAndTheKnownServices_whenTheServiceIsUnknown_andStoreNothing() {
        assertThatThrownBy(() -> desk.startMaintenance("chekout", Duration.ofHours(1), null, ALICE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'chekout' is not a configured service, so it cannot be put in maintenance. Did you mean"
                        + " checkout? Services: checkout, payments, search");
        assertThatThrownBy(() -> desk.startMaintenance("zzz", Duration.ofHours(1), null, ALICE))
                .hasMessage("'zzz' is not a configured service, so it cannot be put in maintenance. Services: checkout,"
                        + " payments, search");
        assertThat(store.all()).isEmpty();
    }

    @Test
    void startMaintenance_shouldRefuseADurationThatIsNotPositiveOrLongerThanSevenDays_andStoreNothing() {
        for (Duration bad : List.of(Duration.ZERO, Duration.ofMinutes(-5))) {
            assertThatThrownBy(() -> desk.startMaintenance("checkout", bad, null, ALICE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a maintenance window needs a positive duration, such as 30m or 2h");
        }
        assertThatThrownBy(() -> desk.startMaintenance("checkout", Duration.ofDays(7).plusMinutes(1), null, ALICE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a maintenance window lasts at most 7 days; for longer or recurring maintenance, add it under"
                        + " maintenance: in the configuration");
        assertThat(store.all()).isEmpty();
    }
}
