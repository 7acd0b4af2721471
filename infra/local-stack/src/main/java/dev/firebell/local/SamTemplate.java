package dev.firebell.local;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A CloudFormation/SAM template read as plain data, short-form tags turned into their JSON forms.
 *
 * <p>The local stack creates tables, topics and queues from these definitions rather than from a copy of them, so
 * what tests run against cannot drift from what is deployed.
 */
public final class SamTemplate {

    /** System property naming the template to use instead of the nearest {@code template.yaml}. */
    public static final String TEMPLATE_PROPERTY = "firebell.template";
    public static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";

    private static final String FILE_NAME = "template.yaml";

    /**
     * One entry of {@code Resources}.
     *
     * @param properties its {@code Properties} (empty when it has none)
     * @param raw        the whole entry: Type, Properties, Condition, DependsOn, DeletionPolicy...
     */
    public record Resource(String logicalId, String type, Map<String, Object> properties, Map<String, Object> raw) {

        /** The name of the condition the resource is created under, if any. */
        public Optional<String> condition() {
            return raw.get("Condition") instanceof String name ? Optional.of(name) : Optional.empty();
        }
    }

    /** One entry of {@code Parameters}; {@code defaultValue} is null when it declares no Default. */
    public record Parameter(String name, String type, Object defaultValue, Map<String, Object> raw) {

        public boolean hasDefault() {
            return raw.containsKey("Default");
        }
    }

    /** One entry of {@code Outputs}; {@code value} as written (intrinsics unresolved). */
    public record Output(String name, Object value, String description, Map<String, Object> raw) {
    }

    private final String source;
    private final Path path;
    private final Map<String, Object> root;
    private final Map<Object, Integer> lines;
    private final Map<String, Resource> resources;

    private SamTemplate(String source, Path path, CfnYaml.Document document) {
        this.source = source;
        this.path = path;
        this.root = document.root();
        this.lines = document.lines();
        this.resources = readResources();
    }

