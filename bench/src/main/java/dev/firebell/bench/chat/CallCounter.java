package dev.firebell.bench.chat;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts AWS API calls by service and operation, for every SDK client in the JVM: registered as a global
 * interceptor (software/amazon/awssdk/global/handlers/execution.interceptors on the bench's class path), so the
 * function's own clients are counted without changing them. In AWS each call is a network round trip, which is
 * what the local timings cannot show.
 */
public final class CallCounter implements ExecutionInterceptor {

    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    private static volatile boolean paused;

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (paused) {
            return;
        }
        String call = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + ":"
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        CALLS.computeIfAbsent(call, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Not counting the benchmark's own housekeeping (emptying the table between runs). */
    static void pause(boolean pause) {
        paused = pause;
    }

    static void reset() {
        CALLS.clear();
    }

    /** Calls since the last reset, per operation, divided by {@code per} (calls per command). */
    static String perCommand(int per) {
        Map<String, Double> sorted = new TreeMap<>();
        CALLS.forEach((call, count) -> sorted.put(call, count.get() / (double) per));
        StringBuilder out = new StringBuilder();
        sorted.forEach((call, n) -> out.append(out.length() == 0 ? "" : ", ")
                .append(String.format(java.util.Locale.ROOT, n == Math.rint(n) ? "%.0f %s" : "%.1f %s", n, call)));
        return out.length() == 0 ? "none" : out.toString();
    }
}
