package dev.firebell.cli;

import dev.firebell.config.ConfigBinder;
import dev.firebell.config.ConfigException;
import dev.firebell.config.ConfigProblem;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads configuration YAML (one file, or every {@code .yaml}/{@code .yml} file of a directory) into
 * the plain document the {@link ConfigBinder} binds, remembering the file and line of every path so
 * that each problem reads {@code firebell.yaml:12: services.checkout.reopenWindow: ...}.
 * Scalars keep their text except integers, booleans and nulls: a date stays the string it was written as.
 */
public final class YamlConfigLoader {

    /** A loaded document and where each of its paths came from. */
    public record Loaded(Map<String, Object> document, Map<String, String> locations) {

        /** The problem prefixed with the file and line of the closest path that has one. */
        public String locate(ConfigProblem problem) {
            String path = problem.path();
            while (true) {
                String where = locations.get(path);
                if (where != null) {
                    return where + ": " + problem;
                }
                if (path.isEmpty()) {
                    return problem.toString();
                }
                int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
                path = cut < 0 ? "" : path.substring(0, cut);
            }
        }

        /** Binds and, on failure, rethrows with every problem located in its file. */
        public void validate() {
            try {
                new ConfigBinder().bind(document);
            } catch (ConfigException e) {
                throw new LocatedConfigException(e.problems().stream().map(this::locate).toList());
            }
        }
    }

    /** Configuration problems, each already prefixed with file and line. */
    public static final class LocatedConfigException extends RuntimeException {
        private final List<String> problems;

        public LocatedConfigException(List<String> problems) {
            super(problems.size() + " configuration problem" + (problems.size() == 1 ? "" : "s") + ":\n  "
                    + String.join("\n  ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    public Loaded load(Path path) {
        List<Path> files = files(path);
        Map<String, Object> document = new LinkedHashMap<>();
        Map<String, String> locations = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            Node root;
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                LoaderOptions options = new LoaderOptions();
                options.setAllowDuplicateKeys(false);
                options.setMaxAliasesForCollections(20);
                root = new Yaml(options).compose(reader);
            } catch (MarkedYAMLException e) {
                problems.add(file + ":" + line(e.getProblemMark()) + ": not valid YAML: " + e.getProblem());
                continue;
            } catch (IOException e) {
                problems.add(file + ": cannot be read: " + e.getMessage());
                continue;
            }
            if (root == null) {
                continue;
            }
            if (!(root instanceof MappingNode mapping)) {
                problems.add(file + ":" + line(root.getStartMark()) + ": expected sections such as routing: and services:");
                continue;
            }
            Map<String, Integer> sectionsInFile = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String section = scalarText(tuple.getKeyNode());
                Integer first = sectionsInFile.putIfAbsent(section, line(tuple.getKeyNode().getStartMark()));
                if (first != null) {
                    problems.add(file + ":" + line(tuple.getKeyNode().getStartMark()) + ": not valid YAML: found"
                            + " duplicate key " + section + " (first at line " + first + ")");
                    continue;
                }
                // A section is located at its key, as every other key is (not at its value's first line).
                locations.putIfAbsent(section, file.getFileName() + ":" + line(tuple.getKeyNode().getStartMark()));
                Object value = toPlain(tuple.getValueNode(), section, file, locations, problems);
                merge(document, section, value, file, tuple, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new LocatedConfigException(problems);
        }
        return new Loaded(document, locations);
    }

    /** Sections of named things merge across files; anything else may be defined once. */
    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> document, String section, Object value, Path file, NodeTuple tuple,
                              List<String> problems) {
        Object existing = document.get(section);
        if (existing == null) {
            document.put(section, value);
            return;
        }
        if (ConfigBinder.NAMED_SECTIONS.contains(section) && existing instanceof Map && value instanceof Map) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) value).entrySet()) {
                if (((Map<String, Object>) existing).putIfAbsent(e.getKey(), e.getValue()) != null) {
                    problems.add(file + ":" + line(tuple.getKeyNode().getStartMark()) + ": " + section + "."
                            + e.getKey() + " is defined in more than one file");
                }
            }
            return;
        }
        problems.add(file + ":" + line(tuple.getKeyNode().getStartMark()) + ": section '" + section
                + "' is defined in more than one file");
    }

    private static List<Path> files(Path path) {
        if (!Files.exists(path)) {
            throw new LocatedConfigException(List.of(path + ": no such file or directory"));
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> list = Files.list(path)) {
            List<Path> files = list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList();
            if (files.isEmpty()) {
                throw new LocatedConfigException(List.of(path + ": holds no .yaml or .yml files"));
            }
            return files;
        } catch (IOException e) {
            throw new LocatedConfigException(List.of(path + ": cannot be listed: " + e.getMessage()));
        }
    }

    private static Object toPlain(Node node, String path, Path file, Map<String, String> locations,
                                  List<String> problems) {
        locations.putIfAbsent(path, file.getFileName() + ":" + line(node.getStartMark()));
        if (node instanceof MappingNode mapping) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = scalarText(tuple.getKeyNode());
                String child = path.isEmpty() ? key : path + "." + key;
                if (map.containsKey(key)) {
                    // compose() keeps both; a second value silently winning would be worse than an error.
                    problems.add(file + ":" + line(tuple.getKeyNode().getStartMark()) + ": not valid YAML: found"
                            + " duplicate key " + key + " (first at line " + locations.get(child).replaceAll(".*:", "") + ")");
                    continue;
                }
                locations.put(child, file.getFileName() + ":" + line(tuple.getKeyNode().getStartMark()));
                map.put(key, toPlain(tuple.getValueNode(), child, file, locations, problems));
            }
            return map;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                list.add(toPlain(items.get(i), path + "[" + i + "]", file, locations, problems));
            }
            return list;
        }
        ScalarNode scalar = (ScalarNode) node;
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag)) {
            return Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT));
        }
        if (Tag.INT.equals(tag)) {
            try {
                return Long.valueOf(text.replace("_", ""));
            } catch (NumberFormatException e) {
                return text;
            }
        }
        return text;
    }

    private static String scalarText(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : String.valueOf(node);
    }

    private static int line(Mark mark) {
        return mark == null ? 0 : mark.getLine() + 1;
    }
}
