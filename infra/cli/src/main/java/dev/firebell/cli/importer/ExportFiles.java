package dev.firebell.cli.importer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the files (or directories of {@code .json} files) an export was saved to, in a stable order. */
public final class ExportFiles {

    private ExportFiles() {
    }

    /**
     * Every file named, and every {@code .json} file under every directory named (sorted by path), parsed.
     *
     * @param expected what the files should hold, for messages ("PagerDuty REST API responses")
     */
    public static List<ExportFile> read(List<Path> paths, String expected) {
        if (paths.isEmpty()) {
            throw new ImportException("name the export: the files or directories holding " + expected);
        }
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            files.addAll(files(path, expected));
        }
        List<ExportFile> out = new ArrayList<>();
        for (Path file : files) {
            out.add(new ExportFile(file, ExportNode.root(file, parse(file, expected))));
        }
        return out;
    }

    private static List<Path> files(Path path, String expected) {
        if (!Files.exists(path)) {
            throw new ImportException(path + ": no such file or directory");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> found = walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted().toList();
            if (found.isEmpty()) {
                throw new ImportException(path + ": holds no .json files; expected " + expected);
            }
            return found;
        } catch (IOException e) {
            throw new ImportException(path + ": cannot be listed: " + e.getMessage(), e);
        }
    }

    private static Object parse(Path file, String expected) {
        try (InputStream in = Files.newInputStream(file)) {
            Object root = JSON.std.anyFrom(in);
            if (root == null) {
                throw new ImportException(file + ": is empty; expected " + expected);
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String what = e.getOriginalMessage();
            boolean truncated = what != null && what.toLowerCase(java.util.Locale.ROOT).contains("end-of-input");
            throw new ImportException(file + ": not valid JSON" + where + (truncated ? " (the file ends too early:"
                    + " truncated?)" : "") + ": " + firstLine(what) + "; expected " + expected, e);
        } catch (IOException e) {
            throw new ImportException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int cut = text.indexOf('\n');
        return cut < 0 ? text : text.substring(0, cut);
    }
}
