package dev.firebell.cli.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.firebell.local.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Validates a SAM template the way {@code sam validate} would check SAM's own properties, with the official SAM JSON
 * schema (draft-04): each {@code AWS::Serverless::*} resource against the schema branch of its {@code Type}, each of
 * its {@code Events} against the branch of the event's {@code Type}, and {@code Globals} against its branch.
 *
 * <p>Picking the branch by {@code Type} first is what makes the errors readable: validating against the schema's
 * {@code anyOf} of every resource (or event) type reports each mistake once per type it is not.
 */
final class SamSchemaValidator {

    /** One mistake: the resource (or {@code Globals}), the property path inside it, and the template line. */
    record Problem(String source, int line, String resource, String path, String message) {

        @Override
        public String toString() {
            return source + " line " + line + ": " + resource + (path.isEmpty() ? "" : " " + path) + ": " + message;
        }
    }

    /**
     * A property SAM itself accepts but the schema does not list: {@code additionalProperties} errors for it, in the
     * named schema definition, are not problems. Keep the reason (where SAM accepts it) with it.
     */
    record KnownGap(String definition, String property, String reason) {
    }

    private static final String SCHEMA_IRI = "https://firebell.dev/schema/sam.schema.json";
    private static final String SERVERLESS = "AWS::Serverless::";
    private static final Pattern TYPE_ERROR = Pattern.compile("(\\w+) found, (\\w+) expected");

    private final ObjectMapper json = new ObjectMapper();
    private final JsonNode schemaDocument;
    private final SchemaRegistry registry;
    private final Map<String, String> resourceBranches;
    private final Map<String, Schema> schemas = new HashMap<>();
    private final List<KnownGap> knownGaps;

    SamSchemaValidator(Path schemaFile) {
        this(schemaFile, List.of());
    }

