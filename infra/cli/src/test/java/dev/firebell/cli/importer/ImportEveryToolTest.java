package dev.firebell.cli.importer;

import static dev.firebell.cli.importer.ImportFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.cli.YamlConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every importer promises, on each tool's fixture (built from its documented API responses): the
 * configuration written is the reviewed one and validates, the shifts agree with the tool's own over the
 * exported period, every finding names the tool and the source object, and importing again writes the
 * same file.
 */
class ImportEveryToolTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"pagerduty", "opsgenie", "grafana-oncall", "goalert"})
    void import_shouldWriteTheReviewedConfiguration_thatValidates(String tool) throws IOException {
        ImportRun.Outcome outcome = run(tool, ImportFixtures.export(tool), dir.resolve("firebell.yaml"), ImportOptions.NONE);

        assertThat(Files.readString(outcome.output())).isEqualTo(Files.readString(ImportFixtures.expected(tool)));
        new YamlConfigLoader().load(outcome.output()).validate();
        assertThat(outcome.draft().schedules()).hasSize(2);
        assertThat(outcome.draft().people()).hasSize(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pagerduty", "opsgenie", "grafana-oncall", "goalert"})
    void import_shouldComputeTheSameShiftsAsTheTool_overTheExportedPeriod(String tool) {
        ImportRun.Outcome outcome = run(tool, ImportFixtures.export(tool), dir.resolve("firebell.yaml"), ImportOptions.NONE);

        assertThat(outcome.review().comparisons()).hasSize(2).allSatisfy(c -> {
            assertThat(c.compared()).isTrue();
            assertThat(java.time.Duration.between(c.from(), c.to()).toDays()).isGreaterThanOrEqualTo(6);
            assertThat(c.differences()).isEmpty();
        });
        assertThat(outcome.report()).filteredOn(l -> l.startsWith("schedule ")).hasSize(2)
                .allSatisfy(l -> assertThat(l).endsWith(": the same"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pagerduty", "opsgenie", "grafana-oncall", "goalert"})
    void import_shouldReportEachFinding_onItsOwnLineWithTheSourceObjectsId_andAsACommentBesideIt(String tool)
            throws IOException {
        ImportRun.Outcome outcome = run(tool, ImportFixtures.export(tool), dir.resolve("firebell.yaml"), ImportOptions.NONE);
        String yaml = Files.readString(outcome.output());

        assertThat(outcome.draft().findings()).isNotEmpty().allSatisfy(f -> {
            assertThat(outcome.report()).contains(f.line(outcome.draft().tool()));
            assertThat(f.source().id()).isNotBlank();
            String comment = "# " + f.kind().label() + " (" + f.source().kind() + " " + f.source().id() + "): ";
            assertThat(yaml).contains(comment);
        });
        assertThat(outcome.clean()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pagerduty", "opsgenie", "grafana-oncall", "goalert"})
    void import_shouldWriteTheSameFile_whenImportingTheSameExportAgain(String tool) throws IOException {
        Path first = run(tool, ImportFixtures.export(tool), dir.resolve("a.yaml"), ImportOptions.NONE).output();
        Path second = run(tool, ImportFixtures.export(tool), dir.resolve("b.yaml"), ImportOptions.NONE).output();

        assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
    }
}
