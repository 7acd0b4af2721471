package dev.firebell.config;

import dev.firebell.person.Person;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Names in a configuration: the form every declared name takes, and references from one section to the names
 * another declares, refused with the names that are declared.
 */
final class ConfigNames {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private ConfigNames() {
    }

    /**
     * Binds each entry of a section that maps names to entities (people, rotations, policies...), in file order:
     * checks its name, reports keys other than {@code keys}, and keeps what {@code bindOne} makes of it, unless
     * null (it had problems, reported).
     */
    static <T> Map<String, T> bindEach(ConfigNode section, String what, Set<String> keys,
                                       BiFunction<String, ConfigNode, T> bindOne) {
        Map<String, T> out = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> e : section.entries().entrySet()) {
            checkName(e.getValue(), what, e.getKey());
            e.getValue().allowOnly(keys);
            T bound = bindOne.apply(e.getKey(), e.getValue());
            if (bound != null) {
                out.put(e.getKey(), bound);
            }
        }
        return out;
    }

    /** A declared name (person, rotation, policy...): lower case, so that references never depend on case. */
    static void checkName(ConfigNode at, String what, String name) {
        if (!NAME.matcher(name).matches()) {
            at.problem(what + " name '" + name + "' must be lower-case letters, digits, '.', '_' or '-'");
        }
    }

    static boolean checkPerson(ConfigNode at, String person, Map<String, Person> people) {
        return require(at, person, people.keySet(), "person", "people");
    }

    /** Whether {@code name} is one of the {@code known} names of {@code section}; reports it when it is not. */
    static boolean require(ConfigNode at, String name, Set<String> known, String what, String section) {
        if (known.contains(name)) {
            return true;
        }
        at.problem("'" + name + "' is not a " + what + " declared under " + section + known(known));
        return false;
    }

    /** " (declared: a, b, c)", the first twelve, to end a message about an unknown name. */
    static String known(Set<String> names) {
        if (names.isEmpty()) {
            return " (none are declared)";
        }
        List<String> sorted = names.stream().sorted().toList();
        return " (declared: " + String.join(", ", sorted.size() > 12 ? sorted.subList(0, 12) : sorted)
                + (sorted.size() > 12 ? ", ..." : "") + ")";
    }
}
