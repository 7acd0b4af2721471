package dev.firebell.cli.template;

import static dev.firebell.cli.template.TemplateReferencesTest.lines;
import static dev.firebell.cli.template.TemplateReferencesTest.linesOf;
import static dev.firebell.cli.template.TemplateReferencesTest.markedLines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.local.SamTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Deleting the stack (or replacing a resource) leaves what it keeps readable, and leaves nothing that blocks creating
 * it again: the rules of {@link TemplateRetention}, on template.yaml and on a template breaking each once.
 */
class TemplateRetentionTest {

    private final SamTemplate template = SamTemplate.load(ProjectFiles.template());
    private final TemplateRetention retention = new TemplateRetention(template);

    @Test
    void keptData_shouldKeepTheKeysThatEncryptIt() {
        assertThat(retention.keptDataWithKeysNotKept()).as(lines(retention.keptDataWithKeysNotKept())).isEmpty();
    }

    @Test
    void replacementPolicy_shouldKeepWhatDeletionKeeps() {
        assertThat(retention.replacementPolicyDiffersFromDeletion())
                .as(lines(retention.replacementPolicyDiffersFromDeletion())).isEmpty();
    }

    @Test
    void keptResources_shouldLetCloudFormationNameThem() {
        assertThat(retention.keptResourcesWithFixedNames()).as(lines(retention.keptResourcesWithFixedNames())).isEmpty();
    }

    @Test
    void theIncidentsTableAndTheDrafts_shouldBeKept_withTheirKey() {
        // The rules above hold of whatever is kept: this says what is, so that they cannot pass by keeping nothing.
        for (String id : List.of("FirebellTable", "PostmortemBucket", "FirebellKey")) {
            Map<String, Object> raw = template.resource(id).raw();
            assertThat(raw).as(id).containsEntry("DeletionPolicy", "RetainExceptOnCreate")
                    .containsEntry("UpdateReplacePolicy", "Retain");
        }
    }

    @Test
    void checks_shouldReportExactlyTheMarkedMistakes_withTheirLines() {
        // GIVEN
        Path file = ProjectFiles.testTemplate("retention-mistakes.yaml");
        TemplateRetention checker = new TemplateRetention(SamTemplate.load(file));

        // WHEN
        List<String> findings = new ArrayList<>();
        findings.addAll(checker.keptDataWithKeysNotKept());
        findings.addAll(checker.replacementPolicyDiffersFromDeletion());
        findings.addAll(checker.keptResourcesWithFixedNames());

        // THEN
        assertThat(linesOf(findings)).as(lines(findings)).containsExactlyInAnyOrderElementsOf(markedLines(file));
        assertThat(findings).as(lines(findings))
                .anySatisfy(f -> assertThat(f).contains("LostKey encrypts KeptBucket, which is kept (DeletionPolicy"
                        + " Retain, UpdateReplacePolicy Retain), but the key is not (DeletionPolicy Delete,"
                        + " UpdateReplacePolicy Delete): kept data nobody can read"))
                .anySatisfy(f -> assertThat(f).contains("ReplacedKey encrypts KeptQueue"))
                .anySatisfy(f -> assertThat(f).contains("ReplacedKey has DeletionPolicy Retain but UpdateReplacePolicy"
                        + " Delete: a replacement would delete what deleting the stack keeps"))
                .anySatisfy(f -> assertThat(f).contains("HalfKeptTable has DeletionPolicy Retain but UpdateReplacePolicy"
                        + " Delete"))
                .anySatisfy(f -> assertThat(f).contains("NamedTable is kept when the stack goes, with its TableName"));
    }
}
