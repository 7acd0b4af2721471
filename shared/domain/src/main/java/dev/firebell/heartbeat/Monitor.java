package dev.firebell.heartbeat;

import dev.firebell.routing.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A heartbeat monitor as declared in the configuration: a job that must ping at least every {@code interval}, late by
 * at most {@code grace}, or its service gets an incident.
 *
 * @param grace also how long a run announced with {@code /start} may take
 */
public record Monitor(String name, String service, Severity severity, Duration interval, Duration grace) {

    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
    public static final Duration MAX_INTERVAL = Duration.ofDays(365);
    public static final Duration MIN_GRACE = Duration.ofMinutes(1);
    public static final Duration MAX_GRACE = Duration.ofDays(7);
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(5);

    /** Pings within one slice write once; a slice is never longer than this, so a miss is seen at most this late. */
    static final Duration MAX_SLICE = Duration.ofMinutes(10);
    /** A monitor that stays silent adds a miss to its incident at most this often. */
    static final Duration MIN_REPEAT = Duration.ofHours(1);
    static final String DEDUP_PREFIX = "firebell:heartbeat:";

    public Monitor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(grace, "grace");
        if (interval.compareTo(MIN_INTERVAL) < 0 || grace.compareTo(MIN_GRACE) < 0) {
            throw new IllegalArgumentException("monitor " + name + ": interval and grace are at least 1 minute");
        }
    }

    /** The dedup key of its incidents: one incident per monitor, later misses fold into it. */
    public String dedupKey() {
        return DEDUP_PREFIX + name;
    }

    /** Whether an incident with this dedup key is a heartbeat monitor's (it resolves when the job pings again). */
    public static boolean isHeartbeat(String dedupKey) {
        return dedupKey != null && dedupKey.startsWith(DEDUP_PREFIX);
    }

    /** The name its incidents carry where an alarm's would be. */
    public String alarmName() {
        return "heartbeat/" + name;
    }

    /**
     * The length of a ping slice (docs/adr/0115): half the shorter of interval and grace, between 1 and 10 minutes.
     * Slices are aligned on the epoch, so every function computes the same ones.
     */
    public Duration slice() {
        Duration half = (interval.compareTo(grace) < 0 ? interval : grace).dividedBy(2);
        if (half.compareTo(MIN_INTERVAL) < 0) {
            return MIN_INTERVAL;
        }
        return half.compareTo(MAX_SLICE) > 0 ? MAX_SLICE : Duration.ofSeconds(half.toSeconds());
    }

    long sliceOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), slice().toSeconds());
    }

    boolean sameSlice(Instant a, Instant b) {
        return a != null && b != null && sliceOf(a) == sliceOf(b);
    }

    /**
     * When a success ping at {@code at} next expects one: the end of its slice, plus interval and grace. Counting from
     * the slice's end, never its start, means a ping that was not written never makes the monitor expire early.
     */
    Instant dueAfterSuccess(Instant at) {
        return sliceEnd(at).plus(interval).plus(grace);
    }

    /** When a run started at {@code at} must have finished. */
    Instant dueAfterStart(Instant at) {
        return sliceEnd(at).plus(grace);
    }

    /** How long a silent monitor waits before adding its next miss to the incident. */
    Duration repeat() {
        return interval.compareTo(MIN_REPEAT) > 0 ? interval : MIN_REPEAT;
    }

    private Instant sliceEnd(Instant at) {
        long size = slice().toSeconds();
        return Instant.ofEpochSecond((sliceOf(at) + 1) * size);
    }
}
