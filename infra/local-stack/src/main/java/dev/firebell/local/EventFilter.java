package dev.firebell.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Lambda event filtering, done locally: the {@code FilterCriteria} of a function's stream or queue event, applied
 * to records the way the event source mapping applies them before it invokes the function. moto does not run
 * event source mappings, so without this a local test would invoke the function with records it never sees in
 * AWS, and a wrong pattern in template.yaml would go unnoticed.
 *
 * <p>Pattern syntax (EventBridge's, which Lambda uses): a record matches when it matches any filter; a filter matches
 * when every key of it matches. An array lists accepted values (literals, or {@code {"anything-but": ...}},
 * {@code {"prefix": ...}}, {@code {"suffix": ...}}, {@code {"equals-ignore-case": ...}}, {@code {"exists": ...}}); an
 * object descends into the record. An operator outside that list is refused rather than guessed.
 */
public final class EventFilter {

    private final List<Map<String, Object>> patterns;
    private final boolean enabled;

    private EventFilter(List<Map<String, Object>> patterns) {
        this(patterns, true);
    }

    private EventFilter(List<Map<String, Object>> patterns, boolean enabled) {
        this.patterns = patterns;
        this.enabled = enabled;
    }

    /** Filters as written in {@code FilterCriteria.Filters[].Pattern} (JSON strings). No filters: everything passes. */
    public static EventFilter of(List<String> patterns) {
        List<Map<String, Object>> parsed = new ArrayList<>();
        Yaml json = new Yaml(new SafeConstructor(new LoaderOptions()));
        for (String pattern : patterns) {
            Object value = json.load(pattern);
            if (!(value instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("filter pattern is not a JSON object: " + pattern);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            validate(typed, pattern);
            parsed.add(typed);
        }
        return new EventFilter(List.copyOf(parsed));
    }

    /** The filters of a function's event (e.g. its DynamoDB stream event), as template.yaml declares them. */
    public static EventFilter forEvent(FunctionSpec function, String eventName) {
        Object event = function.events().get(eventName);
        if (!(event instanceof Map<?, ?> eventMap)) {
            throw new IllegalArgumentException(function.logicalId() + " has no event " + eventName + "; events: "
                    + function.events().keySet());
        }
        Object properties = eventMap.get("Properties");
        Object criteria = properties instanceof Map<?, ?> p ? p.get("FilterCriteria") : null;
        Object filters = criteria instanceof Map<?, ?> c ? c.get("Filters") : null;
        List<String> patterns = new ArrayList<>();
        if (filters instanceof List<?> list) {
            for (Object filter : list) {
                Object pattern = filter instanceof Map<?, ?> f ? f.get("Pattern") : null;
                if (!(pattern instanceof String text)) {
                    throw new IllegalArgumentException(function.logicalId() + "." + eventName
                            + ": every filter needs a Pattern string, found " + filter);
                }
                patterns.add(text);
            }
        }
        return of(patterns);
    }

    /**
     * The EventBridge rule a function's event declares ({@code Type: EventBridgeRule} or {@code CloudWatchEvent}) as one
     * stack deploys it: its {@code Pattern} with that stack's parameters, conditions and names filled in, and no event
     * at all when its {@code State} is {@code DISABLED}. Which events the rule would hand the function, without
     * EventBridge; the pattern language is the one above.
     *
     * @throws UnresolvableReferenceException when the pattern names something the stack cannot resolve locally
     */
    public static EventFilter forEventBridgeRule(LocalResources stack, String functionLogicalId, String eventName) {
        FunctionSpec function = stack.template().function(functionLogicalId);
        Object event = function.events().get(eventName);
        Object type = event instanceof Map<?, ?> e ? e.get("Type") : null;
        if (!"EventBridgeRule".equals(type) && !"CloudWatchEvent".equals(type)) {
            throw new IllegalArgumentException(functionLogicalId + " has no EventBridge rule event " + eventName
                    + "; events: " + function.events().keySet());
        }
        Map<?, ?> properties = ((Map<?, ?>) event).get("Properties") instanceof Map<?, ?> p ? p : Map.of();
        return fromPattern(stack, functionLogicalId + "." + eventName, properties.get("Pattern"), properties.get("State"));
    }

    /**
     * An {@code AWS::Events::Rule} resource of the template (a rule on a custom bus, or a plain template's rule) as one
     * stack deploys it: its {@code EventPattern} with the stack's parameters, conditions and names filled in, and no
     * event at all when its {@code State} is {@code DISABLED}.
     */
    public static EventFilter forRule(LocalResources stack, String ruleLogicalId) {
        SamTemplate.Resource rule = stack.template().resource(ruleLogicalId);
        if (!"AWS::Events::Rule".equals(rule.type())) {
            throw new IllegalArgumentException(ruleLogicalId + " is a " + rule.type() + ", not an AWS::Events::Rule");
        }
        return fromPattern(stack, ruleLogicalId, rule.properties().get("EventPattern"), rule.properties().get("State"));
    }

    private static EventFilter fromPattern(LocalResources stack, String where, Object rawPattern, Object rawState) {
        Object pattern = stack.resolve(rawPattern);
        if (!(pattern instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(where + ": the pattern is not an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) map;
        validate(typed, String.valueOf(typed));
        return new EventFilter(List.of(typed), !"DISABLED".equals(stack.resolve(rawState)));
    }

    public boolean matches(Map<String, Object> record) {
        if (!enabled) {
            return false;
        }
        if (patterns.isEmpty()) {
            return true;
        }
        for (Map<String, Object> pattern : patterns) {
            if (matchesObject(pattern, record)) {
                return true;
            }
        }
        return false;
    }

    public List<Map<String, Object>> select(List<Map<String, Object>> records) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> record : records) {
            if (matches(record)) {
                out.add(record);
            }
        }
        return out;
    }

    private static boolean matchesObject(Map<String, Object> pattern, Object value) {
        if (!(value instanceof Map<?, ?> object)) {
            return false;
        }
        for (Map.Entry<String, Object> entry : pattern.entrySet()) {
            Object field = object.get(entry.getKey());
            boolean present = object.containsKey(entry.getKey());
            if (entry.getValue() instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) nested;
                if (!present || !matchesObject(typed, field)) {
                    return false;
                }
            } else if (!matchesAny((List<?>) entry.getValue(), present, field)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesAny(List<?> accepted, boolean present, Object field) {
        if (field instanceof List<?> values) {
            for (Object value : values) {
                if (matchesAny(accepted, true, value)) {
                    return true;
                }
            }
            return false;
        }
        for (Object rule : accepted) {
            if (matchesRule(rule, present, field)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesRule(Object rule, boolean present, Object field) {
        if (!(rule instanceof Map<?, ?> operator)) {
            return present && literal(rule, field);
        }
        Map.Entry<?, ?> op = operator.entrySet().iterator().next();
        Object argument = op.getValue();
        return switch (String.valueOf(op.getKey())) {
            case "exists" -> Boolean.TRUE.equals(argument) == present;
            case "anything-but" -> present && !(argument instanceof List<?> list
                    ? list.stream().anyMatch(a -> matchesRule(a, true, field)) : matchesRule(argument, true, field));
            case "prefix" -> present && field instanceof String s && s.startsWith(String.valueOf(argument));
            case "suffix" -> present && field instanceof String s && s.endsWith(String.valueOf(argument));
            case "equals-ignore-case" -> present && field instanceof String s
                    && s.toLowerCase(Locale.ROOT).equals(String.valueOf(argument).toLowerCase(Locale.ROOT));
            default -> throw new IllegalStateException("unvalidated operator " + op.getKey());
        };
    }

    private static boolean literal(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if (expected instanceof Number e && actual instanceof Number a) {
            return Double.compare(e.doubleValue(), a.doubleValue()) == 0;
        }
        return expected.equals(actual);
    }

    private static void validate(Map<String, Object> pattern, String source) {
        for (Map.Entry<String, Object> entry : pattern.entrySet()) {
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) nested;
                validate(typed, source);
            } else if (value instanceof List<?> rules) {
                for (Object rule : rules) {
                    if (rule instanceof Map<?, ?> operator) {
                        String name = operator.size() == 1 ? String.valueOf(operator.keySet().iterator().next()) : "";
                        if (!List.of("exists", "anything-but", "prefix", "suffix", "equals-ignore-case").contains(name)) {
                            throw new IllegalArgumentException("filter operator " + operator + " in " + source
                                    + " is not one the local filter knows (exists, anything-but, prefix, suffix,"
                                    + " equals-ignore-case)");
                        }
                    }
                }
            } else {
                throw new IllegalArgumentException("filter pattern " + source + ": the value of '" + entry.getKey()
                        + "' must be an array of accepted values or an object, not " + value);
            }
        }
    }
}