    public static SamTemplate load(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return new SamTemplate(path.getFileName().toString(), path, CfnYaml.read(reader, path.toString()));
        } catch (IOException e) {
            throw new TemplateException("cannot read " + path + ": " + e, e);
        }
    }

    /** Reads a template held in memory; {@code source} names it in error messages. */
    public static SamTemplate parse(String yaml, String source) {
        return new SamTemplate(source, null, CfnYaml.read(new StringReader(yaml), source));
    }

    /**
     * The project's template: the file named by {@code -Dfirebell.template} if set, otherwise the first
     * {@code template.yaml} found walking up from the working directory (so a module's tests find the root one).
     */
    public static Path locate() {
        Path workingDirectory = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        String override = System.getProperty(TEMPLATE_PROPERTY);
        if (override != null && !override.isBlank()) {
            Path named = workingDirectory.resolve(override.trim()).normalize();
            if (!Files.isRegularFile(named)) {
                throw new TemplateException("-D" + TEMPLATE_PROPERTY + "=" + override + " names " + named
                        + ", which is not a file");
            }
            return named;
        }
        for (Path dir = workingDirectory; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new TemplateException("no " + FILE_NAME + " in " + workingDirectory
                + " or any directory above it; name one with -D" + TEMPLATE_PROPERTY + "=path/to/template.yaml");
    }

    /** The file read, or empty for a template parsed from a string. */
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /** The file name (or the source given to {@link #parse}), for messages. */
    public String source() {
        return source;
    }

    /** Resources in template order. */
    public Map<String, Resource> resources() {
        return resources;
    }

    public Resource resource(String logicalId) {
        Resource resource = resources.get(logicalId);
        if (resource == null) {
            throw new TemplateException(source + " has no resource named '" + logicalId + "' (resources: "
                    + String.join(", ", resources.keySet()) + ")");
        }
        return resource;
    }

    /** {@code Globals} by section ({@code Function}, {@code Api}, ...). */
    public Map<String, Object> globals() {
        return section("Globals");
    }

    public Map<String, Parameter> parameters() {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        section("Parameters").forEach((name, value) -> {
            Map<String, Object> raw = asMap(value, "Parameters." + name);
            parameters.put(name, new Parameter(name, (String) raw.get("Type"), raw.get("Default"), raw));
        });
        return Collections.unmodifiableMap(parameters);
    }

    public Map<String, Output> outputs() {
        Map<String, Output> outputs = new LinkedHashMap<>();
        section("Outputs").forEach((name, value) -> {
            Map<String, Object> raw = asMap(value, "Outputs." + name);
            Object description = raw.get("Description");
            outputs.put(name, new Output(name, raw.get("Value"), description == null ? null : description.toString(), raw));
        });
        return Collections.unmodifiableMap(outputs);
    }

    /** {@code Conditions} by name, each an unevaluated intrinsic. */
    public Map<String, Object> conditions() {
        return section("Conditions");
    }

    public Map<String, Object> mappings() {
        return section("Mappings");
    }

    /** {@code Rules} by name: each a {@code RuleCondition} and {@code Assertions} on the parameters, unevaluated. */
    public Map<String, Object> rules() {
        return section("Rules");
    }

    /** Logical ids of every {@code AWS::Serverless::Function}, in template order. */
    public List<String> functionIds() {
        return resources.values().stream()
                .filter(resource -> SERVERLESS_FUNCTION.equals(resource.type()))
                .map(Resource::logicalId)
                .toList();
    }

    /** A serverless function with {@code Globals.Function} merged in. */
    public FunctionSpec function(String logicalId) {
        Resource resource = resource(logicalId);
        if (!SERVERLESS_FUNCTION.equals(resource.type())) {
            throw new TemplateException(source + ": " + logicalId + " is a " + resource.type() + ", not an "
                    + SERVERLESS_FUNCTION);
        }
        Map<String, Object> globalFunction = asMap(globals().getOrDefault("Function", Map.of()), "Globals.Function");
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) SamGlobals.merge(globalFunction, resource.properties());
        Map<String, Object> environment = asMap(
                asMap(properties.getOrDefault("Environment", Map.of()), logicalId + ".Environment")
                        .getOrDefault("Variables", Map.of()),
                logicalId + ".Environment.Variables");
        Object policies = properties.get("Policies");
        List<Object> policyList = policies == null ? List.of()
                : policies instanceof List<?> list ? List.copyOf(list) : List.of(policies);
        return new FunctionSpec(
                logicalId,
                stringOrNull(properties.get("Handler")),
                stringOrNull(properties.get("CodeUri")),
                stringOrNull(properties.get("Runtime")),
                environment,
                asMap(properties.getOrDefault("Events", Map.of()), logicalId + ".Events"),
                policyList,
                properties);
    }

    /** The template line a map or list of this template (or an intrinsic in it) was read from. */
    public Optional<Integer> lineOf(Object value) {
        return Optional.ofNullable(value == null ? null : lines.get(value));
    }

    /** "template.yaml line 42" for a value read from this template, or just the file name. */
    public String where(Object value) {
        return lineOf(value).map(line -> source + " line " + line).orElse(source);
    }

    private Map<String, Resource> readResources() {
        Map<String, Resource> result = new LinkedHashMap<>();
        section("Resources").forEach((logicalId, value) -> {
            Map<String, Object> raw = asMap(value, "Resources." + logicalId);
            if (!(raw.get("Type") instanceof String type)) {
                throw new TemplateException(where(raw) + ": resource " + logicalId + " has no Type");
            }
            Map<String, Object> properties = asMap(raw.getOrDefault("Properties", Map.of()), logicalId + ".Properties");
            result.put(logicalId, new Resource(logicalId, type, properties, raw));
        });
        return Collections.unmodifiableMap(result);
    }

    private Map<String, Object> section(String name) {
        Object value = root.get(name);
        return value == null ? Map.of() : asMap(value, name);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> asMap(Object value, String what) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new TemplateException(where(value) + ": " + what + " must be a mapping, not " + describe(value));
        }
        return (Map<String, Object>) value;
    }

    private static String stringOrNull(Object value) {
        return value instanceof String string ? string : null;
    }

    private static String describe(Object value) {
        return value instanceof List<?> ? "a list" : "'" + Objects.toString(value) + "'";
    }

    /** SAM's Globals rules: maps merge key by key, lists concatenate (globals first), anything else: the resource wins. */
    static final class SamGlobals {

        private SamGlobals() {
        }

        static Object merge(Object global, Object local) {
            if (global instanceof Map<?, ?> globalMap && local instanceof Map<?, ?> localMap
                    && !Intrinsics.isIntrinsic(globalMap) && !Intrinsics.isIntrinsic(localMap)) {
                Map<Object, Object> merged = new LinkedHashMap<>(globalMap);
                localMap.forEach((key, value) ->
                        merged.put(key, merged.containsKey(key) ? merge(merged.get(key), value) : value));
                return Collections.unmodifiableMap(merged);
            }
            if (global instanceof List<?> globalList && local instanceof List<?> localList) {
                List<Object> merged = new ArrayList<>(globalList);
                merged.addAll(localList);
                return Collections.unmodifiableList(merged);
            }
            return local;
        }
    }
}
