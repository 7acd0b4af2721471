package dev.firebell.function.escalation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.firebell.aws.Json;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.escalation.EscalationEngine;
import dev.firebell.heartbeat.Heartbeats;
import dev.firebell.incident.DispatchReport;
import dev.firebell.paging.PageDispatcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs every minute (EventBridge Scheduler): takes every escalation step that is due (the next level, a
 * repeat, exhaustion), hands every heartbeat monitor past its deadline to the alarm path, and sends every page whose lease or delivery time has run out, so that pages a
 * crash or an SNS failure left pending are never lost. Then, while its invocation has time, it waits for
 * work due before the next run, so a step fires within seconds of its due time rather than up to a
 * minute late. Every step is idempotent: overlapping runs page once. The payload carries nothing needed.
 */
public final class EscalationHandler implements RequestStreamHandler {

    static final int BATCH = 100;
    /** Work due sooner than this is waited for; later work is the next scheduled run's. */
    static final Duration LOOK_AHEAD = Duration.ofSeconds(60);
    /** Time kept in hand at the end of an invocation. */
    static final Duration MARGIN = Duration.ofSeconds(15);
    /** Between look-ahead rounds, so an index that lags a write cannot make the loop spin. */
    static final Duration MIN_PAUSE = Duration.ofSeconds(1);
    static final int MAX_ROUNDS = 60;

    /** How the handler waits; tests move a clock instead. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final EscalationEngine escalations;
    private final PageDispatcher pages;
    /** Null where no heartbeat monitors are checked (tools that drive escalations only). */
    private final Heartbeats heartbeats;
    private final InstantSource clock;
    private final Sleeper sleeper;

    public EscalationHandler() {
        this(FunctionEnvironment.system());
    }

    public EscalationHandler(FunctionEnvironment environment) {
        this(DaggerEscalationComponent.builder().environment(environment).build());
    }

    private EscalationHandler(EscalationComponent component) {
        this(component.escalationEngine(), component.pageDispatcher(), component.heartbeats(), component.clock(),
                d -> Thread.sleep(d.toMillis()));
    }

    /** For the local runner, the demo and tests: any engine, clock and way of waiting; no heartbeat monitors. */
    public EscalationHandler(EscalationEngine escalations, PageDispatcher pages, InstantSource clock, Sleeper sleeper) {
        this(escalations, pages, null, clock, sleeper);
    }

    /** As above, checking heartbeat monitors for expiry too. */
    public EscalationHandler(EscalationEngine escalations, PageDispatcher pages, Heartbeats heartbeats,
                             InstantSource clock, Sleeper sleeper) {
        this.escalations = escalations;
        this.pages = pages;
        this.heartbeats = heartbeats;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        Instant started = clock.instant();
        long budgetMillis = context.getRemainingTimeInMillis();
        Totals totals = sweep(context);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Optional<Instant> next = nextWork();
            if (next.isEmpty()) {
                break;
            }
            Duration wait = Duration.between(clock.instant(), next.get());
            if (wait.compareTo(MIN_PAUSE) < 0) {
                wait = MIN_PAUSE;
            }
            long usedMillis = Duration.between(started, clock.instant()).toMillis();
            long leftMillis = Math.min(context.getRemainingTimeInMillis(), budgetMillis - usedMillis);
            if (wait.compareTo(LOOK_AHEAD) > 0 || leftMillis - wait.toMillis() < MARGIN.toMillis()) {
                break;
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the next escalation");
            }
            totals = totals.plus(sweep(context));
        }
        if (totals.steps() + totals.misses() + totals.pages().sent() + totals.pages().failed()
                + totals.pages().cancelled() > 0) {
            context.getLogger().log("escalation steps " + totals.steps() + "; heartbeat misses " + totals.misses()
                    + "; pages sent " + totals.pages().sent()
                    + ", failed " + totals.pages().failed() + ", cancelled " + totals.pages().cancelled(),
                    totals.pages().failed() > 0 ? LogLevel.WARN : LogLevel.INFO);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("escalationSteps", totals.steps());
        out.put("pagesSent", totals.pages().sent());
        out.put("pagesFailed", totals.pages().failed());
        out.put("pagesCancelled", totals.pages().cancelled());
        out.put("heartbeatMisses", totals.misses());
        output.write(Json.write(out).getBytes(StandardCharsets.UTF_8));
    }

    private record Totals(int steps, int misses, DispatchReport pages) {
        Totals(int steps, DispatchReport pages) {
            this(steps, 0, pages);
        }

        Totals plus(Totals other) {
            return new Totals(steps + other.steps, misses + other.misses, pages.plus(other.pages));
        }
    }

    /**
     * Escalation steps first (they queue pages and send them), then heartbeat monitors past their deadline (each miss
     * takes the alarm path, which pages), then whatever is still pending. Each part runs even when one before failed
     * (a broken escalation must not hold up every other incident's pages, nor a miss); the run then fails with the
     * first error, so it shows in the function's errors and the next run tries again.
     */
    private Totals sweep(Context context) {
        Totals totals = new Totals(0, DispatchReport.NONE);
        RuntimeException stepFailed = null;
        try {
            EscalationEngine.Report steps;
            do {
                steps = escalations.runDue(BATCH);
                totals = totals.plus(new Totals(steps.stepsTaken(), steps.pages()));
            } while (steps.handled() == BATCH && context.getRemainingTimeInMillis() > MARGIN.toMillis());
        } catch (RuntimeException e) {
            stepFailed = e;
        }
        if (heartbeats != null) {
            try {
                Heartbeats.SweepReport misses;
                do {
                    misses = heartbeats.sweep(BATCH);
                    totals = totals.plus(new Totals(0, misses.alarmed(), DispatchReport.NONE));
                } while (misses.found() == BATCH && context.getRemainingTimeInMillis() > MARGIN.toMillis());
            } catch (RuntimeException e) {
                if (stepFailed == null) {
                    stepFailed = e;
                } else {
                    stepFailed.addSuppressed(e);
                }
            }
        }
        try {
            DispatchReport batch;
            do {
                batch = pages.redriveDue(BATCH);
                totals = totals.plus(new Totals(0, batch));
            } while (batch.sent() + batch.failed() + batch.cancelled() == BATCH
                    && context.getRemainingTimeInMillis() > MARGIN.toMillis());
        } catch (RuntimeException e) {
            if (stepFailed == null) {
                throw e;
            }
            stepFailed.addSuppressed(e);
        }
        if (stepFailed != null) {
            throw stepFailed;
        }
        return totals;
    }

    private Optional<Instant> nextWork() {
        Optional<Instant> next = earliest(escalations.nextDue(), pages.nextDue());
        return heartbeats == null ? next : earliest(next, heartbeats.nextDue());
    }

    private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().isBefore(b.get()) ? a.get() : b.get());
    }
}
