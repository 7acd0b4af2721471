package dev.firebell.cli.importer;

import static dev.firebell.cli.importer.ImportFixtures.copy;
import static dev.firebell.cli.importer.ImportFixtures.edit;
import static dev.firebell.cli.importer.ImportFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.cli.YamlConfigLoader;
import dev.firebell.config.ConfigBinder;
import dev.firebell.config.FirebellConfig;
import dev.firebell.oncall.Roster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./firebell import pagerduty} on an export built from PagerDuty's documented responses: five people in
 * four zones, a business-hours layer over a weekly backstop in New York across the 2026-03-08 clock change,
 * 12-hour turns in Kolkata, a 90-minute layer, a layer that ended, an override, two escalation policies with
 * repeats, two services; the final schedule exported with since/until for two weeks.
 */
class PagerDutyImportTest {

    private static final Instant SINCE = Instant.parse("2026-03-02T05:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-03-16T04:00:00Z");

    @TempDir
    Path dir;

    private ImportRun.Outcome importFixture() {
        return run("pagerduty", ImportFixtures.export("pagerduty"), dir.resolve("firebell.yaml"), ImportOptions.NONE);
    }

    @Test
    void import_shouldMapPeoplePoliciesAndServices_asPagerDutyHasThem() {
        FirebellConfig config = config(importFixture().output());

        assertThat(config.onCall().people()).containsOnlyKeys("alice.martin", "bob.keller", "carol.hughes",
                "dave.okafor", "erin.iyer");
        assertThat(config.onCall().people().get("alice.martin").contacts()).extracting(Object::toString)
                .containsExactly("email alice.martin@example.com", "sms +33612345678");
        assertThat(config.escalationPolicies().get("checkout").repeat()).isEqualTo(2);
        // The third rule targets someone not exported: its 30 minutes go to the second level.
        assertThat(config.escalationPolicies().get("checkout").levels()).extracting(l -> l.escalateAfter().toMinutes())
                .containsExactly(10L, 45L);
        assertThat(config.services().get("checkout-api").escalationPolicy()).isEqualTo("checkout");
        assertThat(config.services().get("checkout-api").groupingWindow()).hasMinutes(10);
    }

    @Test
    void import_shouldComputeTheSameShiftsAsPagerDutysFinalSchedule_acrossTheClockChange() {
        ImportRun.Outcome outcome = importFixture();

        assertThat(outcome.review().comparisons()).hasSize(2).allSatisfy(c -> {
            assertThat(c.from()).isEqualTo(SINCE);
            assertThat(c.to()).isEqualTo(UNTIL);
            assertThat(c.differences()).isEmpty();
        });
        // The business-hours hand-off stays at 09:00 New York: 14:00 UTC before the change, 13:00 UTC after.
        Roster roster = roster(outcome.output());
        assertThat(roster.onCallAt("checkout-primary", Instant.parse("2026-03-06T13:59:00Z"))).isEqualTo("dave.okafor");
        assertThat(roster.onCallAt("checkout-primary", Instant.parse("2026-03-06T14:00:00Z"))).isEqualTo("carol.hughes");
        assertThat(roster.onCallAt("checkout-primary", Instant.parse("2026-03-10T12:59:00Z"))).isEqualTo("alice.martin");
        assertThat(roster.onCallAt("checkout-primary", Instant.parse("2026-03-10T13:00:00Z"))).isEqualTo("carol.hughes");
        assertThat(outcome.clean()).isFalse();
    }

    @Test
    void import_shouldReportEveryItemItCannotMap_oneLineEachWithTheSourceId() {
        List<String> report = importFixture().report();

        assertThat(report).contains(
                "NOT MAPPED: PagerDuty user PAL1CE0 (Alice Martin): voice calls to 'Mobile' +33 612345678: SNS has no"
                        + " voice calls, Firebell pages by sms, email, https, sqs or lambda; add the number as an sms"
                        + " contact if it takes texts",
                "NOT MAPPED: PagerDuty user PER1N1Y (Erin Iyer): WhatsApp messages to 'WhatsApp' +91 9812345678:"
                        + " Firebell pages by sms, email, https, sqs or lambda",
                "NOT MAPPED: PagerDuty schedule layer PLAY90M (Ninety minutes): turns of 5400 s: Firebell shifts are"
                        + " whole hours or whole days, up to 90 days: layer not written",
                "LEFT OUT: PagerDuty schedule layer PLAYOLD (Before the reorganisation): ended at 2026-02-28T14:30:00Z,"
                        + " before 2026-03-02T05:00:00Z",
                "NOT MAPPED: PagerDuty escalation rule PRUL003: targets user PXGONE1 (Former Employee), who is not in"
                        + " the export (GET /users)",
                "NOT MAPPED: PagerDuty escalation rule PRUL012: round-robin assignment: Firebell pages every target of"
                        + " a level together",
                "NOT MAPPED: PagerDuty service PSVCPLT (Platform Jobs): intelligent alert grouping: Firebell groups the"
                        + " alarms of a service by time (groupingWindow, default 5m)",
                "schedule checkout-primary (PagerDuty schedule PSCHED1 (Checkout Primary)): compared with PagerDuty's"
                        + " final schedule from 2026-03-02T05:00:00Z to 2026-03-16T04:00:00Z: the same");
        assertThat(report.stream().filter(l -> l.startsWith("NOT MAPPED") || l.startsWith("APPROXIMATED")
                || l.startsWith("LEFT OUT"))).hasSize(17).allSatisfy(l -> assertThat(l).contains(": PagerDuty "));
    }

