package dev.firebell.cli.importer;

import static dev.firebell.cli.importer.ImportFixtures.at;
import static dev.firebell.cli.importer.ImportFixtures.copy;
import static dev.firebell.cli.importer.ImportFixtures.editJson;
import static dev.firebell.cli.importer.ImportFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.cli.YamlConfigLoader;
import dev.firebell.config.ConfigBinder;
import dev.firebell.config.FirebellConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./firebell import opsgenie} on the v2 API's answers: users listed, then fetched with their contacts;
 * teams with members and routing rules; a weekday rotation and a daily out-of-hours rotation in Amsterdam
 * across the 2026-10-25 clock change, 8-hour turns in Tokyo restricted to the day; an override of the whole
 * schedule and one of a single rotation; escalations whose delays count from the alert; integrations.
 */
class OpsgenieImportTest {

    private static final Path EXPORT = ImportFixtures.export("opsgenie");
    private static final String SCHEDULES = "schedules.json";

    @TempDir
    Path dir;

    @Test
    void import_shouldTurnDelaysSinceTheAlertIntoWaitsBetweenLevels_andTeamsRoutingIntoServices() {
        ImportRun.Outcome outcome = run("opsgenie", EXPORT, dir.resolve("firebell.yaml"), ImportOptions.NONE);
        FirebellConfig config = new ConfigBinder().bind(new YamlConfigLoader().load(outcome.output()).document());

        // Rules at 0, 10 and 20 minutes, repeating 3 times after 5 minutes; the 20-minute rule cannot be paged.
        assertThat(config.escalationPolicies().get("sre_escalation").levels())
                .extracting(l -> l.escalateAfter().toMinutes()).containsExactly(10L, 15L);
        assertThat(config.escalationPolicies().get("sre_escalation").repeat()).isEqualTo(3);
        assertThat(config.services().get("sre").escalationPolicy()).isEqualTo("sre_escalation");
        // The Support team's default route pages a schedule directly: a one-level policy does the same.
        assertThat(config.services().get("support").escalationPolicy()).isEqualTo("support_schedule");
        assertThat(config.onCall().people().get("aylin.demir").contacts()).extracting(Object::toString)
                .containsExactly("email aylin.demir@example.com", "sms +905321234567");
        assertThat(outcome.review().overrides()).extracting(OverridePlan.Planned::source)
                .containsExactly("sre_schedule-out-of-hours", "sre_schedule");
    }

    @Test
    @SuppressWarnings("unchecked")
    void import_shouldListEveryStretchWhereOpsgenieNotifiesTwoRotations_andFirebellOnePerson() {
        Path export = copy("opsgenie", dir);
        // Weekdays now runs until 20:00 on Mondays, into the out-of-hours rotation's evening.
        editJson(export.resolve(SCHEDULES), root -> ((Map<String, Object>) at(root, "data", 0, "rotations", 0,
                "timeRestriction", "restrictions", 0)).put("endHour", 20));

        ImportRun.Outcome outcome = run("opsgenie", export, dir.resolve("firebell.yaml"), ImportOptions.NONE);

        assertThat(outcome.report()).contains("APPROXIMATED: Opsgenie rotation 4a1f5e2c-7d3b-4f60-9d2e-1b0c8e6f7a02"
                + " (Out of hours): on call at the same time as rotation sre_schedule-weekdays in Opsgenie, which"
                + " notifies both; Firebell pages one: sre_schedule-weekdays, listed first");
        // The export's timeline still says out-of-hours: each Monday evening differs, before and after the change.
        assertThat(outcome.review().comparisons().get(0).differences()).containsExactly(
                new ShiftComparison.Difference(Instant.parse("2026-10-19T16:00:00Z"),
                        Instant.parse("2026-10-19T18:00:00Z"), List.of("daichi.sato"), "aylin.demir"),
                new ShiftComparison.Difference(Instant.parse("2026-10-26T17:00:00Z"),
                        Instant.parse("2026-10-26T19:00:00Z"), List.of("elif.kaya"), "bram.devries"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void import_shouldSayThatATurnOfNobodyIsLeftOut() {
        Path export = copy("opsgenie", dir);
        editJson(export.resolve(SCHEDULES), root -> {
            Map<String, Object> rotation = at(root, "data", 0, "rotations", 1);
            List<Object> participants = new ArrayList<>((List<Object>) rotation.get("participants"));
            participants.add(Map.of("type", "none"));
            rotation.put("participants", participants);
        });

        ImportRun.Outcome outcome = run("opsgenie", export, dir.resolve("firebell.yaml"), ImportOptions.NONE);

        assertThat(outcome.report()).contains("APPROXIMATED: Opsgenie rotation 4a1f5e2c-7d3b-4f60-9d2e-1b0c8e6f7a02"
                + " (Out of hours): a turn of nobody takes a turn here: Firebell rotations are turns of people, so it is"
                + " left out and the turns after it come earlier");
        assertThat(outcome.review().comparisons().get(0).same()).isTrue();
    }
}
