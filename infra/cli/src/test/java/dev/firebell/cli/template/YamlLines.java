package dev.firebell.cli.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The template line of every key and list item, by its path in the JSON form of the template: a path such as
 * {@code Resources / Fn / Properties / Events / E / Type} gives the line of the {@code Type:} key.
 *
 * <p>{@link dev.firebell.local.SamTemplate#lineOf} knows the lines of maps and lists; a schema error names a key or
 * a scalar, so this reads SnakeYAML's node tree once more and records key lines too. Short-form tags are mapped the
 * way SamTemplate maps them ({@code !Ref X} is {@code Ref}, {@code !GetAtt A.B} is {@code Fn::GetAtt / 0, 1}).
 */
final class YamlLines {

    private final Map<List<String>, Integer> lines = new HashMap<>();

    private YamlLines() {
    }

    static YamlLines of(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            YamlLines index = new YamlLines();
            Node root = new Yaml(new LoaderOptions()).compose(reader);
            if (root != null) {
                index.visit(root, List.of());
            }
            return index;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** The line of the deepest part of {@code path} that the file spells out (intrinsics' insides fall back to them). */
    int lineOf(List<?> path) {
        List<String> key = new ArrayList<>(path.size());
        path.forEach(segment -> key.add(String.valueOf(segment)));
        for (int length = key.size(); length >= 0; length--) {
            Integer line = lines.get(key.subList(0, length));
            if (line != null) {
                return line;
            }
        }
        return 1;
    }

    private void visit(Node node, List<String> path) {
        lines.putIfAbsent(List.copyOf(path), line(node));
        String tag = node.getTag().getValue();
        if (tag.startsWith("!")) {
            String name = tag.substring(1);
            String function = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
            List<String> inner = child(path, function);
            lines.put(inner, line(node));
            if (node instanceof ScalarNode && name.equals("GetAtt")) {
                lines.put(child(inner, "0"), line(node));
                lines.put(child(inner, "1"), line(node));
            }
            visitChildren(node, inner);
            return;
        }
        visitChildren(node, path);
    }

    private void visitChildren(Node node, List<String> path) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    List<String> child = child(path, key.getValue());
                    lines.put(child, line(key));
                    visit(tuple.getValueNode(), child);
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                visit(items.get(i), child(path, String.valueOf(i)));
            }
        }
    }

    private static List<String> child(List<String> path, String segment) {
        List<String> child = new ArrayList<>(path);
        child.add(segment);
        return List.copyOf(child);
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
