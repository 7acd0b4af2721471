package dev.firebell.cli.importer;

import java.nio.file.Path;

/**
 * One JSON file of an export: what one API call returned, saved by the user.
 *
 * @param path where it was read from, as the user named it (messages show it)
 * @param root the parsed JSON
 */
public record ExportFile(Path path, ExportNode root) {

    /** The file name without directories, for matching ids the name carries ({@code overrides-PI7DH85.json}). */
    public String fileName() {
        return path.getFileName().toString();
    }

    /** Whether the file's name (or its directory's) mentions this source id. */
    public boolean namesId(String id) {
        Path parent = path.getParent();
        return fileName().contains(id) || (parent != null && parent.getFileName() != null
                && parent.getFileName().toString().contains(id));
    }
}