    SamSchemaValidator(Path schemaFile, List<KnownGap> knownGaps) {
        this.knownGaps = List.copyOf(knownGaps);
        String text;
        try {
            text = Files.readString(schemaFile);
            this.schemaDocument = json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the SAM schema " + schemaFile, e);
        }
        // The schema is handed over as text under an IRI of our own: nothing is fetched, nothing read from elsewhere.
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
                builder -> builder.schemas(Map.of(SCHEMA_IRI, text)));
        this.resourceBranches = branchesByType(schemaDocument.at("/properties/Resources/additionalProperties/anyOf"));
    }

    /** The serverless resource types the schema knows, e.g. {@code AWS::Serverless::Function}. */
    Set<String> serverlessTypes() {
        return new TreeSet<>(resourceBranches.keySet());
    }

    List<Problem> validate(SamTemplate template, Path file) {
        YamlLines lines = YamlLines.of(file);
        String source = file.getFileName().toString();
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> globals = template.globals();
        if (!globals.isEmpty()) {
            validate(source, lines, "Globals", List.of("Globals"), json.valueToTree(globals),
                    "#/properties/Globals", problems);
        }
        for (SamTemplate.Resource resource : template.resources().values()) {
            if (resource.type().startsWith(SERVERLESS)) {
                validateResource(source, lines, resource, problems);
            }
        }
        problems.sort(Comparator.comparingInt(Problem::line));
        return List.copyOf(problems);
    }

    private void validateResource(String source, YamlLines lines, SamTemplate.Resource resource, List<Problem> problems) {
        List<Object> where = List.of("Resources", resource.logicalId());
        String branch = resourceBranches.get(resource.type());
        if (branch == null) {
            problems.add(new Problem(source, lines.lineOf(TemplateData.append(where, "Type")), resource.logicalId(),
                    "Type", "unknown SAM resource type '" + resource.type() + "'" + suggestion(resource.type(),
                    resourceBranches.keySet()) + "; the schema knows " + String.join(", ", serverlessTypes())));
            return;
        }
        ObjectNode instance = json.valueToTree(resource.raw());
        JsonNode events = instance.path("Properties").path("Events");
        Map<String, String> eventBranches = eventBranches(branch);
        if (events.isObject() && !eventBranches.isEmpty()) {
            // Each event is checked against its own type's branch below, not against the anyOf of all of them.
            ((ObjectNode) instance.get("Properties")).set("Events", json.createObjectNode());
            for (Map.Entry<String, JsonNode> event : events.properties()) {
                validateEvent(source, lines, resource, event.getKey(), event.getValue(), eventBranches, problems);
            }
        }
        validate(source, lines, resource.logicalId(), where, instance, branch, problems);
    }

    private void validateEvent(String source, YamlLines lines, SamTemplate.Resource resource, String name, JsonNode event,
                               Map<String, String> eventBranches, List<Problem> problems) {
        List<Object> where = List.of("Resources", resource.logicalId(), "Properties", "Events", name);
        String type = event.path("Type").asText(null);
        String branch = type == null ? null : eventBranches.get(type);
        if (branch == null) {
            problems.add(new Problem(source, lines.lineOf(TemplateData.append(where, "Type")), resource.logicalId(),
                    TemplateData.render(List.of("Properties", "Events", name, "Type")),
                    (type == null ? "an event needs a Type" : "unknown event type '" + type + "'"
                            + suggestion(type, eventBranches.keySet()))
                            + "; " + resource.type() + " events are " + String.join(", ", new TreeSet<>(eventBranches.keySet()))));
            return;
        }
        validate(source, lines, resource.logicalId(), where, event, branch, problems);
    }

    /** Validates {@code instance} (found at {@code where} in the template) against the schema at {@code fragment}. */
    private void validate(String source, YamlLines lines, String resource, List<Object> where, JsonNode instance,
                          String fragment, List<Problem> problems) {
        Schema schema = schemas.computeIfAbsent(fragment,
                key -> registry.getSchema(SchemaLocation.of(SCHEMA_IRI + key)));
        List<Error> errors = bestAlternatives(schema.validate(instance), 0);
        // The path inside the resource, e.g. Properties.Events.E.Properties.Enabled; resource-level paths start at
        // the resource, event paths at Properties.Events.<name>.
        List<Object> inResource = where.subList(where.get(0).equals("Globals") ? 1 : 2, where.size());
        Map<List<Object>, List<String>> messagesByPath = new LinkedHashMap<>();
        for (Error error : errors) {
            List<Object> path = new ArrayList<>(segments(error.getInstanceLocation()));
            String message = error.getMessage();
            if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
                if (isKnownGap(error)) {
                    continue;
                }
                path.add(error.getProperty());
                message = "unknown property '" + error.getProperty() + "'"
                        + suggestion(error.getProperty(), allowedProperties(error));
            }
            messagesByPath.computeIfAbsent(List.copyOf(path), key -> new ArrayList<>()).add(message);
        }
        messagesByPath.forEach((path, messages) -> {
            List<Object> full = new ArrayList<>(where);
            full.addAll(path);
            List<Object> shown = new ArrayList<>(inResource);
            shown.addAll(path);
            for (String message : mergeTypeMessages(messages)) {
                problems.add(new Problem(source, lines.lineOf(full), resource, TemplateData.render(shown), message));
            }
        });
    }

    /**
     * Within an {@code anyOf}, keeps only the errors of the alternatives that got furthest into the instance: when a
     * value is an object and one alternative is "an object with these properties", the "string expected" of the
     * other alternatives says nothing useful. Nested anyOfs are reduced the same way.
     */
    private static List<Error> bestAlternatives(List<Error> errors, int from) {
        Map<List<String>, List<Error>> groups = new LinkedHashMap<>();
        List<Error> result = new ArrayList<>();
        for (Error error : errors) {
            List<String> evaluation = strings(error.getEvaluationPath());
            int anyOf = indexOf(evaluation, "anyOf", from);
            if (anyOf < 0 || anyOf + 1 >= evaluation.size()) {
                result.add(error);
            } else {
                groups.computeIfAbsent(evaluation.subList(0, anyOf + 1), key -> new ArrayList<>()).add(error);
            }
        }
        groups.forEach((prefix, group) -> {
            int branchIndex = prefix.size();
            Map<String, List<Error>> byAlternative = group.stream().collect(Collectors.groupingBy(
                    error -> strings(error.getEvaluationPath()).get(branchIndex), LinkedHashMap::new, Collectors.toList()));
            int furthest = byAlternative.values().stream().mapToInt(SamSchemaValidator::shallowestDepth).max().orElse(0);
            List<Error> kept = byAlternative.values().stream()
                    .filter(alternative -> shallowestDepth(alternative) == furthest)
                    .flatMap(List::stream)
                    .toList();
            result.addAll(bestAlternatives(kept, branchIndex + 1));
        });
        return result;
    }

    /** How far into the instance an alternative got: a missing or unknown key is a step into its object. */
    private static int shallowestDepth(List<Error> errors) {
        return errors.stream()
                .mapToInt(error -> error.getInstanceLocation().getNameCount()
                        + ("additionalProperties".equals(error.getKeyword()) || "required".equals(error.getKeyword()) ? 1 : 0))
                .min().orElse(0);
    }

    /** "string found, boolean expected" and "string found, object expected" become "string found, boolean or object expected". */
    private static List<String> mergeTypeMessages(List<String> messages) {
        Map<String, Set<String>> expectedByFound = new LinkedHashMap<>();
        Set<String> others = new LinkedHashSet<>();
        for (String message : messages) {
            Matcher matcher = TYPE_ERROR.matcher(message);
            if (matcher.matches()) {
                expectedByFound.computeIfAbsent(matcher.group(1), key -> new LinkedHashSet<>()).add(matcher.group(2));
            } else {
                others.add(message);
            }
        }
        List<String> merged = new ArrayList<>();
        expectedByFound.forEach((found, expected) ->
                merged.add(found + " found, " + String.join(" or ", expected) + " expected"));
        merged.addAll(others);
        return merged;
    }

    /** Whether the definition still lacks the gap's property while rejecting unknown ones (false once fixed upstream). */
    boolean isStillAGap(KnownGap gap) {
        JsonNode definition = schemaDocument.path("definitions").path(gap.definition());
        return definition.isObject()
                && definition.path("additionalProperties").isBoolean() && !definition.get("additionalProperties").asBoolean()
                && !definition.path("properties").has(gap.property());
    }

    private boolean isKnownGap(Error error) {
        NodePath fragment = error.getSchemaLocation().getFragment();
        String definition = fragment.getNameCount() >= 2 && "definitions".equals(String.valueOf(fragment.getElement(0)))
                ? String.valueOf(fragment.getElement(1)) : null;
        return knownGaps.stream().anyMatch(gap ->
                gap.definition().equals(definition) && gap.property().equals(error.getProperty()));
    }

    /** The property names the object schema that rejected an additional property does allow. */
    private Set<String> allowedProperties(Error error) {
        NodePath fragment = error.getSchemaLocation().getFragment();
        NodePath objectSchema = fragment.getParent();
        JsonNode node = schemaDocument;
        for (int i = 0; i < objectSchema.getNameCount() && node != null; i++) {
            Object element = objectSchema.getElement(i);
            node = element instanceof Integer index ? node.get(index) : node.get(String.valueOf(element));
        }
        Set<String> names = new TreeSet<>();
        if (node != null) {
            node.path("properties").fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    /** For a resource branch such as the function's: its events' branches by event Type (empty if it has no Events). */
    private Map<String, String> eventBranches(String resourceBranch) {
        JsonNode properties = resolve(schemaDocument.at(resourceBranch.substring(1)).path("properties").path("Properties"));
        return branchesByType(properties.path("properties").path("Events").path("additionalProperties").path("anyOf"));
    }

    /** For an anyOf of {@code $ref}s whose targets fix {@code Type} with an enum: fragment by type. */
    private Map<String, String> branchesByType(JsonNode anyOf) {
        Map<String, String> branches = new LinkedHashMap<>();
        for (JsonNode alternative : anyOf) {
            String ref = alternative.path("$ref").asText("");
            for (JsonNode type : resolve(alternative).path("properties").path("Type").path("enum")) {
                branches.putIfAbsent(type.asText(), ref);
            }
        }
        return branches;
    }

    /** Follows {@code $ref} (and a one-item {@code allOf} wrapping one) within the schema document. */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < 10; depth++) {
            if (current.has("$ref") && current.get("$ref").asText().startsWith("#")) {
                current = schemaDocument.at(current.get("$ref").asText().substring(1));
            } else if (current.path("allOf").size() == 1) {
                current = current.get("allOf").get(0);
            } else {
                return current;
            }
        }
        return current;
    }

    private static List<Object> segments(NodePath path) {
        List<Object> segments = new ArrayList<>(path.getNameCount());
        for (int i = 0; i < path.getNameCount(); i++) {
            segments.add(path.getElement(i));
        }
        return segments;
    }

    private static List<String> strings(NodePath path) {
        List<String> strings = new ArrayList<>(path.getNameCount());
        for (int i = 0; i < path.getNameCount(); i++) {
            strings.add(String.valueOf(path.getElement(i)));
        }
        return strings;
    }

    private static int indexOf(List<String> list, String value, int from) {
        for (int i = from; i < list.size(); i++) {
            if (list.get(i).equals(value)) {
                return i;
            }
        }
        return -1;
    }

    /** " (did you mean 'SnapStart'?)" when a known name is a small edit away. */
    private static String suggestion(String written, Set<String> known) {
        Optional<String> closest = known.stream()
                .min(Comparator.comparingInt(candidate -> distance(written.toLowerCase(), candidate.toLowerCase())));
        return closest.filter(candidate -> distance(written.toLowerCase(), candidate.toLowerCase())
                        <= Math.max(2, written.length() / 4))
                .map(candidate -> " (did you mean '" + candidate + "'?)")
                .orElse("");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
