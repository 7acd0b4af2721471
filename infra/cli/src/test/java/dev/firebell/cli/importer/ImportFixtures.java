package dev.firebell.cli.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
