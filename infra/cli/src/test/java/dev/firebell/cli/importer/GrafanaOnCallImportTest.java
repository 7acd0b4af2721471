package dev.firebell.cli.importer;

import static dev.firebell.cli.importer.ImportFixtures.at;
import static dev.firebell.cli.importer.ImportFixtures.copy;
import static dev.firebell.cli.importer.ImportFixtures.editJson;
import static dev.firebell.cli.importer.ImportFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./firebell import grafana-oncall} on the public API's answers: a web schedule in London (weekly
 * backstop, weekday business hours rotating weekly and starting from the second user, a Saturday check on
 * top, an override) across the 2026-03-29 change, a calendar schedule of two-day turns in Sydney across the
 * 2026-04-05 change, escalation chains with waits and a repeat, integrations with routes.
 */
class GrafanaOnCallImportTest {

    private static final Path EXPORT = ImportFixtures.export("grafana-oncall");
    private static final String SHIFTS = "on_call_shifts.json";

    @TempDir
    Path dir;

    @Test
    void import_shouldMapEveryRecurrence_levelsFirst_andTheChainsWaitsAndRepeat() {
        ImportRun.Outcome outcome = run("grafana-oncall", EXPORT, dir.resolve("firebell.yaml"), ImportOptions.NONE);

        assertThat(outcome.draft().rotations().get("platform-primary-business-hours").participants())
                .containsExactly("emil.novak", "dana.white");
        assertThat(outcome.draft().schedules().get("platform-primary").layers())
                .extracting(ConfigDraft.LayerDraft::rotation).containsExactly("platform-primary-saturday-check",
                        "platform-primary-business-hours", "platform-primary-weekly");
        ConfigDraft.PolicyDraft chain = outcome.draft().policies().get("platform-default");
        assertThat(chain.repeat()).isEqualTo(5);
        assertThat(chain.levels()).extracting(l -> l.escalateAfter().toMinutes()).containsExactly(5L, 15L);
        assertThat(outcome.draft().services().get("grafana-alerting").escalationPolicy()).isEqualTo("platform-default");
    }

    @Test
    void import_shouldFindTheSameShiftsOverTheWholeExportedDates_whenGivenThem() {
        ImportOptions dates = new ImportOptions(Instant.parse("2026-03-23T00:00:00Z"), Instant.parse("2026-04-06T00:00:00Z"));

        ImportRun.Outcome outcome = run("grafana-oncall", EXPORT, dir.resolve("firebell.yaml"), dates);

        assertThat(outcome.review().comparisons()).hasSize(2).allSatisfy(c -> {
            assertThat(c.from()).isEqualTo(dates.from());
            assertThat(c.differences()).isEmpty();
        });
    }

    @Test
    void import_shouldNotMapATurnOfSeveralPeople_andShowWhereThatLeavesFirebellShort() {
        Path export = copy("grafana-oncall", dir);
        editJson(export.resolve(SHIFTS), root -> ((Map<String, Object>) at(root, "results", 0)).put("rolling_users",
                List.of(List.of("U4DNY931HHJS5"), List.of("UC2CHRT5SD34X", "U7S8H84ARFTGN"))));

        ImportRun.Outcome outcome = run("grafana-oncall", export, dir.resolve("firebell.yaml"), ImportOptions.NONE);

        assertThat(outcome.report()).contains("NOT MAPPED: Grafana OnCall on-call shift OWEEKLY0001AA (Weekly): a turn"
                + " of 2 people at once: Firebell has one person on call: not written");
        assertThat(outcome.draft().schedules().get("platform-primary").layers()).hasSize(2);
        assertThat(outcome.review().comparisons().get(1).differences()).isNotEmpty()
                .allSatisfy(d -> assertThat(d.firebell()).isNull());
    }

    @Test
    void import_shouldNotMapMonthlyTurns() {
        Path export = copy("grafana-oncall", dir);
        editJson(export.resolve(SHIFTS), root -> ((Map<String, Object>) at(root, "results", 4)).put("frequency",
                "monthly"));

        ImportRun.Outcome outcome = run("grafana-oncall", export, dir.resolve("firebell.yaml"), ImportOptions.NONE);

        assertThat(outcome.report()).contains("NOT MAPPED: Grafana OnCall on-call shift OTWODAYS01EE (Two days):"
                + " monthly turns: Firebell rotations turn every so many hours, days or weeks: not written",
                "NOT MAPPED: Grafana OnCall schedule S3Z477AHDXTMF (Data pipelines): no shift of schedule 'Data"
                        + " pipelines' could be imported: not written");
        assertThat(outcome.draft().schedules()).containsOnlyKeys("platform-primary");
    }
}
