package dev.firebell.cli;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.local.FunctionSpec;
import dev.firebell.local.LocalLambdaContext;
import dev.firebell.local.LocalResources;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@code sam local invoke} without Docker: finds a function in template.yaml, builds its handler with
 * the environment the template gives it (resolved against the local stack), and invokes it in this
 * process. Handlers are built once per function and reused, as Lambda reuses a warm environment.
 */
public final class FunctionRunner {

    private final LocalResources resources;
    private final PrintStream log;
    private final Map<String, RequestStreamHandler> handlers = new ConcurrentHashMap<>();
    private final Map<String, Function<FunctionEnvironment, RequestStreamHandler>> factories = new ConcurrentHashMap<>();

    public FunctionRunner(LocalResources resources, PrintStream log) {
        this.resources = resources;
        this.log = log;
    }

    /** Invokes the function with the event and returns what the handler wrote. Handler errors propagate. */
    public String invoke(String functionLogicalId, byte[] event) throws IOException {
        RequestStreamHandler handler = handlers.computeIfAbsent(functionLogicalId, this::instantiate);
        FunctionSpec spec = resources.template().function(functionLogicalId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out,
                new LocalLambdaContext(functionLogicalId, timeoutSeconds(spec), log));
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Builds this function's handler with the factory instead of its {@code (FunctionEnvironment)} constructor, still
     * with the environment the template gives it: for collaborators a local run replaces (e.g. the chat function's
     * people directory, or how it defers work). Call before the first invoke.
     */
    public FunctionRunner handler(String functionLogicalId, Function<FunctionEnvironment, RequestStreamHandler> factory) {
        factories.put(functionLogicalId, factory);
        return this;
    }

    /** Invokes a handler built elsewhere (e.g. on the demo's clock) as the given function, with an empty event. */
    public String invokeHandler(String functionLogicalId, RequestStreamHandler handler) throws IOException {
        return invokeHandler(functionLogicalId, handler, log);
    }

    /** The same, with the handler's log lines going to {@code handlerLog}. */
    public String invokeHandler(String functionLogicalId, RequestStreamHandler handler, PrintStream handlerLog)
            throws IOException {
        FunctionSpec spec = resources.template().function(functionLogicalId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), out,
                new LocalLambdaContext(functionLogicalId, timeoutSeconds(spec), handlerLog));
        return out.toString(StandardCharsets.UTF_8);
    }

    public FunctionEnvironment environmentOf(String functionLogicalId) {
        return new FunctionEnvironment(resources.environmentOf(functionLogicalId));
    }

    private RequestStreamHandler instantiate(String functionLogicalId) {
        FunctionSpec spec = resources.template().function(functionLogicalId);
        if (factories.containsKey(functionLogicalId)) {
            return factories.get(functionLogicalId).apply(environmentOf(functionLogicalId));
        }
        String className = spec.handlerClass();
        try {
            Class<?> type = Class.forName(className);
            if (!RequestStreamHandler.class.isAssignableFrom(type)) {
                throw new IllegalStateException(className + " (handler of " + functionLogicalId
                        + ") is not a RequestStreamHandler");
            }
            Constructor<?> withEnvironment = type.getConstructor(FunctionEnvironment.class);
            return (RequestStreamHandler) withEnvironment.newInstance(environmentOf(functionLogicalId));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("handler class " + className + " of " + functionLogicalId
                    + " is not on the classpath", e);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("cannot build " + className + ": " + cause.getMessage(), cause);
        }
    }

    private static int timeoutSeconds(FunctionSpec spec) {
        Object timeout = spec.properties().get("Timeout");
        return timeout instanceof Number n ? n.intValue() : 30;
    }
}
