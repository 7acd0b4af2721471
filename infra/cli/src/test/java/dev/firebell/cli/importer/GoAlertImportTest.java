package dev.firebell.cli.importer;

import static dev.firebell.cli.importer.ImportFixtures.at;
import static dev.firebell.cli.importer.ImportFixtures.copy;
import static dev.firebell.cli.importer.ImportFixtures.editJson;
import static dev.firebell.cli.importer.ImportFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.cli.YamlConfigLoader;
import dev.firebell.config.ConfigBinder;
import dev.firebell.oncall.Roster;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./firebell import goalert} on one GraphQL answer: a weekly Berlin rotation whose current turn is
 * Ben's (GoAlert keeps it as state), 12-hour turns in Pune, a schedule of business hours over nights and
 * weekends across the 2026-03-29 clock change, a schedule naming a user with a temporary schedule, a replace
 * override and an add override, policies with repeats, services.
 */
class GoAlertImportTest {

    private static final Path EXPORT = ImportFixtures.export("goalert");
    private static final String FILE = "goalert-export.json";

    @TempDir
    Path dir;

    @Test
    void import_shouldAnchorEachRotationOnItsCurrentTurn_andHandOffOnTheWallClockAcrossTheChange() {
        ImportRun.Outcome outcome = run("goalert", EXPORT, dir.resolve("firebell.yaml"), ImportOptions.NONE);
        Roster roster = new Roster(new ConfigBinder().bind(new YamlConfigLoader().load(outcome.output()).document())
                .onCall(), Map.of());

        assertThat(outcome.draft().rotations().get("eu-weekly").participants())
                .containsExactly("ben.fischer", "chloe.dubois", "ana.souza");
        assertThat(roster.onCallAt("eu-weekly", Instant.parse("2026-03-24T10:00:00Z"))).isEqualTo("ben.fischer");
        // GoAlert's next hand-off, 2026-03-30 08:00 Berlin, is 06:00 UTC after the change (07:00 before it).
        assertThat(roster.onCallAt("eu-weekly", Instant.parse("2026-03-30T05:59:00Z"))).isEqualTo("ben.fischer");
        assertThat(roster.onCallAt("eu-weekly", Instant.parse("2026-03-30T06:00:00Z"))).isEqualTo("chloe.dubois");
        assertThat(roster.onCallAt("nights-from-pune", Instant.parse("2026-03-23T15:29:00Z"))).isEqualTo("dev.patel");
        assertThat(roster.onCallAt("nights-from-pune", Instant.parse("2026-03-23T15:30:00Z"))).isEqualTo("eve.laurent");
    }

    @Test
    void import_shouldCompareTheWholeQueriedPeriod_whenToldWhichItWas() {
        ImportOptions queried = new ImportOptions(Instant.parse("2026-03-23T00:00:00Z"),
                Instant.parse("2026-04-06T00:00:00Z"));

        ImportRun.Outcome outcome = run("goalert", EXPORT, dir.resolve("firebell.yaml"), queried);

        assertThat(outcome.review().comparisons()).hasSize(2).allSatisfy(c -> {
            assertThat(c.from()).isEqualTo(queried.from());
            assertThat(c.to()).isEqualTo(queried.to());
            assertThat(c.differences()).isEmpty();
        });
    }

    @Test
    void import_shouldReplaceOnlyWhileTheReplacedPersonIsOnCall_andReportAddOverrides() {
        Path export = copy("goalert", dir);
        // Stretch the replace override past Ben's business hours (20:00 Berlin, 19:00 UTC): nights are not his.
        editJson(export.resolve(FILE), root -> ((Map<String, Object>) at(root, "data", "userOverrides", "nodes", 0))
                .put("end", "2026-03-25T21:00:00Z"));

        ImportRun.Outcome outcome = run("goalert", export, dir.resolve("firebell.yaml"), ImportOptions.NONE);

        assertThat(outcome.review().overrides()).filteredOn(o -> o.source().equals("eu-primary")).singleElement()
                .satisfies(o -> {
                    assertThat(o.person()).isEqualTo("eve.laurent");
                    assertThat(o.start()).isEqualTo(Instant.parse("2026-03-25T09:00:00Z"));
                    assertThat(o.end()).isEqualTo(Instant.parse("2026-03-25T19:00:00Z"));
                });
        assertThat(outcome.report()).contains("NOT MAPPED: GoAlert user override 5e0e0001-0000-4000-8000-000000000002:"
                + " adds chloe.dubois to schedule eu-primary from 2026-04-10T08:00:00Z to 2026-04-10T16:00:00Z:"
                + " Firebell has one person on call, an override replaces whoever it is (only replace overrides map)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void import_shouldReportTheOverlap_andEveryStretchWhereGoAlertPagesTwoPeople() {
        Path export = copy("goalert", dir);
        editJson(export.resolve(FILE), root -> {
            Map<String, Object> nights = at(root, "data", "schedules", "nodes", 0, "targets", 1);
            List<Object> rules = new ArrayList<>((List<Object>) nights.get("rules"));
            // Pune also covers Thursday 12:00-13:00 Berlin: GoAlert pages Ben and Dev then.
            rules.add(Map.of("start", "12:00", "end", "13:00",
                    "weekdayFilter", List.of(false, false, false, false, true, false, false)));
            nights.put("rules", rules);
            List<Object> shifts = new ArrayList<>((List<Object>) at(root, "data", "schedules", "nodes", 0, "shifts"));
            shifts.add(Map.of("userID", "4b1a6f1e-2c1d-4d58-9a57-0b7a1c3e5a04", "start", "2026-03-26T11:00:00Z",
                    "end", "2026-03-26T12:00:00Z", "truncated", false));
            ((Map<String, Object>) at(root, "data", "schedules", "nodes", 0)).put("shifts", shifts);
        });

        ImportRun.Outcome outcome = run("goalert", export, dir.resolve("firebell.yaml"), ImportOptions.NONE);

        assertThat(outcome.report()).contains("APPROXIMATED: GoAlert schedule target 9d5c2e4a-7f31-4c1b-8e2a-3f6b1d0c7a12"
                + " (Nights from Pune): on call at the same time as eu-weekly in GoAlert, which pages both; Firebell pages"
                + " one: eu-weekly, listed first");
        ShiftComparison.Result eu = outcome.review().comparisons().stream()
                .filter(c -> c.shifts().source().equals("eu-primary")).findFirst().orElseThrow();
        assertThat(eu.differences()).containsExactly(new ShiftComparison.Difference(
                Instant.parse("2026-03-26T11:00:00Z"), Instant.parse("2026-03-26T12:00:00Z"),
                List.of("ben.fischer", "dev.patel"), "ben.fischer"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void import_shouldSayWhereATemporaryScheduleLeavesNobodyOnCall() {
        Path export = copy("goalert", dir);
        editJson(export.resolve(FILE), root -> ((List<Object>) at(root, "data", "schedules", "nodes", 1,
                "temporarySchedules", 0, "shifts")).remove(1));

        ImportRun.Outcome outcome = run("goalert", export, dir.resolve("firebell.yaml"), ImportOptions.NONE);

        assertThat(outcome.report()).contains("NOT MAPPED: GoAlert temporary schedule c2e8a6b4-1f3d-4e5a-9b7c-6d2f8a0e4b22"
                + " 2026-03-30T00:00:00Z: nobody on call from 2026-03-31T00:00:00Z to 2026-04-01T00:00:00Z: a Firebell"
                + " override always names someone, so the schedule's own shifts apply then");
    }
}
