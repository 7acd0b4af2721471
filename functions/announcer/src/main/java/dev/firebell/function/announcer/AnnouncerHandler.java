package dev.firebell.function.announcer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.firebell.announcement.AnnouncementBusyException;
import dev.firebell.announcement.AnnouncementService;
import dev.firebell.aws.Json;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.wiring.ClockModule;
import dev.firebell.slack.SlackWebApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps incidents' Slack announcements current. From the table's stream: each incident with a change its announcement
 * shows (a timeline entry of {@link AnnouncementService#CHANGES}) is brought up to date once per batch, in order; a
 * record that fails is reported with its sequence number ({@code batchItemFailures}), so Lambda retries from it and
 * never past it (bisecting the batch), and after the retries sends the batch's position to the on-failure queue,
 * which alarms. On demand, with {@code {"incidentId": "42"}}: that incident's announcement, or an error that says why
 * not.
 */
public final class AnnouncerHandler implements RequestStreamHandler {

    /** Time to keep for posting after waiting for another invocation's claim to lapse. */
    static final Duration ROOM_AFTER_WAIT = Duration.ofSeconds(10);

    private final AnnouncementService announcements;
    private final InvocationDeadline deadline;
    private final SlackWebApi.Sleeper sleeper;
    private final InstantSource clock;

    /** Lambda's constructor: the object graph is built once per execution environment, at init. */
    public AnnouncerHandler() {
        this(FunctionEnvironment.system());
    }

    /** For the local runner and tests: the same graph, configured by the given environment. */
    public AnnouncerHandler(FunctionEnvironment environment) {
        this(environment, ClockModule.clock(), duration -> Thread.sleep(duration.toMillis()));
    }

    /** The same graph on another clock, waiting by {@code sleeper} (the demo's clock; tests). */
    public AnnouncerHandler(FunctionEnvironment environment, InstantSource clock, SlackWebApi.Sleeper sleeper) {
        this(DaggerAnnouncerComponent.builder().environment(environment).clock(clock).sleeper(sleeper).build(), clock);
    }

    private AnnouncerHandler(AnnouncerComponent component, InstantSource clock) {
        this.announcements = component.announcements();
        this.deadline = component.deadline();
        this.sleeper = component.sleeper();
        this.clock = clock;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        deadline.start(clock.instant(), Duration.ofMillis(context.getRemainingTimeInMillis()));
        Object event;
        try {
            event = Json.read(input);
        } catch (IOException notJson) {
            throw new IllegalArgumentException("the event is not JSON: " + notJson.getMessage(), notJson);
        }
        AnnouncerRequest request = AnnouncerRequest.parse(event);
        Map<String, Object> result = request instanceof AnnouncerRequest.OnDemand onDemand
                ? describe(announce(onDemand.incidentId(), context), context)
                : batch((AnnouncerRequest.Batch) request, context);
        output.write(Json.write(result).getBytes(StandardCharsets.UTF_8));
    }

    /** In order; at the first failure, report it and stop: Lambda re-delivers from there anyway. */
    private Map<String, Object> batch(AnnouncerRequest.Batch batch, Context context) {
        Set<String> done = new HashSet<>();
        List<Map<String, Object>> outcomes = new ArrayList<>();
        List<Map<String, String>> failures = new ArrayList<>();
        for (AnnouncerRequest.Change change : batch.records()) {
            if (change.problem() != null) {
                context.getLogger().log(change.problem(), LogLevel.ERROR);
                failures.add(Map.of("itemIdentifier", change.sequenceNumber()));
                break;
            }
            // One update per incident and batch: it always shows the incident as it is now, later records included.
            if (change.incidentId() == null || !done.add(change.incidentId())) {
                continue;
            }
            try {
                outcomes.add(describe(announce(change.incidentId(), context), context));
            } catch (RuntimeException e) {
                context.getLogger().log("announcement of incident " + change.incidentId() + " (sequence "
                        + change.sequenceNumber() + ") failed; Lambda retries from this record: " + e, LogLevel.ERROR);
                failures.add(Map.of("itemIdentifier", change.sequenceNumber()));
                break;
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("batchItemFailures", failures);
        result.put("outcomes", outcomes);
        return result;
    }

    /**
     * One incident's announcement. A claim another invocation holds (one that died mid-post; an on-demand call) is
     * waited out when it lapses in time to post after it: the stream's retries come at once, and would otherwise be
     * spent refused while it is live.
     */
    private AnnouncementService.Outcome announce(String incidentId, Context context) {
        try {
            return announcements.announce(incidentId, deadline.get());
        } catch (AnnouncementBusyException busy) {
            Duration wait = Duration.between(clock.instant(), busy.leaseUntil());
            if (clock.instant().plus(wait).plus(ROOM_AFTER_WAIT).isAfter(deadline.get())) {
                throw busy;
            }
            context.getLogger().log(busy.getMessage() + ": waiting " + wait.toMillis() + " ms", LogLevel.WARN);
            try {
                sleeper.sleep(wait.isNegative() ? Duration.ZERO : wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw busy;
            }
            return announcements.announce(incidentId, deadline.get());
        }
    }

    private static Map<String, Object> describe(AnnouncementService.Outcome outcome, Context context) {
        context.getLogger().log("announcement #" + outcome.incidentId() + ": " + outcome.kind() + " (" + outcome.detail()
                + ")", LogLevel.INFO);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("incidentId", outcome.incidentId());
        m.put("outcome", outcome.kind().name());
        m.put("detail", outcome.detail());
        return m;
    }
}