    @Test
    void import_shouldListEveryDifference_whenPagerDutysShiftsDisagreeWithFirebells() {
        Path export = copy("pagerduty", dir);
        // Say PagerDuty had Bob on Thursday's business hours, where the rotation gives Alice.
        String entry = "\"start\": \"2026-03-05T09:00:00-05:00\",\n          \"end\": \"2026-03-05T17:00:00-05:00\",\n"
                + "          \"user\": {\n            \"id\": ";
        edit(export.resolve("schedule-PSCHED1.json"), entry + "\"PAL1CE0\"", entry + "\"PB0B3K1\"");

        ImportRun.Outcome outcome = run("pagerduty", export, dir.resolve("out.yaml"), ImportOptions.NONE);

        ShiftComparison.Result checkout = outcome.review().comparisons().get(0);
        assertThat(checkout.shifts().source()).isEqualTo("checkout-primary");
        assertThat(checkout.differences()).containsExactly(new ShiftComparison.Difference(
                Instant.parse("2026-03-05T14:00:00Z"), Instant.parse("2026-03-05T22:00:00Z"), List.of("bob.keller"),
                "alice.martin"));
        assertThat(outcome.report()).contains("  2026-03-05T14:00:00Z to 2026-03-05T22:00:00Z (Thu 2026-03-05 09:00 to"
                + " Thu 2026-03-05 17:00 America/New_York): PagerDuty has bob.keller, Firebell has alice.martin");
    }

    @Test
    void import_shouldTurnOverridesIntoCommands_andCountThemWhenComparing() throws IOException {
        ImportRun.Outcome outcome = importFixture();
        assertThat(Files.readString(outcome.output())).contains("#   ./firebell oncall override checkout-primary"
                + " bob.keller 15h --from 2026-03-10T22:00:00Z --reason \"PagerDuty override PQ47DCP\" --table"
                + " <IncidentsTableName>");

        // Without the overrides file, the overrides sub-schedule of the schedule says the same.
        Path export = copy("pagerduty", dir);
        Files.delete(export.resolve("overrides-PSCHED1.json"));
        assertThat(run("pagerduty", export, dir.resolve("a.yaml"), ImportOptions.NONE).review().overrides())
                .singleElement().satisfies(o -> {
                    assertThat(o.person()).isEqualTo("bob.keller");
                    assertThat(o.start()).isEqualTo(Instant.parse("2026-03-10T22:00:00Z"));
                });

        // Without any, Firebell keeps Alice where PagerDuty had Bob covering: the comparison says exactly that.
        edit(export.resolve("schedule-PSCHED1.json"), "\"name\": \"Overrides\",\n      \"rendered_schedule_entries\": [",
                "\"name\": \"Overrides\",\n      \"ignored\": [");
        ImportRun.Outcome without = run("pagerduty", export, dir.resolve("b.yaml"), ImportOptions.NONE);
        assertThat(without.review().comparisons().get(0).differences()).containsExactly(new ShiftComparison.Difference(
                Instant.parse("2026-03-10T22:00:00Z"), Instant.parse("2026-03-11T13:00:00Z"), List.of("bob.keller"),
                "alice.martin"));
    }

    @Test
    void import_shouldWriteTheSameFile_whateverTheOrderAndPagingOfTheExport() throws IOException {
        Path first = importFixture().output();
        Path export = copy("pagerduty", dir);
        // Users split over two pages, in the other order, under other file names.
        String users = Files.readString(export.resolve("users.json"));
        int split = users.indexOf("    {\n      \"id\": \"PC4R0LH\"");
        Files.writeString(export.resolve("a-users-page2.json"), "{\n  \"users\": [\n" + users.substring(split));
        Files.writeString(export.resolve("z-users-page1.json"), users.substring(0, split).replaceAll(",\\s*$", "")
                + "\n  ],\n  \"more\": true\n}\n");
        Files.delete(export.resolve("users.json"));

        Path second = run("pagerduty", export, dir.resolve("again.yaml"), ImportOptions.NONE).output();

        assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
    }

    private static FirebellConfig config(Path file) {
        return new ConfigBinder().bind(new YamlConfigLoader().load(file).document());
    }

    private static Roster roster(Path file) {
        return new Roster(config(file).onCall(), Map.of());
    }
}
