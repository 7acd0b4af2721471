package dev.firebell.cli.importer;

import static dev.firebell.cli.importer.ImportFixtures.copy;
import static dev.firebell.cli.importer.ImportFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad export gets a clear error naming the file and what was expected there, and nothing is written. */
class ImportBadInputTest {

    private static final String KEPT = "# the configuration that was there before\n";

    @TempDir
    Path dir;
    private Path output;

    @BeforeEach
    void existingOutput() throws IOException {
        output = dir.resolve("firebell.yaml");
        Files.writeString(output, KEPT);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> importing(String tool, Path export) {
        return assertThatThrownBy(() -> run(tool, export, output, ImportOptions.NONE)).isInstanceOf(ImportException.class);
    }

    private void nothingWritten() throws IOException {
        assertThat(Files.readString(output)).isEqualTo(KEPT);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain(".firebell.yaml.import-"
                    + ProcessHandle.current().pid());
        }
    }

    @Test
    void import_shouldNameTheFileAndSayItEndsTooEarly_whenAFileIsTruncated() throws IOException {
        Path export = copy("pagerduty", dir);
        String users = Files.readString(export.resolve("users.json"));
        Files.writeString(export.resolve("users.json"), users.substring(0, users.length() / 2));

        importing("pagerduty", export).hasMessageStartingWith(export.resolve("users.json") + ": not valid JSON at line")
                .hasMessageContaining("(the file ends too early: truncated?)")
                .hasMessageEndingWith("expected PagerDuty REST API v2 responses (GET /users, /teams, /schedules/{id},"
                        + " /schedules/{id}/overrides, /escalation_policies, /services: objects with a key such as"
                        + " \"users\" or \"schedule\")");
        nothingWritten();
    }

    @Test
    void import_shouldSayWhichToolTheFileIsFrom_whenItIsAnotherTools() throws IOException {
        Path escalations = ImportFixtures.export("opsgenie").resolve("escalations.json");

        importing("pagerduty", escalations).hasMessage(escalations + ": looks like an export from Opsgenie, not"
                + " PagerDuty; expected PagerDuty REST API v2 responses (GET /users, /teams, /schedules/{id},"
                + " /schedules/{id}/overrides, /escalation_policies, /services: objects with a key such as \"users\" or"
                + " \"schedule\") (import it with ./firebell import opsgenie)");
        Path pagerDuty = ImportFixtures.export("pagerduty").resolve("users.json");
        importing("goalert", pagerDuty).hasMessageContaining("looks like an export from PagerDuty, not GoAlert");
        Path grafana = ImportFixtures.export("grafana-oncall").resolve("users.json");
        importing("opsgenie", grafana).hasMessageContaining("looks like an export from Grafana OnCall, not Opsgenie");
        nothingWritten();
    }

    @Test
    void import_shouldSayWhatWasFound_whenTheJsonIsUnrelated() throws IOException {
        Path unrelated = dir.resolve("package.json");
        Files.writeString(unrelated, "{\"name\": \"left-pad\", \"version\": \"1.3.0\", \"main\": \"index.js\"}");
        Path array = dir.resolve("list.json");
        Files.writeString(array, "[1, 2, 3]");

        importing("goalert", unrelated).hasMessage(unrelated + ": not a GoAlert API response: found an object with keys"
                + " [name, version, main]; expected GoAlert GraphQL responses ({\"data\": {...}} holding users, rotations,"
                + " schedules, escalationPolicies, services or userOverrides, from the query in docs/migrate.md)");
        importing("grafana-oncall", array).hasMessageStartingWith(array + ": not a Grafana OnCall API response: found an"
                + " array; expected Grafana OnCall API responses");
        nothingWritten();
    }

    @Test
    void import_shouldNameTheFileAndThePath_whenAResponseLacksWhatItShouldHold() throws IOException {
        Path export = copy("pagerduty", dir);
        ImportFixtures.edit(export.resolve("schedule-PSCHED2.json"), "\"rotation_turn_length_seconds\": 43200",
                "\"rotation_turn_length_seconds\": \"twelve hours\"");

        importing("pagerduty", export).hasMessage(export.resolve("schedule-PSCHED2.json") + ":"
                + " $.schedule.schedule_layers[0].rotation_turn_length_seconds: expected a whole number, found"
                + " \"twelve hours\"");
        nothingWritten();
    }

    @Test
    void import_shouldAskForTheIdInTheFileName_whenAResponseDoesNotSayWhoseItIs() throws IOException {
        Path export = copy("pagerduty", dir);
        Files.move(export.resolve("overrides-PSCHED1.json"), export.resolve("overrides.json"));

        importing("pagerduty", export).hasMessage(export.resolve("overrides.json") + ": holds the overrides of a"
                + " schedule, and the response does not say whose: name the file after the id (e.g."
                + " overrides-PI7DH85.json)");
        nothingWritten();
    }

    @Test
    void import_shouldRelayTheToolsOwnErrors_insteadOfData() throws IOException {
        Path answer = dir.resolve("goalert.json");
        Files.writeString(answer, "{\"errors\": [{\"message\": \"unauthorized\", \"path\": [\"users\"]}], \"data\": null}");
        Path pagerDuty = dir.resolve("users.json");
        Files.writeString(pagerDuty, "{\"error\": {\"message\": \"Invalid Input Provided\", \"code\": 2001}}");

        importing("goalert", answer).hasMessage(answer + ": GoAlert answered with errors instead of data: unauthorized;"
                + " fix the query and export again");
        importing("pagerduty", pagerDuty).hasMessage(pagerDuty + ": holds a PagerDuty error response (Invalid Input"
                + " Provided), not data; export it again");
        nothingWritten();
    }

    @Test
    void import_shouldSaySoPlainly_whenTheExportIsMissingOrEmpty() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        importing("opsgenie", empty).hasMessageStartingWith(empty + ": holds no .json files; expected Opsgenie");
        importing("opsgenie", dir.resolve("nowhere")).hasMessage(dir.resolve("nowhere") + ": no such file or directory");
        assertThatThrownBy(() -> ImportRun.run(Importers.named("opsgenie"), Importers.all(), List.of(), output,
                ImportOptions.NONE)).hasMessageStartingWith("name the export");
        assertThatThrownBy(() -> Importers.named("victorops")).hasMessage("'victorops' is not a tool Firebell imports"
                + " from; name one of pagerduty, opsgenie, grafana-oncall, goalert");
        nothingWritten();
    }
}
