package dev.firebell.cli.importer;

import dev.firebell.cli.YamlConfigLoader;
import dev.firebell.config.ConfigBinder;
import dev.firebell.config.FirebellConfig;
import dev.firebell.oncall.Roster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One import: read the export, draft the configuration, check that {@code config validate} accepts it, bind
 * it, plan the overrides, compare Firebell's shifts with the source's, and only then write the file (through
 * a temporary file beside it, moved into place). Bad input writes nothing.
 */
public final class ImportRun {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);

    /** What an import did: the draft (with every finding), the review, and the file written. */
    public record Outcome(ConfigDraft draft, ImportReview review, Path output) {

        /** Nothing was left unmapped or approximated, and every comparison found the same shifts. */
        public boolean clean() {
            return draft.findings().stream().allMatch(f -> f.kind() == Finding.Kind.LEFT_OUT)
                    && review.comparisons().stream().allMatch(c -> !c.compared() || c.same());
        }

        /** The report: one line per finding, then each comparison and every difference it found. */
        public List<String> report() {
            List<String> lines = new ArrayList<>();
            lines.add("wrote " + output + ": " + draft.people().size() + " people, " + draft.teams().size() + " teams, "
                    + draft.rotations().size() + " rotations, " + draft.schedules().size() + " schedules, "
                    + draft.policies().size() + " escalation policies, " + draft.services().size() + " services, "
                    + review.overrides().size() + " override" + (review.overrides().size() == 1 ? "" : "s")
                    + " to store");
            for (Finding f : draft.findings()) {
                lines.add(f.line(draft.tool()));
            }
            for (ShiftComparison.Result c : review.comparisons()) {
                String what = "schedule " + c.shifts().source() + " (" + draft.tool() + " " + c.shifts().ref() + ")";
                if (!c.compared()) {
                    lines.add(what + ": not compared: " + draft.tool() + "'s " + c.shifts().what()
                            + " holds no shifts; give the period with --from and --to");
                    continue;
                }
                lines.add(what + ": compared with " + draft.tool() + "'s " + c.shifts().what() + " from " + c.from()
                        + " to " + c.to() + ": " + (c.same() ? "the same" : c.differences().size() + " difference"
                        + (c.differences().size() == 1 ? "" : "s")));
                ZoneId zone = draft.schedules().containsKey(c.shifts().source())
                        ? draft.schedules().get(c.shifts().source()).zone() : ZoneId.of("UTC");
                for (ShiftComparison.Difference d : c.differences()) {
                    lines.add("  " + d.start() + " to " + d.end() + " (" + LOCAL.format(d.start().atZone(zone)) + " to "
                            + LOCAL.format(d.end().atZone(zone)) + " " + zone.getId() + "): " + draft.tool() + " has "
                            + (d.source().isEmpty() ? "nobody" : String.join(" and ", d.source())) + ", Firebell has "
                            + (d.firebell() == null ? "nobody" : d.firebell()));
                }
            }
            return lines;
        }
    }

    private ImportRun() {
    }

    public static Outcome run(Importer importer, List<Importer> all, List<Path> inputs, Path output,
                              ImportOptions options) {
        List<ExportFile> files = ExportFiles.read(inputs, importer.expected());
        for (ExportFile f : files) {
            if (!importer.recognises(f.root())) {
                throw unrecognised(importer, all, f);
            }
        }
        ConfigDraft draft = importer.read(files, options);

        Path dir = output.toAbsolutePath().getParent();
        Path temp = dir.resolve("." + output.getFileName() + ".import-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(dir);
            FirebellConfig config = validated(DraftYaml.render(draft, null), temp);
            Roster base = new Roster(config.onCall(), Map.of());
            List<OverridePlan.Planned> overrides = OverridePlan.plan(draft, base);
            Roster withOverrides = new Roster(config.onCall(), OverridePlan.asDomain(overrides));
            List<ShiftComparison.Result> comparisons = new ArrayList<>();
            for (ConfigDraft.SourceShifts s : draft.sourceShifts().values()) {
                if (config.onCall().isSource(s.source())) {
                    comparisons.add(ShiftComparison.compare(s, withOverrides, options));
                }
            }
            ImportReview review = new ImportReview(comparisons, overrides);
            validated(DraftYaml.render(draft, review), temp);
            Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Outcome(draft, review, output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The temporary file is ours; failing to remove it is not worth hiding the real outcome.
            }
        }
    }

    /** Writes the text to the temporary file and loads it exactly as {@code config validate} would. */
    private static FirebellConfig validated(String yaml, Path temp) throws IOException {
        Files.writeString(temp, yaml, StandardCharsets.UTF_8);
        YamlConfigLoader.Loaded loaded = new YamlConfigLoader().load(temp);
        try {
            loaded.validate();
        } catch (YamlConfigLoader.LocatedConfigException e) {
            throw new IllegalStateException("the imported configuration does not validate, which is a bug of the"
                    + " importer (please report it with the export): " + e.getMessage(), e);
        }
        return new ConfigBinder().bind(loaded.document());
    }

    private static ImportException unrecognised(Importer importer, List<Importer> all, ExportFile f) {
        for (Importer other : all) {
            if (other != importer && other.recognises(f.root())) {
                return new ImportException(f.path() + ": looks like an export from " + other.tool() + ", not " + importer.tool()
                        + "; expected " + importer.expected() + " (import it with ./firebell import " + other.command() + ")");
            }
        }
        String keys = f.root().isObject() ? "an object with keys " + f.root().keys().stream()
                .limit(8).collect(Collectors.joining(", ", "[", "]"))
                : f.root().isArray() ? "an array" : "a single value";
        return new ImportException(f.path() + ": not a " + importer.tool() + " API response: found " + keys
                + "; expected " + importer.expected());
    }
}
