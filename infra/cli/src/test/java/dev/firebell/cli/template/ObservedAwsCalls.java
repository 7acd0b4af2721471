package dev.firebell.cli.template;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records the AWS calls each function makes while it runs in a test: a global SDK interceptor (registered for this
 * module's tests in {@code software/amazon/awssdk/global/handlers/execution.interceptors}), idle unless a test
 * {@link #start}s it. A call is the function's whose handler is the outermost one on the calling thread's stack;
 * calls made outside any handler (the test's own set-up, the CLI) are not recorded.
 */
public final class ObservedAwsCalls implements ExecutionInterceptor {

    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static volatile Map<String, String> functionsByHandler;
    private static final Map<String, Set<String>> CALLS = new TreeMap<>();

    /** Starts recording, attributing calls to functions by their handler classes (class name to function id). */
    static synchronized void start(Map<String, String> handlers) {
        CALLS.clear();
        functionsByHandler = Map.copyOf(handlers);
    }

    /** Stops recording; what each function called, as {@code <service>:<Operation>} (e.g. {@code dynamodb:PutItem}). */
    static synchronized Map<String, Set<String>> stop() {
        functionsByHandler = null;
        Map<String, Set<String>> copy = new TreeMap<>();
        CALLS.forEach((function, calls) -> copy.put(function, Set.copyOf(calls)));
        return copy;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Map<String, String> handlers = functionsByHandler;
        if (handlers == null) {
            return;
        }
        String function = STACK.walk(frames -> frames.map(frame -> handlers.get(frame.getDeclaringClass().getName()))
                .filter(java.util.Objects::nonNull).reduce((inner, outer) -> outer).orElse(null));
        if (function == null) {
            return;
        }
        String call = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME).toLowerCase(java.util.Locale.ROOT) + ":"
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        synchronized (ObservedAwsCalls.class) {
            CALLS.computeIfAbsent(function, f -> new TreeSet<>()).add(call);
        }
    }
}
