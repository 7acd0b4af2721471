package dev.firebell.local;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation YAML into plain maps, lists and scalars, with every short-form intrinsic tag turned into
 * the JSON form CloudFormation documents ({@code !Ref X} becomes {@code {"Ref": "X"}}).
 *
 * <p>It walks SnakeYAML's node tree itself rather than registering constructors, so that it can remember the line
 * of every map and list it builds: error messages then point at the template line to fix.
 */
final class CfnYaml {

    /** The document root, and the 1-based line of every map and list in it (by identity). */
    record Document(Map<String, Object> root, Map<Object, Integer> lines) {
    }

    private final String source;
    private final Map<Object, Integer> lines = new IdentityHashMap<>();
    private final StandardScalars scalars = new StandardScalars();

    private CfnYaml(String source) {
        this.source = source;
    }

    static Document read(Reader reader, String source) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (YAMLException e) {
            throw new TemplateException(source + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof MappingNode)) {
            throw new TemplateException(source + " is empty or its top level is not a mapping");
        }
        CfnYaml yaml = new CfnYaml(source);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) yaml.convert(root);
        return new Document(map, Collections.unmodifiableMap(yaml.lines));
    }

    private Object convert(Node node) {
        String tag = node.getTag().getValue();
        if (tag.startsWith("!")) {
            return intrinsic(tag.substring(1), node);
        }
        if (node instanceof MappingNode mapping) {
            return mapping(mapping);
        }
        if (node instanceof SequenceNode sequence) {
            return sequence(sequence);
        }
        return scalar((ScalarNode) node);
    }

    private Map<String, Object> mapping(MappingNode node) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw error(tuple.getKeyNode(), "a mapping key must be a plain scalar");
            }
            // The key's text, not its YAML 1.1 meaning: "On" or "Yes" stay names, not booleans.
            if (map.containsKey(key.getValue())) {
                throw error(key, "duplicate key '" + key.getValue() + "'");
            }
            map.put(key.getValue(), convert(tuple.getValueNode()));
        }
        return remember(Collections.unmodifiableMap(map), node);
    }

    private List<Object> sequence(SequenceNode node) {
        List<Object> list = new ArrayList<>(node.getValue().size());
        for (Node item : node.getValue()) {
            list.add(convert(item));
        }
        return remember(Collections.unmodifiableList(list), node);
    }

    private Object scalar(ScalarNode node) {
        Tag tag = node.getTag();
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag) || Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            return scalars.construct(node);
        }
        if (Tag.STR.equals(tag) || Tag.TIMESTAMP.equals(tag)) {
            // CloudFormation treats an unquoted 2010-09-09 as text, not as a date.
            return node.getValue();
        }
        throw error(node, "unsupported YAML tag " + tag.getValue());
    }

    private Map<String, Object> intrinsic(String name, Node node) {
        Object argument = switch (node.getNodeId()) {
            case scalar -> ((ScalarNode) node).getValue();
            case sequence -> sequence((SequenceNode) node);
            case mapping -> mapping((MappingNode) node);
            default -> throw error(node, "!" + name + " cannot tag a " + node.getNodeId());
        };
        Map<String, Object> json = switch (name) {
            case "Ref" -> {
                if (!(argument instanceof String)) {
                    throw error(node, "!Ref takes a logical id or parameter name, not a " + node.getNodeId());
                }
                yield Map.of("Ref", argument);
            }
            // CloudFormation's JSON form of !Condition is {"Condition": name}, not "Fn::Condition".
            case "Condition" -> Map.of("Condition", argument);
            case "GetAtt" -> Map.of("Fn::GetAtt", argument instanceof String dotted ? getAtt(dotted, node) : argument);
            default -> Map.of("Fn::" + name, argument);
        };
        return remember(json, node);
    }

    /** {@code !GetAtt A.B.C} names attribute "B.C" of resource A (nested stack outputs have dots). */
    private List<Object> getAtt(String dotted, Node node) {
        int dot = dotted.indexOf('.');
        if (dot <= 0 || dot == dotted.length() - 1) {
            throw error(node, "!GetAtt '" + dotted + "' is not of the form LogicalId.Attribute");
        }
        return List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
    }

    private <T> T remember(T value, Node node) {
        lines.put(value, node.getStartMark().getLine() + 1);
        return value;
    }

    private TemplateException error(Node node, String message) {
        return new TemplateException(source + " line " + (node.getStartMark().getLine() + 1) + ": " + message);
    }

    /** SnakeYAML's own YAML 1.1 rules for booleans and numbers (0x1F, 1_000, .inf), reached through its constructor. */
    private static final class StandardScalars extends SafeConstructor {

        StandardScalars() {
            super(new LoaderOptions());
        }

        Object construct(ScalarNode node) {
            return getConstructor(node).construct(node);
        }
    }
}
