package dev.firebell.cli.template;

import static dev.firebell.cli.template.TemplateReferencesTest.lines;
import static dev.firebell.cli.template.TemplateReferencesTest.linesOf;
import static dev.firebell.cli.template.TemplateReferencesTest.markedLines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.local.SamTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every encrypted path of template.yaml has the key-policy grant its service documents, and the destination admits the
 * write: the rules of {@link TemplateEncryption}, on template.yaml and on a template breaking each.
 */
class TemplateEncryptionTest {

    private final TemplateEncryption encryption = new TemplateEncryption(SamTemplate.load(ProjectFiles.template()));

    @Test
    void encryptedPaths_shouldHaveTheGrantTheirServiceDocuments() {
        assertThat(encryption.pathsWithoutTheDocumentedGrant()).as(lines(encryption.pathsWithoutTheDocumentedGrant()))
                .isEmpty();
    }

    @Test
    void encryptedPaths_shouldBeAdmittedByTheDestinationsPolicy() {
        assertThat(encryption.pathsRefusedByTheDestinationsPolicy())
                .as(lines(encryption.pathsRefusedByTheDestinationsPolicy())).isEmpty();
    }

    @Test
    void paths_shouldBeEveryServiceWriteIntoTheTemplatesEncryptedResources() {
        // What the rules above are checked on: so that they cannot pass by finding no path.
        assertThat(encryption.paths()).extracting(p -> p.grant().principal() + " -> " + p.destination() + " (" + p.key()
                + ")").containsExactlyInAnyOrder(
                "cloudwatch.amazonaws.com -> AlarmTopic (FirebellKey)",
                "events.amazonaws.com -> AlarmIngestFailureQueue (FirebellKey)",
                "sns.amazonaws.com -> AlarmIngestFailureQueue (FirebellKey)",
                "sns.amazonaws.com -> ChatFailureQueue (FirebellKey)",
                "logs.<region>.amazonaws.com -> AlarmIngestLogGroup (FirebellKey)",
                "logs.<region>.amazonaws.com -> EscalationLogGroup (FirebellKey)",
                "logs.<region>.amazonaws.com -> PostmortemLogGroup (FirebellKey)",
                "logs.<region>.amazonaws.com -> ChatLogGroup (FirebellKey)",
                "logs.<region>.amazonaws.com -> WebLogGroup (FirebellKey)",
                "logs.<region>.amazonaws.com -> SmsReplyLogGroup (FirebellKey)",
                "sns.amazonaws.com -> SmsReplyFailureQueue (FirebellKey)",
                "logs.<region>.amazonaws.com -> AnnouncerLogGroup (FirebellKey)",
                "cloudwatch.amazonaws.com -> OpsAlertTopic (OpsAlertKey)");
    }

    @Test
    void checks_shouldReportExactlyTheMarkedMistakes_withTheirLines() {
        // GIVEN
        Path file = ProjectFiles.testTemplate("encryption-mistakes.yaml");
        TemplateEncryption checker = new TemplateEncryption(SamTemplate.load(file));

        // WHEN
        List<String> findings = new ArrayList<>();
        findings.addAll(checker.pathsWithoutTheDocumentedGrant());
        findings.addAll(checker.pathsRefusedByTheDestinationsPolicy());

        // THEN
        assertThat(linesOf(findings)).as(lines(findings)).containsExactlyInAnyOrderElementsOf(markedLines(file));
        assertThat(findings).as(lines(findings))
                .anySatisfy(f -> assertThat(f).contains("SourceAccountKey encrypts ConditionedQueue, which EventBridge"
                        + " dead letters write (Worker Events.Alarms sends its dead letters there), but its policy gives"
                        + " events.amazonaws.com no [kms:Decrypt, kms:GenerateDataKey] without conditions;"
                        + " EventBridgeOfThisAccount (condition aws:SourceAccount) names a condition key the service does"
                        + " not send"))
                .anySatisfy(f -> assertThat(f).contains("NarrowLogsKey encrypts OtherLogs, which CloudWatch Logs write"))
                .anySatisfy(f -> assertThat(f).contains("NoAlarmsKey encrypts SilentTopic, which CloudWatch alarm actions"
                        + " write (Errors notifies it)"))
                .anySatisfy(f -> assertThat(f).contains("SNS redrives write to ClosedQueue (Worker Events.MoreJobs"
                        + " redrives there), but its policy admits no sns.amazonaws.com write"));
    }
}
