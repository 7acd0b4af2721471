package dev.firebell.cli;

import dev.firebell.aws.Json;
import dev.firebell.function.escalation.EscalationHandler;
import dev.firebell.function.web.WebHandler;
import dev.firebell.heartbeat.Monitor;
import dev.firebell.heartbeat.MonitorRecord;
import dev.firebell.local.FunctionUrlEvent;
import dev.firebell.local.ShiftedClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The demo's heartbeat step (docs/heartbeats.md): a monitor of the example configuration pinged through the real web
 * function, then silent until the one-minute sweep finds it past its deadline and opens an incident through the alarm
 * path, then pinged again, which resolves it. Everything runs on the demo's clock.
 */
final class HeartbeatDemo {

    static final String MONITOR = "payments-reconciliation";
    static final String WEB_FUNCTION = "WebFunction";
    private static final String HOST = "demo.lambda-url.local";

    private HeartbeatDemo() {
    }

    static void run(LocalComponent paging, FunctionRunner runner, ShiftedClock clock, PrintStream out)
            throws IOException {
        Monitor monitor = paging.configSource().current().heartbeats().get(MONITOR);
        String token = paging.heartbeatStore().token(MONITOR).orElseThrow(() ->
                new IllegalStateException(MONITOR + " has no token: config apply did not give it one"));
        runner.handler(WEB_FUNCTION, environment -> new WebHandler(environment, clock));
        EscalationHandler sweep = new EscalationHandler(paging.escalationEngine(), paging.pageDispatcher(),
                paging.heartbeats(), clock, clock::advance);

        out.println();
        out.println("== A heartbeat monitor that stops pinging ==");
        out.printf("%s (service %s) must ping every %s, at most %s late; config apply gave it a secret URL"
                + " (./firebell monitors url %s).%n", MONITOR, monitor.service(), MonitorTable.human(monitor.interval()),
                MonitorTable.human(monitor.grace()), MONITOR);
        ping(runner, clock, token, "the job's `curl -fsS <url>` at the end of its run", out);
        clock.advance(Duration.ofSeconds(20));
        ping(runner, clock, token, "pinged again within the same slice: nothing written", out);

        MonitorRecord up = paging.heartbeatStore().record(MONITOR);
        out.printf("Then silence. Next deadline %s; the escalation function runs every minute (runs that do"
                + " something are shown):%n", IncidentPrinter.time(up.dueAt()));
        String incident = null;
        Instant giveUp = up.dueAt().plus(Duration.ofMinutes(3));
        while (incident == null && clock.instant().isBefore(giveUp)) {
            clock.advanceTo(clock.instant().truncatedTo(ChronoUnit.MINUTES).plusSeconds(60 + 47));
            Instant started = clock.instant();
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            String result = runner.invokeHandler(DemoCommand.ESCALATION_FUNCTION, sweep,
                    new PrintStream(log, true, StandardCharsets.UTF_8));
            if (((Number) Json.readObject(result).get("heartbeatMisses")).intValue() > 0) {
                out.printf("%s  escalation run -> %s%n", IncidentPrinter.time(started), result);
                incident = paging.store().track(monitor.dedupKey()).incidentId();
            }
        }
        if (incident == null) {
            throw new IllegalStateException(MONITOR + " was not found past its deadline by " + giveUp);
        }
        clock.advance(Duration.ofMinutes(2));
        ping(runner, clock, token, "the job runs again", out);
        new IncidentPrinter(paging.store(), out).print(incident);
    }

    private static void ping(FunctionRunner runner, ShiftedClock clock, String token, String why, PrintStream out)
            throws IOException {
        byte[] event = FunctionUrlEvent.of("GET", "/ping/" + token, "", Map.of("host", HOST, "user-agent",
                "curl/8.5.0"), new byte[0], false, "127.0.0.1");
        Map<String, Object> response = Json.readObject(runner.invoke(WEB_FUNCTION, event));
        out.printf("%s  GET /ping/%s... -> %s %s  (%s)%n", IncidentPrinter.time(clock.instant()), token.substring(0, 6),
                response.get("statusCode"), String.valueOf(response.get("body")).strip(), why);
    }
}
