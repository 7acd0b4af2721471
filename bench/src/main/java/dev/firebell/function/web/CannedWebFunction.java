package dev.firebell.function.web;

import dev.firebell.heartbeat.Heartbeats;

/**
 * The web function's ping path ({@link PingEndpoint} behind the real {@link WebHandler}) on a graph the benchmark
 * built, with canned AWS answers. Benchmarks only: it lives in the function's package because the endpoint and the
 * handler's constructor are package-private, and the bench runs on a plain class path, where a package may span jars.
 */
public final class CannedWebFunction {

    private CannedWebFunction() {
    }

    /** The handler as deployed for {@code /ping/} requests; link requests are not part of what it measures. */
    public static WebHandler pings(Heartbeats heartbeats) {
        return new WebHandler(null, new PingEndpoint(heartbeats));
    }
}
