package dev.firebell.cli.importer;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The export fixtures under {@code src/test/resources/import/<tool>} and a way to run an import on them. */
final class ImportFixtures {

    static final Path ROOT = Path.of("src/test/resources/import");

    private ImportFixtures() {
    }

    static Path export(String tool) {
        return ROOT.resolve(tool);
    }

    static Path expected(String tool) {
        return ROOT.resolve("expected").resolve(tool + ".yaml");
    }

    static ImportRun.Outcome run(String tool, Path export, Path output, ImportOptions options) {
        return ImportRun.run(Importers.named(tool), Importers.all(), List.of(export), output, options);
    }

    /** A copy of a tool's export to change in a test. */
    static Path copy(String tool, Path dir) {
        Path target = dir.resolve(tool);
        try (Stream<Path> files = Files.list(export(tool))) {
            Files.createDirectories(target);
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces text in a file of a copied export; the text must be there exactly once. */
    static void edit(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            int at = text.indexOf(from);
            if (at < 0 || text.indexOf(from, at + 1) >= 0) {
                throw new IllegalArgumentException("'" + from + "' is not in " + file + " exactly once");
            }
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Changes a JSON file of a copied export as a tree of maps and lists. */
    static void editJson(Path file, Consumer<Map<String, Object>> change) {
        try {
            Map<String, Object> root = JSON.std.mapFrom(Files.readString(file));
            change.accept(root);
            Files.writeString(file, JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value at a path of keys and indexes in a JSON tree. */
    @SuppressWarnings("unchecked")
    static <T> T at(Object tree, Object... path) {
        Object at = tree;
        for (Object step : path) {
            at = step instanceof Integer i ? ((List<Object>) at).get(i) : ((Map<String, Object>) at).get((String) step);
        }
        return (T) at;
    }
}
