package dev.firebell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./firebell import} as a user runs it: its exit codes, and what {@code config validate} says of the result. */
class ImportCommandTest {

    private static final Path EXPORTS = Path.of("src/test/resources/import");

    @TempDir
    Path dir;

    @Test
    void import_shouldWriteAFileConfigValidateAccepts_andExit2_whenThereAreFindingsToReview() {
        Path out = dir.resolve("firebell.yaml");

        int exit = Main.run("import", "goalert", EXPORTS.resolve("goalert").toString(), "-o", out.toString(),
                "--from", "2026-03-23", "--to", "2026-04-06T00:00:00Z");

        assertThat(exit).isEqualTo(2);
        assertThat(Main.run("config", "validate", out.toString())).isZero();
    }

    @Test
    void import_shouldExit1AndWriteNothing_whenTheExportIsNotTheToolsOrThePeriodIsBackwards() {
        Path out = dir.resolve("firebell.yaml");

        assertThat(Main.run("import", "pagerduty", EXPORTS.resolve("opsgenie").toString(), "-o", out.toString()))
                .isEqualTo(1);
        assertThat(Main.run("import", "pagerduty", EXPORTS.resolve("pagerduty").toString(), "-o", out.toString(),
                "--from", "2026-03-16", "--to", "2026-03-02")).isEqualTo(1);
        assertThat(Files.exists(out)).isFalse();
    }
}
