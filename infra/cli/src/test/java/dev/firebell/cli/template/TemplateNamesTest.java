package dev.firebell.cli.template;

import static dev.firebell.cli.template.TemplateReferencesTest.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.local.SamTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two stacks of template.yaml in one account and region with the same Stage (the README's {@code firebell} stack and
 * the pipeline's {@code firebell-prod}, both prod) fix no physical name in common. The rule's own mistakes are proven
 * in {@link TemplateOperationsTest#checks_shouldReportExactlyTheMarkedMistakes_withTheirLines}.
 */
class TemplateNamesTest {

    private final TemplateNames names = new TemplateNames(SamTemplate.load(ProjectFiles.template()));

    @Test
    void twoStacksOfOneStage_shouldShareNoPhysicalName() {
        assertThat(names.collidingAcrossStacks()).as(lines(names.collidingAcrossStacks())).isEmpty();
    }

    @Test
    void names_shouldComeFromTheStackName_evenWhereTheyOnceCameFromTheStage() {
        Map<String, List<String>> rendered = names.renderedNames();

        assertThat(rendered).containsEntry("FirebellKeyAlias",
                        List.of("alias/firebell/firebell/data", "alias/firebell/firebell-prod/data"))
                .containsEntry("OpsAlertKeyAlias",
                        List.of("alias/firebell/firebell/ops-alerts", "alias/firebell/firebell-prod/ops-alerts"))
                .containsEntry("AlarmIngestLogGroup",
                        List.of("/firebell/firebell/alarm-ingest", "/firebell/firebell-prod/alarm-ingest"))
                .containsEntry("AlarmIngestErrorsAlarm",
                        List.of("Firebell/firebell/alarm-ingest-errors", "Firebell/firebell-prod/alarm-ingest-errors"));
        // Every fixed name of one stack is absent from the other: the stack name is the only thing that tells them apart.
        List<String> first = rendered.values().stream().map(pair -> pair.get(0)).toList();
        List<String> second = rendered.values().stream().map(pair -> pair.get(1)).toList();
        assertThat(first).doesNotContainAnyElementsOf(second).hasSizeGreaterThan(25);
    }
}
