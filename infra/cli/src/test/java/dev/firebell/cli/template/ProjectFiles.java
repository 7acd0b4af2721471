package dev.firebell.cli.template;

import dev.firebell.local.SamTemplate;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the template tests find the project's files: the root is the directory holding template.yaml. */
final class ProjectFiles {

    /** The vendored official SAM schema, relative to the project root (see its README for provenance). */
    static final String SAM_SCHEMA = "infra/schema/sam.schema.json";

    private ProjectFiles() {
    }

    /** The template SAM deploys: {@code -Dfirebell.template}, or the nearest template.yaml above the working directory. */
    static Path template() {
        return SamTemplate.locate();
    }

    static Path root() {
        return template().toAbsolutePath().getParent();
    }

    static Path samSchema() {
        Path schema = root().resolve(SAM_SCHEMA);
        if (!Files.isRegularFile(schema)) {
            throw new IllegalStateException("the vendored SAM schema is missing: " + schema);
        }
        return schema;
    }

    /** A template of this module's test resources, under {@code src/test/resources/template/}. */
    static Path testTemplate(String name) {
        URL url = ProjectFiles.class.getResource("/template/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test template named " + name + " under src/test/resources/template");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 1-based number of the first line of {@code file} containing {@code text}, so tests need not count lines. */
    static int lineContaining(Path file, String text) {
        try {
            var lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalArgumentException(file.getFileName() + " has no line containing '" + text + "'");
    }
}
