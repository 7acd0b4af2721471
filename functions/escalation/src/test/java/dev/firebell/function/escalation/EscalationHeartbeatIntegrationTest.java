package dev.firebell.function.escalation;

import static dev.firebell.function.escalation.OnCallFixture.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.Json;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.heartbeat.MonitorState;
import dev.firebell.heartbeat.PingKind;
import dev.firebell.heartbeat.PingOutcome;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.local.LocalInvocation;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.paging.Page;
import dev.firebell.paging.PageReason;
import dev.firebell.testing.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Heartbeat expiry in the one-minute sweep, through the real SDK against the emulator: the handler invoked each minute
 * as the schedule invokes it finds the monitors past their deadline with a query, opens their incidents through the
 * alarm path, and those incidents escalate like any other until a ping resolves them.
 */
@LocalStackTest
class EscalationHeartbeatIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-11-27T09:00:30Z");

    private final LocalStack local;
    private final LocalResources resources;
    private final MutableClock clock = new MutableClock(T0);
    private TestEscalationComponent component;
    private EscalationHandler handler;

    EscalationHeartbeatIntegrationTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @BeforeEach
    void scene() {
        local.emptyTable(resources.tableName("FirebellTable"));
        component = DaggerTestEscalationComponent.builder()
                .environment(new FunctionEnvironment(resources.environmentOf("EscalationFunction")))
                .clock(clock).crash(new AtomicBoolean()).published(new AtomicInteger()).build();
        Map<String, Object> config = OnCallFixture.config();
        Map<String, Object> monitors = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            monitors.put("job-" + i, map("service", "checkout", "interval", "10m", "grace", "2m"));
        }
        monitors.put("never-pinged", map("service", "checkout", "interval", "1m", "grace", "1m"));
        config.put("heartbeats", monitors);
        component.configStore().apply(config, "test");
        for (String name : monitors.keySet()) {
            component.heartbeatStore().createToken(name, "token-" + name);
        }
        handler = new EscalationHandler(component.escalationEngine(), component.pageDispatcher(),
                component.heartbeats(), clock, clock::advance);
    }

    @Test
    void theSweep_shouldOpenAnIncidentPerSilentMonitor_escalateIt_andAPingShouldResolveIt() {
        for (int i = 0; i < 12; i++) {
            assertThat(component.heartbeats().ping("token-job-" + i, PingKind.SUCCESS)).isEqualTo(PingOutcome.RECORDED);
        }
        // Interval 10m, grace 2m, slices of 1 minute: due at 09:13:00.
        clock.set(Instant.parse("2026-11-27T09:12:47Z"));
        Map<String, Object> quiet = invoke();
        assertThat(quiet.get("heartbeatMisses")).isEqualTo(0);

        clock.set(Instant.parse("2026-11-27T09:13:47Z"));
        Map<String, Object> run = invoke();

        assertThat(run.get("heartbeatMisses")).isEqualTo(12);
        List<Incident> open = component.store().openIncidents();
        assertThat(open).hasSize(12).allSatisfy(i -> {
            assertThat(i.service()).isEqualTo("checkout");
            assertThat(i.triggeredAt()).isEqualTo(Instant.parse("2026-11-27T09:13:00Z"));
        });
        Incident first = open.stream().filter(i -> i.dedupKey().equals("firebell:heartbeat:job-0")).findFirst()
                .orElseThrow();
        assertThat(component.store().pages(first.id())).extracting(Page::target).containsExactly("person:alice");
        assertThat(component.heartbeatStore().record("never-pinged").state()).isEqualTo(MonitorState.NEW);

        // Nobody acknowledges: level 2 five minutes later, from the same sweep.
        clock.set(Instant.parse("2026-11-27T09:18:47Z"));
        Map<String, Object> later = invoke();
        assertThat(later.get("heartbeatMisses")).isEqualTo(0);
        assertThat(component.store().pages(first.id())).extracting(Page::reason)
                .containsExactly(PageReason.TRIGGERED, PageReason.ESCALATED);

        clock.set(Instant.parse("2026-11-27T09:19:10Z"));
        assertThat(component.heartbeats().ping("token-job-0", PingKind.SUCCESS)).isEqualTo(PingOutcome.RECOVERED);
        assertThat(component.store().incident(first.id()).orElseThrow().status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(component.store().openIncidents()).hasSize(11);
    }

    private Map<String, Object> invoke() {
        String result = LocalInvocation.invoke(handler, "{}".getBytes(StandardCharsets.UTF_8),
                new ClockContext(clock, Duration.ofSeconds(5)));
        try {
            return Json.readObject(result);
        } catch (IOException e) {
            throw new AssertionError("handler wrote no JSON: " + result, e);
        }
    }
}
