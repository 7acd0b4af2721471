package dev.firebell.config;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration that cannot be used; lists every problem found, not just the first. */
public class ConfigException extends RuntimeException {
    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> found) {
        this(found.stream().distinct().toList(), true);
    }

    private ConfigException(List<ConfigProblem> problems, boolean distinct) {
        super(problems.size() + " configuration problem" + (problems.size() == 1 ? "" : "s") + ":\n  "
                + problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
