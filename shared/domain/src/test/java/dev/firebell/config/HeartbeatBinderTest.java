package dev.firebell.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.heartbeat.Monitor;
import dev.firebell.routing.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeartbeatBinderTest {

    private final ConfigBinder binder = new ConfigBinder();

    @Test
    void bind_shouldReadEachMonitor_withTheDefaultsOfWhatIsLeftOut() {
        FirebellConfig config = binder.bind(Map.of(
                "services", Map.of("backups", Map.of()),
                "routing", Map.of("default", Map.of("service", "backups", "severity", "SEV4")),
                "heartbeats", Map.of(
                        "nightly-backup", Map.of("service", "backups", "severity", "2", "interval", "1d",
                                "grace", "1h", "description", "pg_dump to S3"),
                        "queue-drain", Map.of("service", "backups", "interval", "5m"))));

        assertThat(config.heartbeats()).containsOnlyKeys("nightly-backup", "queue-drain");
        assertThat(config.heartbeats().get("nightly-backup")).isEqualTo(new Monitor("nightly-backup", "backups",
                Severity.SEV2, Duration.ofDays(1), Duration.ofHours(1)));
        Monitor drain = config.heartbeats().get("queue-drain");
        assertThat(drain.severity()).as("routing's default severity").isEqualTo(Severity.SEV4);
        assertThat(drain.grace()).isEqualTo(Monitor.DEFAULT_GRACE);
    }

    @Test
    void bind_shouldReportEveryProblem_withItsPath() {
        assertThatThrownBy(() -> binder.bind(Map.of(
                "services", Map.of("backups", Map.of()),
                "heartbeats", Map.of(
                        "a", Map.of("service", "payments", "interval", "1h"),
                        "b", Map.of("service", "backups"),
                        "c", Map.of("service", "backups", "interval", "30s", "grace", "8d"),
                        "d", Map.of("service", "backups", "interval", "soon", "severity", "SEV9"),
                        "e", Map.of("interval", "1h", "timeout", "1h"),
                        "Bad Name", Map.of("service", "backups", "interval", "1h")))))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(ConfigProblem::toString)
                        .contains(
                                "heartbeats.a.service: 'payments' is not a service declared under services (declared: backups)",
                                "heartbeats.b.interval: is required: how often the job pings, e.g. 1h or 1d",
                                "heartbeats.c.interval: must be between 1m and 365d, found 30s",
                                "heartbeats.c.grace: must be between 1m and 7d, found 8d")
                        .anySatisfy(p -> assertThat(p).startsWith("heartbeats.d.interval: 'soon' is not a duration"))
                        .anySatisfy(p -> assertThat(p).startsWith("heartbeats.d.severity: "))
                        .anySatisfy(p -> assertThat(p).startsWith("heartbeats.e.service: "))
                        .anySatisfy(p -> assertThat(p).startsWith("heartbeats.e").contains("timeout"))
                        .anySatisfy(p -> assertThat(p).contains("'Bad Name'")));
    }

    @Test
    void bind_shouldAcceptAConfigurationWithoutHeartbeats() {
        assertThat(binder.bind(Map.of("services", Map.of("backups", Map.of()))).heartbeats()).isEmpty();
        assertThat(FirebellConfig.empty().heartbeats()).isEmpty();
        assertThat(List.copyOf(ConfigBinder.SECTIONS)).contains("heartbeats");
    }
}
