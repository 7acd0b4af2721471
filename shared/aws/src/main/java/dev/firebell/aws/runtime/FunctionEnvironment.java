package dev.firebell.aws.runtime;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A function's configuration: the environment variables template.yaml sets. Handlers get it from
 * {@link System#getenv()} in Lambda; the local runner passes the template's variables resolved
 * against the emulator. It remembers which names were read, so a test can compare them with the
 * template (nothing read that is not set, nothing set that is not read).
 */
public final class FunctionEnvironment {

    private final Map<String, String> variables;
    private final Set<String> read = Collections.synchronizedSet(new TreeSet<>());

    public FunctionEnvironment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public static FunctionEnvironment system() {
        return new FunctionEnvironment(System.getenv());
    }

    /** A variable the function cannot work without; the error names it. */
    public String require(String name) {
        read.add(name);
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set; template.yaml sets it for"
                    + " every function that needs it");
        }
        return value;
    }

    public String optional(String name, String fallback) {
        read.add(name);
        String value = variables.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Lambda is initialising this environment to snapshot it (SnapStart), not to serve an invocation now. */
    public boolean snapStartInit() {
        return "snap-start".equals(optional("AWS_LAMBDA_INITIALIZATION_TYPE", null));
    }

    public Set<String> namesRead() {
        synchronized (read) {
            return Set.copyOf(read);
        }
    }
}
